import { type Problem, ProblemSchema } from "@atlas/domain";
import type { z } from "zod";
import { adminSession } from "./admin-session";

/** The API answered with an error (RFC 9457 problem+json when it could). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    readonly path: string,
  ) {
    super(problem ? `${problem.title}: ${problem.detail}` : `The API answered ${status} for ${path}`);
    this.name = "ApiError";
  }
}

/** No answer at all: the server is down, restarting, or the network is gone. */
export class ApiUnreachableError extends Error {
  constructor(readonly path: string) {
    super(`The atlas API cannot be reached (${path})`);
    this.name = "ApiUnreachableError";
  }
}

/** The answer did not match the wire contract; a bug on one side, never retried. */
export class ContractError extends Error {
  constructor(
    readonly path: string,
    readonly issues: string,
  ) {
    super(`The API's answer to ${path} does not match the contract: ${issues}`);
    this.name = "ContractError";
  }
}

/** Whether a failed request is worth trying again: unreachable, or the server's own trouble (5xx). */
export function isRetryable(error: unknown): boolean {
  return error instanceof ApiUnreachableError || (error instanceof ApiError && error.status >= 500);
}

export async function readProblem(response: Response): Promise<Problem | null> {
  try {
    const parsed = ProblemSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** `path` asking for draft waves too (the survey team's draft preview). */
export function withDrafts(path: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}include=drafts`;
}

/**
 * GETs `path` from the API and parses the JSON with `schema`: nothing unvalidated reaches a view.
 * 502–504 from a proxy in front of a stopped server count as unreachable. In the survey team's draft
 * preview every read asks for drafts, with the admin token (src/survey-team).
 */
export async function getJson<S extends z.ZodType>(
  path: string,
  schema: S,
  signal?: AbortSignal,
): Promise<z.infer<S>> {
  const preview = adminSession().previewToken();
  const read = preview
    ? previewRead(path, preview, "application/json")
    : { path, headers: { accept: "application/json" } };
  return fetchJson(read.path, schema, { signal: signal ?? null, headers: read.headers });
}

/** A read as the survey team's draft preview makes it: drafts asked for, the admin token in Authorization. */
export function previewRead(
  path: string,
  token: string,
  accept: string,
): { path: string; headers: Record<string, string> } {
  return { path: withDrafts(path), headers: { accept, authorization: `Bearer ${token}` } };
}

/**
 * Sends a request and returns the answer when it is a success; otherwise throws: unreachable (no answer,
 * or 502–504 from a proxy), or an ApiError with the problem+json.
 */
async function fetchOk(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiUnreachableError(path);
  }
  if (response.status >= 502 && response.status <= 504) throw new ApiUnreachableError(path);
  if (!response.ok) throw new ApiError(response.status, await readProblem(response), path);
  return response;
}

/** Sends a request and parses the JSON answer with `schema`; errors as `getJson` describes. */
export async function fetchJson<S extends z.ZodType>(
  path: string,
  schema: S,
  init: RequestInit,
): Promise<z.infer<S>> {
  const response = await fetchOk(path, init);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new ContractError(path, issues);
  }
  return parsed.data;
}

/** A file the API serves (a CSV, an export) with the name its Content-Disposition gives, if any. */
export interface ApiFile {
  blob: Blob;
  fileName: string | null;
}

/**
 * Sends a request for a file and returns it whole; errors as `getJson` describes (a problem+json answer
 * becomes an ApiError, never a saved file).
 */
export async function fetchFile(path: string, init: RequestInit): Promise<ApiFile> {
  const response = await fetchOk(path, init);
  const disposition = response.headers.get("content-disposition") ?? "";
  return { blob: await response.blob(), fileName: /filename="([^"]+)"/.exec(disposition)?.[1] ?? null };
}

/** `/api/x?a=1&b=2`, leaving out absent parameters. */
export function apiPath(path: string, params: Record<string, string | null | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value != null && value !== "") search.set(key, value);
  const text = search.toString().replaceAll("%2C", ",");
  return text ? `/api/${path}?${text}` : `/api/${path}`;
}
