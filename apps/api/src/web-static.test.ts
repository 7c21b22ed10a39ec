import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bumpDataVersion, upsertWave } from "@atlas/db";
import { TEST_DIALECTS } from "@atlas/db/testing";
import { FIXTURE } from "@atlas/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";
import { createLogger } from "./logger";
import { loadAtlasFixture } from "./routes/data-fixture";
import { buildTestApp, type TestApp } from "./testing";
import { openingCoveragePath, pageRequest, preloadLevel, renderIndex } from "./web-page";
import { webStatic } from "./web-static";

const TEMPLATE = `<!doctype html><html><head><title>x</title><!--atlas:head--></head><body><header><h1 class="site-title">Atlas</h1></header><!--atlas:notice--><div id="root"></div></body></html>`;

function distWith(html: string): string {
  const dist = mkdtempSync(join(tmpdir(), "atlas-dist-"));
  writeFileSync(join(dist, "index.html"), html);
  return dist;
}

/** The bootstrap data block of a served page, parsed. */
function bootstrapOf(html: string): Record<string, unknown> | null {
  const match = /<script type="application\/json" id="atlas-bootstrap">([^<]*)<\/script>/.exec(html);
  return match ? (JSON.parse(match[1]!) as Record<string, unknown>) : null;
}

describe("serving the web app", () => {
  let t: TestApp;
  const dist = distWith(TEMPLATE);
  beforeAll(async () => {
    t = await buildTestApp("sqlite");
    writeFileSync(
      join(dist, "respond.html"),
      "<!doctype html><html><head><title>respond</title></head><body></body></html>",
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  function appWith(tileUrl?: string, tileAttribution?: string) {
    const config = { ...t.config, tileUrl, tileAttribution };
    return createApp(
      { db: t.db, config, logger: createLogger("silent") },
      { mountWeb: webStatic(dist, config, t.db) },
    );
  }

  it("serves the page for any view path, revalidated, with no tile server named by default", async () => {
    const app = appWith();
    for (const path of ["/", "/index.html", "/some/view"]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control")).toBe("public, no-cache");
      expect(await res.text()).not.toContain("atlas-tile-url");
    }
  });

  it("answers a revalidation of the page with 304", async () => {
    const app = appWith();
    const first = await app.request("/");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    const again = await app.request("/some/view", { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get("cache-control")).toBe("public, no-cache");
  });

  it("names a configured basemap in meta tags and allows its origin, escaping what it writes", async () => {
    const app = appWith("https://tiles.example.org/{z}/{x}/{y}.png", 'Tiles "© Example"');
    const res = await app.request("/");
    const html = await res.text();
    expect(html).toContain(
      '<meta name="atlas-tile-url" content="https://tiles.example.org/{z}/{x}/{y}.png">',
    );
    expect(html).toContain("Tiles &#34;© Example&#34;");
    expect(res.headers.get("content-security-policy")).toContain(
      "img-src 'self' data: blob: https://tiles.example.org",
    );
  });

  it("sends a policy with no inline scripts or styles and no blob workers", async () => {
    const csp = (await appWith().request("/")).headers.get("content-security-policy") ?? "";
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toMatch(/worker-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("sends a built asset's precompressed copy when the browser takes it, cached for a year", async () => {
    const { mkdirSync } = await import("node:fs");
    const { brotliCompressSync, brotliDecompressSync } = await import("node:zlib");
    mkdirSync(join(dist, "assets"), { recursive: true });
    const script = "console.log('atlas');".repeat(200);
    writeFileSync(join(dist, "assets", "app-abc123.js"), script);
    writeFileSync(join(dist, "assets", "app-abc123.js.br"), brotliCompressSync(script));
    const res = await appWith().request("/assets/app-abc123.js", {
      headers: { "Accept-Encoding": "gzip, br" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(script);
    // An asset that is not there is not found, not the page served as a script.
    const missing = await appWith().request("/assets/gone-123.js");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("problem+json");
  });

  it("preloads the boundaries of the level the map opens at, and makes the site title a heading only on the dashboard", async () => {
    const app = appWith();
    const local = await (await app.request("/?level=local")).text();
    expect(local).toContain('<link rel="preload" as="fetch" crossorigin href="/api/boundaries/local">');
    expect(local).toContain('<h1 class="site-title">Atlas</h1>');
    const chart = await (await app.request("/?tab=chart")).text();
    expect(chart).not.toContain('rel="preload"');
    const brief = await (await app.request("/?view=brief&area=E54000054")).text();
    expect(brief).toContain('<p class="site-title">Atlas</p>');
    expect(brief).not.toContain("<h1");
    const directory = await (await app.request("/?view=directory&q=leeds")).text();
    expect(directory).toContain('<p class="site-title">Atlas</p>');
    expect(directory).not.toContain('rel="preload"');
  });

  it("serves the respondent form at /respond/WAVE/ORG, with no referrer and not for search engines", async () => {
    const app = appWith();
    for (const path of ["/respond/2027/RV3", "/respond"]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain("<title>respond</title>");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("x-robots-tag")).toBe("noindex, nofollow");
      expect(res.headers.get("cache-control")).toBe("public, no-cache");
    }
    // The dashboard is still the page for every other path.
    expect(await (await app.request("/responder")).text()).toContain("<title>x</title>");
  });
});

describe("reading which page is asked for", () => {
  it("preloads the map's level (regions by default) only for the map tab of the dashboard", () => {
    const preload = (query: string) => preloadLevel(pageRequest(new URLSearchParams(query)));
    expect(preload("")).toBe("region");
    expect(preload("level=nation")).toBe("nation");
    expect(preload("level=planet")).toBe("region");
    expect(preload("tab=table")).toBeNull();
    expect(preload("view=brief&area=X")).toBeNull();
    expect(preload("view=directory")).toBeNull();
  });

  it("resolves the opening view's coverage as the app does: unknown wave → latest, unknown metric → the first", () => {
    const answers = {
      health: {},
      areas: {},
      waves: {
        waves: [
          { id: "2026", synthetic: true },
          { id: "2024", synthetic: true },
        ],
      },
      metrics: { metrics: [{ id: "offering_pct" }, { id: "median_wait_weeks" }] },
    };
    const path = (query: string) => openingCoveragePath(pageRequest(new URLSearchParams(query)), answers);
    expect(path("")).toBe("/api/coverage?wave=2026&level=region&metric=offering_pct");
    expect(path("tab=table&wave=2024&metric=median_wait_weeks&level=local")).toBe(
      "/api/coverage?wave=2024&level=local&metric=median_wait_weeks",
    );
    expect(path("wave=1999&metric=nope")).toBe("/api/coverage?wave=2026&level=region&metric=offering_pct");
    expect(path("tab=gaps")).toBeNull();
    const withNeed = { ...answers, metrics: { metrics: [{ id: "offering_pct" }, { id: "need_met_pct" }] } };
    const opening = (query: string) => openingCoveragePath(pageRequest(new URLSearchParams(query)), withNeed);
    expect(opening("level=local")).toBe("/api/coverage?wave=2026&level=local&metric=need_met_pct");
    expect(opening("level=region")).toBe("/api/coverage?wave=2026&level=region&metric=offering_pct");
    expect(path("view=brief&area=X")).toBeNull();
    expect(path("view=directory&q=leeds")).toBeNull();
  });

  it("escapes bootstrap data so no value can close its element or open a tag", () => {
    const html = renderIndex(
      TEMPLATE,
      { tileUrl: undefined, tileAttribution: undefined },
      pageRequest(new URLSearchParams("tab=gaps")),
      {
        synthetic: null,
        bootstrap: { areas: { name: "</script><script>alert(1)</script>" } },
      },
    );
    expect(html).not.toContain("<script>alert");
    expect(bootstrapOf(html)).toEqual({ areas: { name: "</script><script>alert(1)</script>" } });
  });
});

describe.each(TEST_DIALECTS)("the page's data notice and bootstrap on %s", (kind) => {
  let t: TestApp;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    app = createApp(
      { db: t.db, config: t.config, logger: createLogger("silent") },
      { mountWeb: webStatic(distWith(TEMPLATE), t.config, t.db) },
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it("has no notice while there are no waves, and follows every import at once", async () => {
    const empty = await (await app.request("/")).text();
    expect(empty).not.toContain('data-testid="synthetic-banner"');
    const emptyEtag = (await app.request("/")).headers.get("etag");

    // The fixture: one real wave (2022) and one synthetic (2024).
    await t.db.db.transaction().execute((trx) => loadAtlasFixture(trx));
    const mixed = await app.request("/");
    const mixedHtml = await mixed.text();
    expect(mixed.headers.get("etag")).not.toBe(emptyEtag);
    // In the HTML itself, before the app's root: on screen before any script runs.
    const notice = mixedHtml.indexOf('data-testid="synthetic-banner"');
    expect(notice).toBeGreaterThan(0);
    expect(notice).toBeLessThan(mixedHtml.indexOf('<div id="root">'));
    expect(mixedHtml).toContain('data-extent="some"');
    expect(mixedHtml).toContain("Includes synthetic demonstration data.");

    // Every wave synthetic now.
    const real = FIXTURE.waves.find((w) => !w.synthetic)!;
    await t.db.db.transaction().execute(async (trx) => {
      await upsertWave(trx, { ...real, synthetic: true });
      await bumpDataVersion(trx);
    });
    const all = await (await app.request("/")).text();
    expect(all).toContain('data-extent="all"');
    expect(all).toContain("Synthetic demonstration data.");
  });

  it("carries the API's own answers for health, waves, metrics and areas", async () => {
    const html = await (await app.request("/")).text();
    const bootstrap = bootstrapOf(html)!;
    for (const [key, path] of [
      ["waves", "/api/waves"],
      ["metrics", "/api/metrics"],
      ["areas", "/api/areas"],
    ] as const) {
      expect(bootstrap[key], key).toEqual(await (await app.request(path)).json());
    }
    const health = (await (await app.request("/api/health")).json()) as { dataVersion: string };
    expect((bootstrap.health as { dataVersion: string }).dataVersion).toBe(health.dataVersion);
    // And the coverage the opening view draws first, for the wave, level and metric in the link (no metric:
    // the level's default, need-based at local level).
    const local = bootstrapOf(await (await app.request("/?level=local&wave=2022")).text())!;
    expect(local.coverage).toEqual(
      await (await app.request("/api/coverage?wave=2022&level=local&metric=need_met_pct")).json(),
    );
    expect(bootstrapOf(await (await app.request("/?tab=gaps")).text())!.coverage).toBeUndefined();
  });
});
