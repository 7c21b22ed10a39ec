import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type AtlasDb, getDataVersion } from "@atlas/db";
import { serveStatic } from "@hono/node-server/serve-static";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./deps";
import type { Config } from "./env";
import {
  type AtlasAnswers,
  answer,
  openingCoveragePath,
  type PageData,
  pageRequest,
  preloadLevel,
  readAtlasAnswers,
  renderIndex,
  syntheticExtent,
} from "./web-page";

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MBCT Access Atlas</title></head>
<body><main><h1>MBCT Access Atlas</h1><p>The web app has not been built. Run <code>npx pnpm@10.34.8 start</code>,
which builds it, or <code>npx pnpm@10.34.8 --filter @atlas/web build</code>. The API is at <a href="/api/docs">/api/docs</a>.</p></main></body></html>`;

/** A built page that changes only with a new build (and a restart), with its ETag computed once. */
function builtPage(file: string): { html: string | null; etag: string | null } {
  const html = existsSync(file) ? readFileSync(file, "utf8") : null;
  const etag = html ? `"${createHash("sha1").update(html).digest("base64url").slice(0, 20)}"` : null;
  return { html, etag };
}

/**
 * Serves the built web app: hashed assets cached for a year (precompressed by the build), everything else
 * revalidated, the respondent form (respond.html) at /respond/WAVE/ORG, and the dashboard for any other path
 * so links into its views work. The page carries the data's synthetic
 * notice and bootstrap answers, so it is rendered per data version (an import changes it at once, in
 * every process, since the version lives in the database) and revalidated by an ETag of its content.
 */
export function webStatic(distDir: string, config: Pick<Config, "tileUrl" | "tileAttribution">, db: AtlasDb) {
  return (app: OpenAPIHono<AppEnv>) => {
    const indexFile = join(distDir, "index.html");
    const template = existsSync(indexFile) ? readFileSync(indexFile, "utf8") : null;
    // Per data version: the atlas's answers, each opening view's coverage, and each page rendered.
    let held: { version: string; answers: Promise<AtlasAnswers | null> } | null = null;
    const coverage = new Map<string, Promise<unknown>>();
    const rendered = new Map<string, { page: string; etag: string }>();

    const pageData = async (
      request: ReturnType<typeof pageRequest>,
    ): Promise<{ version: string; data: PageData; coveragePath: string | null } | null> => {
      let version: string;
      try {
        version = await getDataVersion(db.db);
      } catch {
        return null; // the database is away: serve the plain page, which fetches (and reports) by itself
      }
      if (held?.version !== version) {
        held = { version, answers: readAtlasAnswers(app).catch(() => null) };
        coverage.clear();
        rendered.clear();
      }
      const answers = await held.answers;
      if (!answers) {
        if (held.version === version) held = null; // try again next time
        return null;
      }
      const coveragePath = openingCoveragePath(request, answers);
      let opening: unknown = null;
      if (coveragePath) {
        if (!coverage.has(coveragePath)) {
          if (coverage.size > 200) coverage.clear();
          coverage.set(
            coveragePath,
            answer(app, coveragePath).catch(() => null),
          );
        }
        opening = await coverage.get(coveragePath);
      }
      const bootstrap: Record<string, unknown> = { ...answers, ...(opening ? { coverage: opening } : {}) };
      return { version, data: { synthetic: syntheticExtent(answers), bootstrap }, coveragePath };
    };

    const sendPage = async (c: Context<AppEnv>) => {
      if (!template) return c.html(NOT_BUILT, 503);
      const request = pageRequest(new URL(c.req.url).searchParams);
      const known = await pageData(request);
      const key = `${known?.version ?? "-"}|${request.view}|${preloadLevel(request)}|${known?.coveragePath}`;
      let entry = rendered.get(key);
      if (!entry) {
        const page = renderIndex(template, config, request, known?.data ?? null);
        entry = { page, etag: `"${createHash("sha1").update(page).digest("base64url").slice(0, 20)}"` };
        if (known) {
          if (rendered.size > 400) rendered.clear();
          rendered.set(key, entry);
        }
      }
      c.header("Cache-Control", "public, no-cache");
      c.header("ETag", entry.etag);
      if (
        c.req
          .header("if-none-match")
          ?.split(",")
          .some((t) => t.trim().replace(/^W\//, "") === entry.etag)
      ) {
        return c.body(null, 304);
      }
      return c.html(entry.page);
    };
    // The respondent form: its link's token is in the fragment, which never reaches this server. The page
    // sends no Referer anywhere, and search engines are asked not to list it. Static: no data in it.
    const respond = builtPage(join(distDir, "respond.html"));
    const sendRespond = (c: Context<AppEnv>) => {
      c.header("Referrer-Policy", "no-referrer");
      c.header("X-Robots-Tag", "noindex, nofollow");
      if (!respond.html || !respond.etag) return c.html(NOT_BUILT, 503);
      c.header("Cache-Control", "public, no-cache");
      c.header("ETag", respond.etag);
      const matches = c.req
        .header("if-none-match")
        ?.split(",")
        .some((t) => t.trim().replace(/^W\//, "") === respond.etag);
      return matches ? c.body(null, 304) : c.html(respond.html);
    };
    app.get("/respond", sendRespond);
    app.get("/respond/*", sendRespond);
    app.get("/", sendPage);
    app.get("/index.html", sendPage);
    // Cache headers on the response once a file is found (serveStatic's own hook sets them too late for
    // some adapters). Hashed assets never change; anything else is revalidated.
    const cacheFor =
      (policy: string): MiddlewareHandler<AppEnv> =>
      async (c, next) => {
        await next();
        if (c.res.status === 200) c.res.headers.set("Cache-Control", policy);
      };
    // The build writes .br and .gz beside each asset (apps/web/vite.config.ts): sent as they are. An asset
    // that is not there is a 404 (a page from an older build asking for its chunks), never the page.
    app.use(
      "/assets/*",
      cacheFor("public, max-age=31536000, immutable"),
      serveStatic({ root: distDir, precompressed: true }),
    );
    app.get("/assets/*", (c) => c.notFound());
    app.use("*", cacheFor("public, no-cache"), serveStatic({ root: distDir }));
    app.get("*", sendPage);
  };
}
