import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type AtlasDb, getDataVersion } from "@atlas/db";
import { AREA_LEVELS, type AreaLevel, SYNTHETIC_DATA_NOTICE, type SyntheticExtent } from "@atlas/domain";
import { serveStatic } from "@hono/node-server/serve-static";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "./deps";
import type { Config } from "./env";

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MBCT Access Atlas</title></head>
<body><main><h1>MBCT Access Atlas</h1><p>The web app has not been built. Run <code>npx pnpm@10.34.8 start</code>,
which builds it, or <code>npx pnpm@10.34.8 --filter @atlas/web build</code>. The API is at <a href="/api/docs">/api/docs</a>.</p></main></body></html>`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * What the page is served with for one data version: whether its survey data are synthetic, and the
 * API's answers every view needs before it can draw anything (so the first render has them, with no
 * round trip). Built from the API's own responses, so the page says exactly what the API says.
 */
export interface PageData {
  synthetic: SyntheticExtent | null;
  /** `{ health, waves, metrics, areas }`: bodies of GET /api/health, /api/waves, /api/metrics, /api/areas. */
  bootstrap: Record<string, unknown>;
}

/** Which page is asked for: the view changes the page's heading, the level which boundaries to preload. */
export interface PageRequest {
  view: "dashboard" | "brief";
  /** Boundaries to fetch alongside the scripts: the map's level when the page opens on the map. */
  preloadLevel: AreaLevel | null;
}

/** The page request named by a query string (the app's own URL state, read only as far as the page needs). */
export function pageRequest(search: URLSearchParams): PageRequest {
  const view = search.get("view") === "brief" ? "brief" : "dashboard";
  const tab = search.get("tab") ?? "map";
  const level = search.get("level");
  const mapLevel: AreaLevel = (AREA_LEVELS as readonly string[]).includes(level ?? "")
    ? (level as AreaLevel)
    : "region";
  return { view, preloadLevel: view === "dashboard" && tab === "map" ? mapLevel : null };
}

/** The synthetic-data notice as markup (the same words the app uses, from @atlas/domain). */
export function noticeHtml(extent: SyntheticExtent): string {
  const words = SYNTHETIC_DATA_NOTICE[extent];
  return (
    `<section class="synthetic-banner" id="synthetic-notice" aria-label="Notice about the data" data-testid="synthetic-banner" data-extent="${extent}">` +
    `<strong>${escapeHtml(words.lead)}</strong> ${escapeHtml(words.body)} <span class="notice-more">${escapeHtml(words.more)}</span></section>`
  );
}

/** JSON in a data block: not executed, so the CSP allows it; `<` escaped so no text can close the element. */
function jsonBlock(id: string, value: unknown): string {
  return `<script type="application/json" id="${id}">${JSON.stringify(value).replace(/</g, "\\u003c")}</script>`;
}

/**
 * The page for one request: run-time map settings as meta tags (the CSP allows no inline script to carry
 * them), the synthetic-data notice and the bootstrap data when the data are known, a preload of the map's
 * boundaries, and the site title as the page's heading only on the dashboard (the brief has its own).
 */
export function renderIndex(
  html: string,
  config: Pick<Config, "tileUrl" | "tileAttribution">,
  request: PageRequest = { view: "dashboard", preloadLevel: null },
  data: PageData | null = null,
): string {
  const head = [
    config.tileUrl ? `<meta name="atlas-tile-url" content="${escapeHtml(config.tileUrl)}">` : "",
    config.tileAttribution
      ? `<meta name="atlas-tile-attribution" content="${escapeHtml(config.tileAttribution)}">`
      : "",
    request.preloadLevel
      ? `<link rel="preload" as="fetch" crossorigin href="/api/boundaries/${request.preloadLevel}">`
      : "",
  ].join("");
  let page = html.includes("<!--atlas:head-->")
    ? html.replace("<!--atlas:head-->", head)
    : html.replace("</head>", `${head}</head>`);
  // At the end of the body, after the markup: the scripts (deferred modules) run once it is parsed.
  if (data) page = page.replace("</body>", `${jsonBlock("atlas-bootstrap", data.bootstrap)}</body>`);
  page = page.replace("<!--atlas:notice-->", data?.synthetic ? noticeHtml(data.synthetic) : "");
  if (request.view === "brief") {
    page = page.replace(/<h1 class="site-title">([^<]*)<\/h1>/, '<p class="site-title">$1</p>');
  }
  return page;
}

/** Reads the bootstrap answers through the app itself; null when any fails (the page then fetches them). */
async function readPageData(app: OpenAPIHono<AppEnv>): Promise<PageData | null> {
  const paths = { health: "/api/health", waves: "/api/waves", metrics: "/api/metrics", areas: "/api/areas" };
  const entries = await Promise.all(
    Object.entries(paths).map(async ([key, path]) => {
      const res = await app.request(path);
      return res.ok ? ([key, await res.json()] as const) : null;
    }),
  );
  if (entries.some((e) => e === null)) return null;
  const bootstrap = Object.fromEntries(entries as Array<readonly [string, unknown]>);
  const waves = (bootstrap.waves as { waves: Array<{ synthetic: boolean }> }).waves;
  const synthetic = waves.some((w) => w.synthetic)
    ? waves.every((w) => w.synthetic)
      ? "all"
      : "some"
    : null;
  return { synthetic, bootstrap };
}

/**
 * Serves the built web app: hashed assets cached for a year, everything else revalidated, and the page
 * itself for any other path so links into the app's views work. The page carries the data's synthetic
 * notice and bootstrap answers, so it is rendered per data version (an import changes it at once, in
 * every process, since the version lives in the database) and revalidated by an ETag of its content.
 */
export function webStatic(distDir: string, config: Pick<Config, "tileUrl" | "tileAttribution">, db: AtlasDb) {
  return (app: OpenAPIHono<AppEnv>) => {
    const indexFile = join(distDir, "index.html");
    const template = existsSync(indexFile) ? readFileSync(indexFile, "utf8") : null;
    let held: { version: string; data: Promise<PageData | null> } | null = null;
    const rendered = new Map<string, { page: string; etag: string }>();

    const dataFor = async (): Promise<{ version: string; data: PageData | null } | null> => {
      let version: string;
      try {
        version = await getDataVersion(db.db);
      } catch {
        return null; // the database is away: serve the plain page, which fetches (and reports) by itself
      }
      if (held?.version !== version) {
        held = { version, data: readPageData(app).catch(() => null) };
        rendered.clear();
      }
      const data = await held.data;
      if (!data && held.version === version) held = null; // try again next time
      return { version, data };
    };

    const sendPage = async (c: Context<AppEnv>) => {
      if (!template) return c.html(NOT_BUILT, 503);
      const request = pageRequest(new URL(c.req.url).searchParams);
      const known = await dataFor();
      const key = `${known?.data ? known.version : "-"}|${request.view}|${request.preloadLevel}`;
      let entry = rendered.get(key);
      if (!entry) {
        const page = renderIndex(template, config, request, known?.data ?? null);
        entry = { page, etag: `"${createHash("sha1").update(page).digest("base64url").slice(0, 20)}"` };
        if (known?.data) rendered.set(key, entry);
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
