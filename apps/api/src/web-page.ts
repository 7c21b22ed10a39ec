import {
  AREA_LEVELS,
  type AreaLevel,
  DEFAULT_METRIC_BY_LEVEL,
  SYNTHETIC_DATA_NOTICE,
  type SyntheticExtent,
} from "@atlas/domain";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./deps";
import type { Config } from "./env";

/**
 * The page the server sends for every view of the app: index.html from the web build with what only the
 * server knows written in, so the first paint is right and the first render needs no round trip.
 */

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The part of the app's URL state the page needs (the app reads the full state itself). */
export interface PageRequest {
  view: "dashboard" | "brief" | "directory" | "survey-team";
  tab: string;
  level: AreaLevel;
  /** As written in the URL; checked against the data before use. */
  metric: string | null;
  wave: string | null;
}

/** The page request named by a query string. */
export function pageRequest(search: URLSearchParams): PageRequest {
  const level = search.get("level");
  const view = search.get("view");
  return {
    view: view === "brief" || view === "directory" || view === "survey-team" ? view : "dashboard",
    tab: search.get("tab") ?? "map",
    level: (AREA_LEVELS as readonly string[]).includes(level ?? "") ? (level as AreaLevel) : "region",
    metric: search.get("metric"),
    wave: search.get("wave"),
  };
}

/** Boundaries to fetch alongside the scripts: the map's level, when the page opens on the map. */
export function preloadLevel(request: PageRequest): AreaLevel | null {
  return request.view === "dashboard" && request.tab === "map" ? request.level : null;
}

/** What the API says about the whole atlas, read once per data version. */
export interface AtlasAnswers {
  health: unknown;
  waves: { waves: Array<{ id: string; synthetic: boolean }> };
  metrics: { metrics: Array<{ id: string }> };
  areas: unknown;
}

/**
 * The coverage request the view opens with (map, table and chart show the metric at the level for the
 * wave), resolved as the app resolves it: an unknown wave means the latest, an unknown metric the level's
 * default (need-based at local level), or the first.
 */
export function openingCoveragePath(request: PageRequest, answers: AtlasAnswers): string | null {
  if (request.view !== "dashboard" || !["map", "table", "chart"].includes(request.tab)) return null;
  const waves = answers.waves.waves.map((w) => w.id).sort();
  const wave = request.wave && waves.includes(request.wave) ? request.wave : waves.at(-1);
  const metrics = answers.metrics.metrics.map((m) => m.id);
  const levelDefault = DEFAULT_METRIC_BY_LEVEL[request.level];
  const metric =
    request.metric && metrics.includes(request.metric)
      ? request.metric
      : metrics.includes(levelDefault)
        ? levelDefault
        : metrics[0];
  if (!wave || !metric) return null;
  return `/api/coverage?${new URLSearchParams({ wave, level: request.level, metric })}`;
}

export function syntheticExtent(answers: AtlasAnswers): SyntheticExtent | null {
  const waves = answers.waves.waves;
  if (!waves.some((w) => w.synthetic)) return null;
  return waves.every((w) => w.synthetic) ? "all" : "some";
}

/** GETs an API path through the app itself (the same answer a browser gets); null unless it is a 200. */
export async function answer(app: OpenAPIHono<AppEnv>, path: string): Promise<unknown> {
  const res = await app.request(path);
  return res.ok ? res.json() : null;
}

/** The answers every view needs, through the app itself; null when any is missing (the page then fetches). */
export async function readAtlasAnswers(app: OpenAPIHono<AppEnv>): Promise<AtlasAnswers | null> {
  const [health, waves, metrics, areas] = await Promise.all(
    ["/api/health", "/api/waves", "/api/metrics", "/api/areas"].map((path) => answer(app, path)),
  );
  if (!health || !waves || !metrics || !areas) return null;
  return { health, waves, metrics, areas } as AtlasAnswers;
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

/** What one page carries: the notice's extent, and the API's answers for the first render. */
export interface PageData {
  synthetic: SyntheticExtent | null;
  /** `{ health, waves, metrics, areas, coverage? }`: bodies of the API's own answers. */
  bootstrap: Record<string, unknown>;
}

/**
 * The page for one request: run-time map settings as meta tags (the CSP allows no inline script to carry
 * them), a preload of the map's boundaries, the synthetic-data notice and the bootstrap data when the
 * data are known, and the site title as the page's heading only on the dashboard (the brief and the
 * directory have their own).
 */
export function renderIndex(
  html: string,
  config: Pick<Config, "tileUrl" | "tileAttribution">,
  request: PageRequest = pageRequest(new URLSearchParams()),
  data: PageData | null = null,
): string {
  const level = preloadLevel(request);
  const head = [
    config.tileUrl ? `<meta name="atlas-tile-url" content="${escapeHtml(config.tileUrl)}">` : "",
    config.tileAttribution
      ? `<meta name="atlas-tile-attribution" content="${escapeHtml(config.tileAttribution)}">`
      : "",
    level ? `<link rel="preload" as="fetch" crossorigin href="/api/boundaries/${level}">` : "",
  ].join("");
  let page = html.includes("<!--atlas:head-->")
    ? html.replace("<!--atlas:head-->", head)
    : html.replace("</head>", `${head}</head>`);
  page = page.replace("<!--atlas:notice-->", data?.synthetic ? noticeHtml(data.synthetic) : "");
  // At the end of the body, after the markup: the scripts (deferred modules) run once it is parsed.
  if (data) page = page.replace("</body>", `${jsonBlock("atlas-bootstrap", data.bootstrap)}</body>`);
  // Pages with a heading of their own: the site's name is no longer the page's h1.
  if (request.view !== "dashboard") {
    page = page.replace(/<h1 class="site-title">([^<]*)<\/h1>/, '<p class="site-title">$1</p>');
  }
  return page;
}
