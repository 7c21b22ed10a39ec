import { createHash } from "node:crypto";
import { type AtlasDb, getDataVersion } from "@atlas/db";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../deps";

/**
 * ETags for API reads, keyed by the data version stored in the database and the full URL.
 * A client's If-None-Match is answered 304 before any data is loaded; an import through any process
 * bumps the version, so no process serves pre-import data to a revalidating client.
 */
export function dataEtag(db: AtlasDb): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const cacheControl = cachePolicy(c.req.path);
    const version = await getDataVersion(db.db);
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
 * Boundaries and places change only with a release, so they may be cached for a day; everything else is revalidated
 * on every use. That includes /api/health: a revalidation still reads the data version from the database,
 * so a 304 from it proves the process and the database are up, as a 200 does.
 */
export function cachePolicy(path: string): string {
  if (path.startsWith("/api/boundaries/") || path === "/api/places")
    return "public, max-age=86400, stale-while-revalidate=604800";
  return "public, no-cache";
}
