import { createHash, timingSafeEqual } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../deps";
import type { Logger } from "../logger";
import { ProblemError } from "../problem";

/** Failed attempts allowed per client address per window before further attempts get 429. */
export const AUTH_FAILURE_LIMIT = { max: 10, windowMs: 60_000 } as const;
/** Addresses tracked at once; the oldest are forgotten first, so the table cannot grow without bound. */
const MAX_TRACKED = 10_000;

/**
 * Counts failed attempts per client address in a sliding window. Per process: with several API processes a
 * client gets up to `max` attempts per window from each, still far too few to guess a 16+ character token.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max: number = AUTH_FAILURE_LIMIT.max,
    private readonly windowMs: number = AUTH_FAILURE_LIMIT.windowMs,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the client may try again, or 0 when it may try now. */
  retryAfter(client: string): number {
    const recent = this.recent(client);
    if (recent.length < this.max) return 0;
    return Math.max(1, Math.ceil((recent[0]! + this.windowMs - this.now()) / 1000));
  }

  fail(client: string): void {
    const recent = [...this.recent(client), this.now()];
    this.failures.delete(client);
    this.failures.set(client, recent);
    if (this.failures.size > MAX_TRACKED) this.failures.delete(this.failures.keys().next().value!);
  }

  private recent(client: string): number[] {
    const cutoff = this.now() - this.windowMs;
    return (this.failures.get(client) ?? []).filter((t) => t > cutoff);
  }
}

/** The peer address of the connection (not X-Forwarded-For, which a client can forge), or "unknown". */
export function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // no socket, e.g. app.request() in tests
  }
}

/** Compares two secrets in time that does not depend on where they differ (or on their lengths). */
export function tokensMatch(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/**
 * Guards an admin request (imports, publication, the response tracker, `include=drafts` reads): 403 when no
 * admin token is configured (admin over HTTP off), 429 after too many failures from one address, 401 with
 * WWW-Authenticate for a missing or wrong `Authorization: Bearer` token. Every failure is logged with the
 * client address and request id (never the token). Give every admin route the same guard (one limiter), so
 * failures anywhere count together.
 */
export function requireAdminToken(
  adminToken: string | undefined,
  limiter: FailureLimiter,
  logger: Logger,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!adminToken) {
      throw new ProblemError(
        "forbidden",
        "HTTP imports are off, and so is every other admin request (drafts, publication, the response tracker): the server has no ATLAS_ADMIN_TOKEN. Set one to enable them, or use the CLI (`pnpm atlas import FILE`, `pnpm atlas publish WAVE`).",
      );
    }
    const client = clientAddress(c);
    const wait = limiter.retryAfter(client);
    if (wait > 0) {
      logger.info("admin request refused: too many failed attempts", {
        requestId: c.get("requestId"),
        client,
        path: c.req.path,
      });
      throw new ProblemError(
        "too_many_requests",
        `Too many failed attempts from ${client}; try again in ${wait} s.`,
        undefined,
        { "Retry-After": String(wait) },
      );
    }
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match || !tokensMatch(match[1]!, adminToken)) {
      limiter.fail(client);
      const reason = match ? "wrong token" : header ? "not a Bearer token" : "no Authorization header";
      logger.info("admin request refused: authorisation failed", {
        requestId: c.get("requestId"),
        client,
        path: c.req.path,
        reason,
      });
      const error = match ? ', error="invalid_token"' : "";
      throw new ProblemError(
        "unauthorized",
        "Admin requests (imports, drafts, publication, the response tracker) need `Authorization: Bearer <token>` with the server's admin token.",
        [{ parameter: "Authorization", message: reason }],
        { "WWW-Authenticate": `Bearer realm="atlas-admin"${error}` },
      );
    }
    c.set("admin", true);
    await next();
  };
}
