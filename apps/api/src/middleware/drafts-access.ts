import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../deps";
import { ProblemError } from "../problem";

/**
 * `?include=drafts` on a read: only with the admin token (the same guard as imports). Without a valid token
 * it is 401/403/429 problem+json, never a silently public answer. Marks the request `includeDrafts` for the
 * ETag middleware (full data version, private responses) and the routes (the index with drafts).
 */
export function draftsAccess(guard: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const include = c.req.queries("include");
    if (include === undefined) return next();
    if (include.length !== 1 || include[0] !== "drafts") {
      throw new ProblemError(
        "bad_request",
        `include: "${include.join(",")}" is not allowed; use include=drafts`,
        [{ parameter: "include", message: "unknown value", allowed: ["drafts"] }],
      );
    }
    return guard(c, async () => {
      c.set("includeDrafts", true);
      await next();
    });
  };
}
