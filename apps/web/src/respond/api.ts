import type { AnswerCells, ReturnProblem } from "@atlas/domain/respondent";

/**
 * The respondent API, for this page only. The link's token goes in `Authorization: Bearer`, set here from
 * the link's fragment: never in a URL the server sees, never in a cookie. Answers are checked by shape
 * lightly (the page does not bundle zod).
 */

export interface Scope {
  waveId: string;
  orgCode: string;
}

export interface OpenedReturn {
  wave: { id: string; label: string };
  organisation: { code: string; name: string; areaName: string };
  link: { expiresAt: string; submittedAt: string | null };
  draft: { cells: Record<string, string>; role: string | null; savedAt: string } | null;
  received: { cells: Record<string, string>; at: string | null; by: string | null } | null;
  previous: { waveId: string; label: string; cells: Record<string, string> } | null;
}

export interface Received {
  receivedAt: string;
  action: "added" | "changed" | "unchanged";
  fields: string[];
  cells: Record<string, string>;
  message: string;
}

/** Why a request failed, in the terms the page acts on. */
export type Failure =
  | { kind: "not_found" }
  | { kind: "invalid"; problems: ReturnProblem[] }
  | { kind: "rate_limited"; retryAfterMs: number }
  | { kind: "unreachable" }
  | { kind: "server"; status: number; detail: string };

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

/** Give up on a request after this long (a slow connection still gets a long time). */
const TIMEOUT_MS = 30_000;

export interface Body {
  cells: AnswerCells;
  role: string | null;
}

export class RespondentApi {
  constructor(
    private readonly scope: Scope,
    private readonly token: string,
  ) {}

  private url(suffix = ""): string {
    return `/api/respond/${encodeURIComponent(this.scope.waveId)}/${encodeURIComponent(this.scope.orgCode)}${suffix}`;
  }

  private headers(json: boolean): Record<string, string> {
    return {
      Authorization: `Bearer ${this.token}`,
      Accept: "application/json",
      ...(json ? { "Content-Type": "application/json" } : {}),
    };
  }

  open(): Promise<Result<OpenedReturn>> {
    return this.request<OpenedReturn>("GET", "");
  }

  saveDraft(body: Body): Promise<Result<{ savedAt: string; problems: ReturnProblem[] }>> {
    return this.request("PUT", "/draft", body);
  }

  submit(body: Body): Promise<Result<Received>> {
    return this.request("POST", "/submit", body);
  }

  /** Sends the draft as the page is closed; the browser finishes it even after the page is gone. */
  saveDraftOnExit(body: Body): void {
    try {
      void fetch(this.url("/draft"), {
        method: "PUT",
        headers: this.headers(true),
        body: JSON.stringify(body),
        keepalive: true,
        referrerPolicy: "no-referrer",
        credentials: "omit",
      }).catch(() => undefined);
    } catch {
      // the page is going anyway
    }
  }

  private async request<T>(method: string, suffix: string, body?: Body): Promise<Result<T>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    let response: Response;
    try {
      response = await fetch(this.url(suffix), {
        method,
        headers: this.headers(body !== undefined),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: controller.signal,
        cache: "no-store",
        referrerPolicy: "no-referrer",
        credentials: "omit",
      });
    } catch {
      return { ok: false, failure: { kind: "unreachable" } };
    } finally {
      clearTimeout(timer);
    }
    let json: unknown = null;
    try {
      json = await response.json();
    } catch {
      json = null;
    }
    if (response.ok && json && typeof json === "object") return { ok: true, value: json as T };
    return { ok: false, failure: failureOf(response, json) };
  }
}

function failureOf(response: Response, json: unknown): Failure {
  const problem = (json ?? {}) as { detail?: unknown; errors?: unknown };
  if (response.status === 404) return { kind: "not_found" };
  if (response.status === 429) {
    const seconds = Number(response.headers.get("retry-after"));
    return {
      kind: "rate_limited",
      retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 5000,
    };
  }
  if (response.status === 422 && Array.isArray(problem.errors)) {
    return { kind: "invalid", problems: problem.errors as ReturnProblem[] };
  }
  if (response.status === 502 || response.status === 503 || response.status === 504) {
    return { kind: "unreachable" };
  }
  return {
    kind: "server",
    status: response.status,
    detail: typeof problem.detail === "string" ? problem.detail : `The server answered ${response.status}.`,
  };
}
