import { createHash } from "node:crypto";
import { type AtlasDb, getDataVersion, getPublicDataVersion } from "@atlas/db";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../deps";

/** What admin answers (drafts, the tracker, anything asked with a token) carry: never stored by any cache. */
export const PRIVATE_CACHE_CONTROL = "private, no-store";

/** Admin reads that are not data reads: never given an ETag, always private. */
const ADMIN_READ = /^\/api\/waves\/(status|[^/]+\/(tracker|links))$/;

/**
 * ETags for API reads, keyed by the public data version stored in the database and the full URL.
 * A client's If-None-Match is answered 304 before any data is loaded; an import that changes what the public
 * sees bumps the public version (through any process), so no process serves stale public data to a
 * revalidating client, and a draft import changes no public ETag.
 *
 * Reads with drafts (`include=drafts`, checked by draftsAccess before this), admin reads and any request
 * that carries Authorization are private: they use the full data version, get no ETag and
 * `Cache-Control: private, no-store`, so no shared cache keeps an admin's view.
 */
export function dataEtag(db: AtlasDb): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    // Respondent reads are not data reads: never an ETag or a 304, whatever the request carries (their
    // routes make every answer no-store, so a refusal looks the same with or without a token).
    if (c.req.path.startsWith("/api/respond/")) return next();
    const drafts = c.get("includeDrafts") === true;
    if (drafts || ADMIN_READ.test(c.req.path) || c.req.header("authorization") !== undefined) {
      c.set("dataVersion", drafts ? await getDataVersion(db.db) : await getPublicDataVersion(db.db));
      await next();
      c.res.headers.set("Cache-Control", PRIVATE_CACHE_CONTROL);
      c.res.headers.delete("ETag");
      return;
    }
    const cacheControl = cachePolicy(c.req.path);
    const version = await getPublicDataVersion(db.db);
    c.set("dataVersion", version);
    const url = new URL(c.req.url);
    const hash = createHash("sha1").update(`${version}|${url.pathname}${url.search}`).digest("base64url");
    const etag = `"${hash.slice(0, 20)}"`;
    const ifNoneMatch = c.req.header("if-none-match");
    if (ifNoneMatch?.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) {
      return c.body(null, 304, { ETag: etag, "Cache-Control": cacheControl });
    }
    await next();
    if (c.res.status === 200) {
      c.res.headers.set("ETag", etag);
      c.res.headers.set("Cache-Control", cacheControl);
    }
  };
}

/**
 * Boundaries, places and context series change only with a release, so they may be cached for a day; everything else is revalidated
 * on every use. That includes /api/health: a revalidation still reads the data version from the database,
 * so a 304 from it proves the process and the database are up, as a 200 does.
 */
export function cachePolicy(path: string): string {
  if (path.startsWith("/api/boundaries/") || path === "/api/places" || path === "/api/context")
    return "public, max-age=86400, stale-while-revalidate=604800";
  return "public, no-cache";
}
