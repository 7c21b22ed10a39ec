import type { Problem } from "@atlas/domain";

export type ProblemCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "confirmation_required"
  | "payload_too_large"
  | "unsupported_media_type"
  | "unprocessable"
  | "too_many_requests"
  | "import_in_progress"
  | "database_unavailable"
  | "internal";

const STATUS: Record<ProblemCode, { status: number; title: string }> = {
  bad_request: { status: 400, title: "Bad request" },
  unauthorized: { status: 401, title: "Unauthorized" },
  forbidden: { status: 403, title: "Forbidden" },
  not_found: { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Conflict" },
  confirmation_required: { status: 409, title: "Confirmation required" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  unprocessable: { status: 422, title: "Unprocessable content" },
  too_many_requests: { status: 429, title: "Too many requests" },
  import_in_progress: { status: 503, title: "Import in progress" },
  database_unavailable: { status: 503, title: "Database unavailable" },
  internal: { status: 500, title: "Internal server error" },
};

export type ProblemDetail = NonNullable<Problem["errors"]>[number];

/**
 * The one error type routes throw. `app.onError` turns it into RFC 9457 problem+json.
 * @example throw new ProblemError("not_found", `No wave "2031"`, [{ parameter: "wave", message: "unknown wave" }])
 */
export class ProblemError extends Error {
  readonly code: ProblemCode;
  readonly errors: ProblemDetail[] | undefined;
  readonly headers: Record<string, string>;
  /** RFC 9457 extension members (e.g. `waves`, the diff of an import refused until confirmed). */
  readonly extensions: Pick<Problem, "waves">;

  constructor(
    code: ProblemCode,
    detail: string,
    errors?: ProblemDetail[],
    headers: Record<string, string> = {},
    extensions: Pick<Problem, "waves"> = {},
  ) {
    super(detail);
    this.code = code;
    this.errors = errors;
    this.headers = headers;
    this.extensions = extensions;
  }

  get status(): number {
    return STATUS[this.code].status;
  }

  toProblem(instance: string, requestId: string | undefined): Problem {
    const { status, title } = STATUS[this.code];
    return {
      type: `https://mbct-atlas.example/problems/${this.code.replace(/_/g, "-")}`,
      title,
      status,
      detail: this.message,
      instance,
      ...(requestId ? { requestId } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extensions,
    };
  }
}

/** Errors that mean the database cannot be reached (server down, restarting, refused), not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    const message = String((e as { message?: unknown }).message ?? "");
    if (
      typeof code === "string" &&
      /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EPIPE|57P0[1-3]|08\d\d\d|SQLITE_BUSY)$/.test(code)
    ) {
      return true;
    }
    if (
      /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
        message,
      )
    ) {
      return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
