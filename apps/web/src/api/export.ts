import type { AreaSort, EXPORT_VIEWS } from "@atlas/domain";
import type { NeedInUrl } from "../url/url-state";
import { type ApiFile, apiPath, fetchFile, previewRead } from "./client";
import { needParams } from "./queries";

type ExportView = (typeof EXPORT_VIEWS)[number];

/** The views /api/export can reproduce, with the filters each takes (the view's own query parameters). */
export type ExportRequest = { view: ExportView } & (
  | { view: "coverage"; wave: string; level: string; metric: string; sort?: AreaSort; need?: NeedInUrl }
  | { view: "gaps"; wave: string; level: string; need?: NeedInUrl }
  | {
      view: "trends";
      metric: string;
      level: string;
      areas: string[];
      basis: "recorded" | "current";
      need?: NeedInUrl;
    }
  | { view: "organisations"; wave: string; area: string | null }
  | { view: "transitions"; from: string; to: string }
  | { view: "factors"; wave: string }
);

/**
 * The URL of the CSV (or JSON) of exactly one view: the same filters the view used, and the order its
 * rows are shown in, and the need assumptions it was computed with, so the download always matches the screen.
 */
export function exportUrl(request: ExportRequest, format: "csv" | "json" = "csv"): string {
  const { view, need, ...filters } = request as ExportRequest & { need?: NeedInUrl };
  const metric = "metric" in request ? request.metric : null;
  const params: Record<string, string | null | undefined> = {
    view,
    format,
    ...(need ? needParams(metric, need) : {}),
  };
  for (const [key, value] of Object.entries(filters)) {
    params[key] = Array.isArray(value) ? value.join(",") : (value as string | null | undefined);
  }
  return apiPath("export", params);
}

/**
 * The file of one view with the draft waves in it, for the survey team's draft preview: a plain link
 * cannot carry the admin token (it travels only in Authorization), and without it the export would show
 * the public data, or no such wave, instead of what the preview shows.
 */
export function fetchDraftExport(
  request: ExportRequest,
  format: "csv" | "json",
  token: string,
): Promise<ApiFile> {
  const read = previewRead(
    exportUrl(request, format),
    token,
    format === "csv" ? "text/csv" : "application/json",
  );
  return fetchFile(read.path, { credentials: "same-origin", headers: read.headers });
}
