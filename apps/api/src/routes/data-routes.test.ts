import { TEST_DIALECTS } from "@atlas/db/testing";
import {
  CoverageResponseSchema,
  ExportResponseSchema,
  FactorsResponseSchema,
  GapsResponseSchema,
  METRIC_IDS,
  MetricsResponseSchema,
  OrganisationDetailSchema,
  OrganisationsResponseSchema,
  ProblemSchema,
  STATUS_WORDS,
  sortAreas,
  TransitionsResponseSchema,
  TrendsResponseSchema,
} from "@atlas/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../testing";
import { buildFixtureApp } from "./data-fixture";

// The fixture and its hand-worked values are in packages/domain/src/testing/atlas-fixture.ts and the domain tests;
// here each endpoint is exercised over HTTP on both databases.
describe.each(TEST_DIALECTS)("data routes on %s", (kind) => {
  let t: TestApp;
  const get = async (url: string) => {
    const res = await t.app.request(url);
    return { res, body: (await res.json()) as unknown };
  };
  const problem = async (url: string, status: number) => {
    const res = await t.app.request(url);
    expect(res.status, url).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    return ProblemSchema.parse(await res.json());
  };

  beforeAll(async () => {
    t = await buildFixtureApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("GET /api/metrics lists the catalogue", async () => {
    const { res, body } = await get("/api/metrics");
    expect(res.status).toBe(200);
    expect(MetricsResponseSchema.parse(body).metrics.map((m) => m.id)).toEqual([...METRIC_IDS]);
  });

  it("GET /api/coverage serves one metric per area with comparators and statuses", async () => {
    const { res, body } = await get("/api/coverage?wave=2024&level=local&metric=places_per_100k");
    expect(res.status).toBe(200);
    const coverage = CoverageResponseSchema.parse(body);
    expect(coverage).toMatchObject({
      wave: "2024",
      level: "local",
      metric: "places_per_100k",
      synthetic: true,
    });
    // UK: 244 places / 1,200,000 adults × 100,000.
    expect(coverage.comparator.value).toBeCloseTo(244 / 12, 10);
    const byCode = new Map(coverage.areas.map((a) => [a.code, a]));
    // Each local area rests on one or two organisations: shown, but never called higher or lower.
    expect(byCode.get("E54000027")).toMatchObject({
      value: 80,
      organisations: 2,
      comparison: "not_compared",
      comparisonReason: "too_few",
      assessment: "not_compared",
    });
    expect(byCode.get("E54000028")).toMatchObject({ numerator: 4, comparisonReason: "too_few" });
    expect(byCode.get("E54000064")!.status).toBe("no_data");
    expect(byCode.get("S08000015")!.status).toBe("not_applicable");
    expect(byCode.get("S08000016")!.status).toBe("not_surveyed");
    expect(coverage.nations.map((n) => n.code)).toEqual(["E92000001", "S92000003"]);
    expect(res.headers.get("etag")).toBeTruthy();
  });

  it("defaults to the latest wave, local level and offering_pct", async () => {
    const coverage = CoverageResponseSchema.parse((await get("/api/coverage")).body);
    expect([coverage.wave, coverage.level, coverage.metric]).toEqual(["2024", "local", "offering_pct"]);
    // UK 2024: 2 of 3 answering organisations offer; non-response bounds on each area.
    expect(coverage.comparator.value).toBeCloseTo(200 / 3, 10);
    expect(coverage.areas.find((a) => a.code === "E54000064")).toMatchObject({
      boundLower: 0,
      boundUpper: 100,
    });
  });

  it("suppresses small counts of people over HTTP too", async () => {
    const coverage = CoverageResponseSchema.parse(
      (await get("/api/coverage?wave=2024&level=local&metric=participants_per_100k")).body,
    );
    for (const code of ["E54000027", "E54000028"]) {
      expect(coverage.areas.find((a) => a.code === code)).toMatchObject({
        status: "suppressed",
        value: null,
        numerator: null,
      });
    }
  });

  it("rejects a bad parameter with 400 naming it and its allowed values", async () => {
    const metric = await problem("/api/coverage?metric=happiness", 400);
    expect(metric.errors?.[0]).toMatchObject({ parameter: "metric", allowed: [...METRIC_IDS] });
    const level = await problem("/api/gaps?level=county", 400);
    expect(level.errors?.[0]).toMatchObject({
      parameter: "level",
      allowed: ["nation", "region", "local", "organisation"],
    });
    const wave = await problem("/api/coverage?wave=last-year", 400);
    expect(wave.errors?.[0]?.parameter).toBe("wave");
    const basis = await problem("/api/trends?basis=future", 400);
    expect(basis.errors?.[0]).toMatchObject({ parameter: "basis", allowed: ["recorded", "current"] });
    const view = await problem("/api/export?view=everything", 400);
    expect(view.errors?.[0]).toMatchObject({
      parameter: "view",
      allowed: ["coverage", "trends", "gaps", "organisations", "transitions", "factors"],
    });
    const areas = await problem("/api/trends?areas=E54000027;DROP", 400);
    expect(areas.errors?.[0]?.parameter).toBe("areas");
  });

  it("answers an unknown wave, area or organisation with 404 problem+json naming it", async () => {
    const wave = await problem("/api/coverage?wave=2031", 404);
    expect(wave.errors?.[0]).toMatchObject({ parameter: "wave", allowed: ["2022", "2024"] });
    expect((await problem("/api/factors?wave=2019", 404)).detail).toContain("2019");
    expect((await problem("/api/transitions?from=2010&to=2024", 404)).errors?.[0]?.parameter).toBe("from");
    expect((await problem("/api/organisations?area=E99999999", 404)).errors?.[0]?.parameter).toBe("area");
    const areas = await problem("/api/trends?level=local&areas=E54000027,E40000003", 404);
    expect(areas.detail).toContain("E40000003"); // a region, not a local area
    expect((await problem("/api/organisations/NOPE", 404)).errors?.[0]?.parameter).toBe("code");
    expect((await problem("/api/organisations/R%20V3", 400)).errors?.[0]?.parameter).toBe("code");
  });

  it("GET /api/trends serves a series per area, recorded or re-based", async () => {
    const recorded = TrendsResponseSchema.parse(
      (await get("/api/trends?metric=offering_pct&level=local&areas=E54000027,E54000028")).body,
    );
    expect(recorded.series.map((s) => s.code)).toEqual(["E54000027", "E54000028"]);
    expect(recorded.series[0]!.points.map((p) => [p.wave, p.value, p.changed])).toEqual([
      ["2022", 100, false],
      ["2024", 50, true],
    ]);
    const current = TrendsResponseSchema.parse(
      (await get("/api/trends?metric=offering_pct&level=local&areas=E54000027&basis=current")).body,
    );
    // RW1's 2022 return now counts for RV3 in L1: 3 of 3.
    expect(current.series[0]!.points[0]).toMatchObject({ numerator: 3, denominator: 3, rebased: true });
    const uk = TrendsResponseSchema.parse((await get("/api/trends?level=nation&areas=K02000001")).body);
    expect(uk.series[0]!.name).toBe("United Kingdom");
    const all = TrendsResponseSchema.parse((await get("/api/trends?level=region")).body);
    expect(all.series).toHaveLength(3);
  });

  it("GET /api/gaps ranks areas by unmet places, with the unknowns apart", async () => {
    const gaps = GapsResponseSchema.parse((await get("/api/gaps?wave=2024&level=local")).body);
    expect(gaps.gaps.map((g) => [g.rank, g.code, g.reasons, g.unmetPlaces])).toEqual([
      [1, "E54000028", ["unmet_need"], 21_746],
      [2, "E54000027", ["unmet_need", "lost_provision"], 21_510],
    ]);
    expect(gaps.unknown.map((g) => g.code)).toEqual(["E54000064", "S08000016"]);
  });

  it("GET /api/organisations lists a wave's organisations in an area", async () => {
    const list = OrganisationsResponseSchema.parse(
      (await get("/api/organisations?wave=2022&area=E40000003")).body,
    );
    expect(list.organisations.map((o) => [o.code, o.provision])).toEqual([
      ["RQY", "paused"],
      ["RRP", "limited"],
      ["RV3", "routine"],
      ["RW1", "limited"],
    ]);
    expect(list.synthetic).toBe(false);
  });

  it("GET /api/organisations/{code} gives the journey with events, predecessors and suppression", async () => {
    const rv3 = OrganisationDetailSchema.parse((await get("/api/organisations/RV3")).body);
    expect(rv3.predecessors.map((p) => p.code)).toEqual(["RW1"]);
    expect(rv3.area.code).toBe("E54000027");
    expect(rv3.journey.map((s) => s.waveId)).toEqual(["2022", "2024"]);
    expect(rv3.journey[1]).toMatchObject({
      participantsStarted: null,
      suppressedFields: ["participantsStarted", "participantsCompleted"],
    });
    const rw1 = OrganisationDetailSchema.parse((await get("/api/organisations/RW1")).body);
    expect(rw1.successor?.code).toBe("RV3");
    expect(rw1.journey[0]!.events).toEqual(["merged"]);
    const rrp = OrganisationDetailSchema.parse((await get("/api/organisations/RRP")).body);
    expect(rrp.journey[1]!.events).toEqual(["stopped", "stage_down", "champion_left", "funding_barrier"]);
  });

  it("GET /api/factors and /api/transitions", async () => {
    const factors = FactorsResponseSchema.parse((await get("/api/factors?wave=2024")).body);
    expect(factors.factors.find((f) => f.factor === "financial_pressure")!.total).toBe(2);
    const transitions = TransitionsResponseSchema.parse((await get("/api/transitions")).body);
    expect([transitions.from, transitions.to]).toEqual(["2022", "2024"]);
    expect(transitions.provision.reduce((s, x) => s + x.count, 0)).toBe(8);
  });

  it("exports exactly the rows of a view as JSON, with source, licence, synthetic flag, filters and time", async () => {
    const { res, body } = await get(
      "/api/export?view=coverage&format=json&wave=2024&level=local&metric=offering_pct",
    );
    expect(res.status).toBe(200);
    const exported = ExportResponseSchema.parse(body);
    const view = CoverageResponseSchema.parse(
      (await get("/api/coverage?wave=2024&level=local&metric=offering_pct")).body,
    );
    // In the table view's default order (by name), with the table's words for each status.
    expect(exported.rows.map((r) => [r.code, r.value, r.status, r.status_code])).toEqual(
      sortAreas(view.areas, "name").map((a) => [a.code, a.value, STATUS_WORDS[a.status], a.status]),
    );
    expect(exported).toMatchObject({
      view: "coverage",
      synthetic: true,
      filters: { wave: "2024", level: "local", metric: "offering_pct", sort: "name" },
    });
    expect(exported.notice).toMatch(/SYNTHETIC/);
    expect(exported.licence).toMatch(/Open Government Licence/);
    expect(exported.sources).toEqual(["fixture"]);
    expect(Date.parse(exported.exportedAt)).not.toBeNaN();
    expect(res.headers.get("content-disposition")).toMatch(/filename=".*synthetic.*\.json"/);
  });

  it("exports the stage-transition and factor views row for row", async () => {
    const transitions = TransitionsResponseSchema.parse(
      (await get("/api/transitions?from=2022&to=2024")).body,
    );
    const moves = ExportResponseSchema.parse(
      (await get("/api/export?view=transitions&format=json&from=2022&to=2024")).body,
    );
    expect(moves.filters).toEqual({ from: "2022", to: "2024" });
    expect(moves.rows.map((r) => [r.dimension, r.from, r.to, r.organisations])).toEqual([
      ...transitions.stages.map((x) => ["stage", x.from, x.to, x.count]),
      ...transitions.provision.map((x) => ["provision", x.from, x.to, x.count]),
    ]);
    const factors = FactorsResponseSchema.parse((await get("/api/factors?wave=2024")).body);
    const rows = ExportResponseSchema.parse(
      (await get("/api/export?view=factors&format=json&wave=2024")).body,
    ).rows;
    expect(rows).toHaveLength(factors.factors.length * factors.stages.length);
    const pressure = rows.filter((r) => r.factor === "financial_pressure");
    expect(pressure.reduce((n, r) => n + Number(r.count), 0)).toBe(2);
    const csv = await t.app.request("/api/export?view=transitions&from=2022&to=2024");
    expect(csv.headers.get("content-disposition")).toContain(
      "mbct-atlas_transitions_2022_2024_synthetic.csv",
    );
  });

  it("exports CSV with the header first and one line per row; no 'synthetic' in real data's file name", async () => {
    const res = await t.app.request("/api/export?view=gaps&wave=2022&level=local");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const disposition = res.headers.get("content-disposition") ?? "";
    expect(disposition).toBe('attachment; filename="mbct-atlas_gaps_2022_local.csv"');
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines[0]!.split(",").slice(0, 6)).toEqual(["wave", "level", "rank", "code", "name", "reasons"]);
    // Ranked gaps (by unmet places) first, then the unknowns, unranked.
    expect(lines.slice(1).map((l) => l.split(",")[3])).toEqual([
      "E54000064",
      "E54000028",
      "E54000027",
      "S08000015",
      "S08000016",
    ]);
    const trends = await t.app.request(
      "/api/export?view=trends&metric=offering_pct&level=nation&areas=K02000001",
    );
    const trendLines = (await trends.text()).trimEnd().split("\r\n");
    expect(trendLines).toHaveLength(1 + 2); // header, 2022, 2024
    expect(trends.headers.get("content-disposition")).toContain("synthetic");
  });

  it("documents every route in /api/openapi.json, with the allowed values of each parameter", async () => {
    const doc = (await (await t.app.request("/api/openapi.json")).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string; schema?: { enum?: string[] } }[] } }>;
    };
    for (const path of [
      "/api/metrics",
      "/api/coverage",
      "/api/trends",
      "/api/gaps",
      "/api/organisations",
      "/api/organisations/{code}",
      "/api/factors",
      "/api/transitions",
      "/api/export",
    ]) {
      expect(doc.paths[path]?.get, path).toBeDefined();
    }
    const metric = doc.paths["/api/coverage"]!.get!.parameters!.find((p) => p.name === "metric")!;
    expect(metric.schema?.enum).toEqual([...METRIC_IDS]);
    const code = doc.paths["/api/organisations/{code}"]!.get!.parameters!.find((p) => p.name === "code");
    expect(code).toBeDefined();
  });
});
