import {
  type CreatedLinks,
  CreatedLinksSchema,
  type ImportSummary,
  ImportSummarySchema,
  type PublicationResult,
  PublicationResultSchema,
  type ResponseTracker,
  ResponseTrackerSchema,
  RevokeLinkResultSchema,
  WaveStatusListSchema,
} from "@atlas/domain";
import type { z } from "zod";
import { apiPath, fetchFile, fetchJson } from "../api/client";

export type RevokeLinkResult = z.infer<typeof RevokeLinkResultSchema>;
export type WaveStatusList = z.infer<typeof WaveStatusListSchema>;
export type WaveStatus = WaveStatusList["waves"][number];

export interface ImportOptions {
  mode: "add" | "replace";
  draft: boolean;
  by: string;
  dryRun: boolean;
  confirmShrink?: boolean;
  /** The waves the file holds, when it names more than one. */
  confirmWaves?: readonly string[];
}

export interface LinkRequest {
  orgCodes?: readonly string[];
  reissue?: boolean;
  by?: string;
}

/**
 * The survey team's requests, each with the admin token in `Authorization: Bearer` (never in the URL),
 * answers parsed with the shared wire schemas. Errors are the dashboard's: ApiError (with the problem+json),
 * ApiUnreachableError, ContractError.
 */
export class AdminApi {
  constructor(private readonly token: string) {}

  private init(init: Omit<RequestInit, "headers"> = {}, headers: Record<string, string> = {}): RequestInit {
    return {
      ...init,
      credentials: "same-origin",
      headers: { accept: "application/json", ...headers, authorization: `Bearer ${this.token}` },
    };
  }

  private post<S extends z.ZodType>(path: string, schema: S, body?: unknown): Promise<z.infer<S>> {
    return fetchJson(
      path,
      schema,
      body === undefined
        ? this.init({ method: "POST" })
        : this.init({ method: "POST", body: JSON.stringify(body) }, { "content-type": "application/json" }),
    );
  }

  waveStatus(signal?: AbortSignal): Promise<WaveStatusList> {
    return fetchJson(apiPath("waves/status"), WaveStatusListSchema, this.init({ signal: signal ?? null }));
  }

  tracker(wave: string, signal?: AbortSignal): Promise<ResponseTracker> {
    return fetchJson(
      apiPath(`waves/${wave}/tracker`),
      ResponseTrackerSchema,
      this.init({ signal: signal ?? null }),
    );
  }

  /** The organisations still to chase (missing, no response) as the server's CSV. */
  async chaseCsv(wave: string): Promise<Blob> {
    const path = apiPath(`waves/${wave}/tracker`, { format: "csv" });
    return (await fetchFile(path, this.init({}, { accept: "text/csv" }))).blob;
  }

  importFile(file: File, options: ImportOptions): Promise<ImportSummary> {
    const path = apiPath("imports", {
      mode: options.mode,
      draft: options.draft ? "true" : null,
      dryRun: options.dryRun ? "true" : null,
      by: options.by.trim() || null,
      confirmShrink: options.confirmShrink ? "true" : null,
      confirmWaves: options.confirmWaves?.length ? options.confirmWaves.join(",") : null,
    });
    const form = new FormData();
    form.append("file", file, file.name);
    return fetchJson(path, ImportSummarySchema, this.init({ method: "POST", body: form }));
  }

  /** `provisional`: mark the wave provisional (its values may still change); omitted keeps its mark. */
  publish(wave: string, by: string, provisional?: boolean): Promise<PublicationResult> {
    const query = {
      by: by.trim() || null,
      provisional: provisional === undefined ? null : String(provisional),
    };
    return this.post(apiPath(`waves/${wave}/publish`, query), PublicationResultSchema);
  }

  unpublish(wave: string, by: string): Promise<PublicationResult> {
    return this.post(apiPath(`waves/${wave}/unpublish`, { by: by.trim() || null }), PublicationResultSchema);
  }

  createLinks(wave: string, request: LinkRequest): Promise<CreatedLinks> {
    const body = {
      ...(request.orgCodes ? { orgCodes: [...request.orgCodes] } : {}),
      ...(request.reissue ? { reissue: true } : {}),
      ...(request.by?.trim() ? { by: request.by.trim() } : {}),
    };
    return this.post(apiPath(`waves/${wave}/links`), CreatedLinksSchema, body);
  }

  revokeLink(wave: string, org: string, by: string): Promise<RevokeLinkResult> {
    return this.post(
      apiPath(`waves/${wave}/links/${encodeURIComponent(org)}/revoke`, { by: by.trim() || null }),
      RevokeLinkResultSchema,
    );
  }
}
