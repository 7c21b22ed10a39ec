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

/**
 * Serves the built web app: hashed assets cached for a year, everything else revalidated,
 * and the page itself for any other path so links into the app's views work.
 */
export function webStatic(distDir: string, config: Pick<Config, "tileUrl" | "tileAttribution">) {
  return (app: OpenAPIHono<AppEnv>) => {
    const indexFile = join(distDir, "index.html");
    const page = existsSync(indexFile) ? renderIndex(readFileSync(indexFile, "utf8"), config) : null;
    // The page only changes with a new build (and a restart), so its ETag is computed once.
    const pageEtag = page ? `"${createHash("sha1").update(page).digest("base64url").slice(0, 20)}"` : null;
    const sendPage = (c: Context<AppEnv>) => {
      if (!page || !pageEtag) return c.html(NOT_BUILT, 503);
      c.header("Cache-Control", "public, no-cache");
      c.header("ETag", pageEtag);
      if (
        c.req
          .header("if-none-match")
          ?.split(",")
          .some((t) => t.trim().replace(/^W\//, "") === pageEtag)
      ) {
        return c.body(null, 304);
      }
      return c.html(page);
    };
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
