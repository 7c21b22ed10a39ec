import type { ReturnProblem } from "@atlas/domain";

// Plain-data errors of respondent links; the routes turn them into problem+json, the CLI into exit codes.

/** A survey-team request about links that cannot be done as asked (nothing was changed). */
export class LinkRequestError extends Error {
  constructor(
    readonly kind: "bad_request" | "conflict" | "not_found",
    message: string,
    readonly details: { parameter: string; message: string; value?: string; allowed?: string[] }[] = [],
  ) {
    super(message);
    this.name = "LinkRequestError";
  }
}

/**
 * A presented token opens nothing it may: no such token, another organisation's or wave's, revoked,
 * expired, or its wave is published. The reason is for the log only; every client sees the same 404.
 */
export class LinkNotWorkingError extends Error {
  constructor(readonly reason: "unknown" | "scope" | "revoked" | "expired" | "published") {
    super(`respondent link refused: ${reason}`);
    this.name = "LinkNotWorkingError";
  }
}

/** A submitted return breaks the rules of a return: every problem, by column. Nothing was stored. */
export class ReturnInvalidError extends Error {
  constructor(readonly problems: ReturnProblem[]) {
    super(`the return has ${problems.length} ${problems.length === 1 ? "problem" : "problems"}`);
    this.name = "ReturnInvalidError";
  }
}
