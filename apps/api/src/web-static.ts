import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./deps";

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MBCT Access Atlas</title></head>
<body><main><h1>MBCT Access Atlas</h1><p>The web app has not been built. Run <code>npx pnpm@10.34.8 start</code>,
which builds it, or <code>npx pnpm@10.34.8 --filter @atlas/web build</code>. The API is at <a href="/api/docs">/api/docs</a>.</p></main></body></html>`;

/**
 * Serves the built web app: hashed assets cached for a year, everything else revalidated,
 * and index.html for any other path so links into the app's views work.
 */
export function webStatic(distDir: string) {
  return (app: OpenAPIHono<AppEnv>) => {
    const indexFile = join(distDir, "index.html");
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
    app.get("*", (c) => {
      if (!existsSync(indexFile)) return c.html(NOT_BUILT, 503);
      c.header("Cache-Control", "public, no-cache");
      return c.html(readFileSync(indexFile, "utf8"));
    });
  };
}
