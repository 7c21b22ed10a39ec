import { apiPath } from "./client";

/** The views /api/export can reproduce, with the filters each takes. */
export type ExportRequest =
  | { view: "coverage"; wave: string; level: string; metric: string }
  | { view: "gaps"; wave: string; level: string }
  | { view: "trends"; metric: string; level: string; areas: string[] }
  | { view: "organisations"; wave: string; area: string | null }
  | { view: "factors"; wave: string }
  | { view: "transitions"; from: string; to: string };

/**
 * The URL of the CSV (or JSON) of exactly one view: the same filters the view used, so the download
 * always matches the screen.
 */
export function exportUrl(request: ExportRequest, format: "csv" | "json" = "csv"): string {
  const { view, ...filters } = request;
  const params: Record<string, string | null> = { view, format };
  for (const [key, value] of Object.entries(filters)) {
    params[key] = Array.isArray(value) ? value.join(",") : (value as string | null);
  }
  return apiPath("export", params);
}
