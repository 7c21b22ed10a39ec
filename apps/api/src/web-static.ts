import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "./deps";
import type { Config } from "./env";

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MBCT Access Atlas</title></head>
<body><main><h1>MBCT Access Atlas</h1><p>The web app has not been built. Run <code>npx pnpm@10.34.8 start</code>,
which builds it, or <code>npx pnpm@10.34.8 --filter @atlas/web build</code>. The API is at <a href="/api/docs">/api/docs</a>.</p></main></body></html>`;

const attr = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The page, with run-time map settings as meta tags (the CSP allows no inline script to carry them). */
export function renderIndex(html: string, config: Pick<Config, "tileUrl" | "tileAttribution">): string {
  const metas = [
    config.tileUrl ? `<meta name="atlas-tile-url" content="${attr(config.tileUrl)}">` : "",
    config.tileAttribution
      ? `<meta name="atlas-tile-attribution" content="${attr(config.tileAttribution)}">`
      : "",
  ].join("");
  return metas ? html.replace("</head>", `${metas}</head>`) : html;
}

/** A built page and its ETag, computed once (a page only changes with a new build and a restart). */
function builtPage(file: string, render: (html: string) => string = (html) => html) {
  const html = existsSync(file) ? render(readFileSync(file, "utf8")) : null;
  const etag = html ? `"${createHash("sha1").update(html).digest("base64url").slice(0, 20)}"` : null;
  return { html, etag };
}

/**
 * Serves the built web app: hashed assets cached for a year, everything else revalidated, the respondent
 * form (respond.html) at /respond/WAVE/ORG, and the dashboard for any other path so links into its views work.
 */
export function webStatic(distDir: string, config: Pick<Config, "tileUrl" | "tileAttribution">) {
  return (app: OpenAPIHono<AppEnv>) => {
    const dashboard = builtPage(join(distDir, "index.html"), (html) => renderIndex(html, config));
    const respond = builtPage(join(distDir, "respond.html"));
    const send = (c: Context<AppEnv>, html: string | null, etag: string | null) => {
      if (!html || !etag) return c.html(NOT_BUILT, 503);
      c.header("Cache-Control", "public, no-cache");
      c.header("ETag", etag);
      if (
        c.req
          .header("if-none-match")
          ?.split(",")
          .some((t) => t.trim().replace(/^W\//, "") === etag)
      ) {
        return c.body(null, 304);
      }
      return c.html(html);
    };
    const sendPage = (c: Context<AppEnv>) => send(c, dashboard.html, dashboard.etag);
    // The respondent form: its link's token is in the fragment, which never reaches this server. The page
    // sends no Referer anywhere, and search engines are asked not to list it.
    const sendRespond = (c: Context<AppEnv>) => {
      c.header("Referrer-Policy", "no-referrer");
      c.header("X-Robots-Tag", "noindex, nofollow");
      return send(c, respond.html, respond.etag);
    };
    app.get("/respond", sendRespond);
    app.get("/respond/*", sendRespond);
    app.get("/", sendPage);
    app.get("/index.html", sendPage);
    app.use(
      "/assets/*",
      serveStatic({
        root: distDir,
        onFound: (_path, c) => {
          c.header("Cache-Control", "public, max-age=31536000, immutable");
        },
      }),
    );
    app.use(
      "*",
      serveStatic({ root: distDir, onFound: (_p, c) => c.header("Cache-Control", "public, no-cache") }),
    );
    app.get("*", sendPage);
  };
}
