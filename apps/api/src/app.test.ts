import { TEST_DIALECTS } from "@atlas/db/testing";
import { AreasResponseSchema, HealthSchema, ProblemSchema } from "@atlas/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "./testing";

describe.each(TEST_DIALECTS)("API core on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(kind, { reference: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("GET /api/health names the database kind and is revalidated on every use", async () => {
    const res = await t.app.request("/api/health");
    expect(res.status).toBe(200);
    const body = HealthSchema.parse(await res.json());
    expect(body.database).toBe(kind);
    expect(body.status).toBe("ok");
    expect(res.headers.get("cache-control")).toBe("public, no-cache");
    expect(res.headers.get("x-request-id")).toMatch(/.+/);
    const etag = res.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    const again = await t.app.request("/api/health", { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
  });

  it.each([
    ["nation", 4],
    ["region", 10],
    ["local", 68],
  ])("GET /api/areas?level=%s lists %i areas with populations and parents", async (level, n) => {
    const res = await t.app.request(`/api/areas?level=${level}`);
    expect(res.status).toBe(200);
    const body = AreasResponseSchema.parse(await res.json());
    expect(body.areas).toHaveLength(n);
    for (const area of body.areas) {
      expect(area.level).toBe(level);
      expect(area.adultPopulation).toBeGreaterThan(0);
      if (level === "nation") expect(area.parentCode).toBeNull();
      else expect(area.parentCode).toMatch(/\S/);
    }
    expect(body.attribution.licence).toMatch(/Open Government Licence/);
  });

  it("children's populations add up to their parent's", async () => {
    const body = AreasResponseSchema.parse(await (await t.app.request("/api/areas")).json());
    const byCode = new Map(body.areas.map((a) => [a.code, a]));
    const sums = new Map<string, number>();
    for (const a of body.areas)
      if (a.parentCode) sums.set(a.parentCode, (sums.get(a.parentCode) ?? 0) + a.adultPopulation);
    for (const [code, sum] of sums) expect(sum, code).toBe(byCode.get(code)?.adultPopulation);
  });

  it("a bad parameter gets 400 problem+json naming it and its allowed values", async () => {
    const res = await t.app.request("/api/areas?level=county");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const problem = ProblemSchema.parse(await res.json());
    expect(problem.errors?.[0]).toMatchObject({ parameter: "level", allowed: ["nation", "region", "local"] });
    expect(problem.detail).toContain("level");
  });

  it("an unknown API resource gets 404 problem+json", async () => {
    const res = await t.app.request("/api/nothing-here");
    expect(res.status).toBe(404);
    const problem = ProblemSchema.parse(await res.json());
    expect(problem.status).toBe(404);
    expect(problem.requestId).toBe(res.headers.get("x-request-id"));
  });

  it("answers a matching If-None-Match with 304, and changes the ETag when the data changes", async () => {
    const first = await t.app.request("/api/areas?level=nation");
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await t.app.request("/api/areas?level=nation", { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
    const { bumpDataVersion } = await import("@atlas/db");
    await bumpDataVersion(t.db.db);
    const after = await t.app.request("/api/areas?level=nation", { headers: { "If-None-Match": etag! } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
  });

  it("serves boundaries as TopoJSON with a long-lived cache", async () => {
    const res = await t.app.request("/api/boundaries/local");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/max-age=86400/);
    const topo = (await res.json()) as { type: string; objects: { areas: { geometries: unknown[] } } };
    expect(topo.type).toBe("Topology");
    expect(topo.objects.areas.geometries).toHaveLength(68);
    expect((await t.app.request("/api/boundaries/ward")).status).toBe(400);
  });
});

describe("HTTP behaviour", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp("sqlite", { reference: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("sends security headers and a Content-Security-Policy", async () => {
    const res = await t.app.request("/api/health");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  });

  it("compresses large responses for clients that accept gzip", async () => {
    const res = await t.app.request("/api/boundaries/local", { headers: { "Accept-Encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
  });

  it("opens CORS for reads but not writes", async () => {
    const read = await t.app.request("/api/areas", { headers: { Origin: "https://elsewhere.example" } });
    expect(read.headers.get("access-control-allow-origin")).toBe("*");
    const preflight = await t.app.request("/api/imports", {
      method: "OPTIONS",
      headers: { Origin: "https://elsewhere.example", "Access-Control-Request-Method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-methods") ?? "").not.toContain("POST");
  });

  it("answers a read's preflight with the methods and the headers asked for, and opens errors as well as data", async () => {
    const preflight = await t.app.request("/api/coverage", {
      method: "OPTIONS",
      headers: {
        Origin: "https://elsewhere.example",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "If-None-Match, Authorization",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET,HEAD");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("If-None-Match,Authorization");
    const missing = await t.app.request("/api/coverage?wave=1999", {
      headers: { Origin: "https://elsewhere.example" },
    });
    expect(missing.status).toBeGreaterThanOrEqual(400);
    expect(missing.headers.get("access-control-allow-origin")).toBe("*");
    expect(missing.headers.get("access-control-expose-headers")).toBe("ETag,X-Request-Id");
  });

  it("says every answer varies with Accept-Encoding, compressed or not, and names it once", async () => {
    for (const encoding of ["gzip", "identity"]) {
      const res = await t.app.request("/api/boundaries/local", { headers: { "Accept-Encoding": encoding } });
      expect(res.headers.get("vary")).toBe("Accept-Encoding");
    }
    expect((await t.app.request("/api/health")).headers.get("vary")).toBe("Accept-Encoding");
  });

  it("publishes an OpenAPI 3.1 document and a readable reference page", async () => {
    const doc = (await (await t.app.request("/api/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/health", "/api/areas", "/api/boundaries/{level}", "/api/waves"]),
    );
    const page = await t.app.request("/api/docs");
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("/api/areas");
  });

  it("never shows a stack trace to a client", async () => {
    await t.db.close(); // the database goes away under the app
    const res = await t.app.request("/api/waves");
    expect(res.status).toBeGreaterThanOrEqual(500);
    const text = await res.text();
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });
});
