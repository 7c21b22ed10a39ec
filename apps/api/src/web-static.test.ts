import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";
import { createLogger } from "./logger";
import { buildTestApp, type TestApp } from "./testing";
import { webStatic } from "./web-static";

describe("serving the web app", () => {
  let t: TestApp;
  const dist = mkdtempSync(join(tmpdir(), "atlas-dist-"));
  beforeAll(async () => {
    t = await buildTestApp("sqlite");
    writeFileSync(
      join(dist, "index.html"),
      "<!doctype html><html><head><title>x</title></head><body></body></html>",
    );
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
      { mountWeb: webStatic(dist, config) },
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
