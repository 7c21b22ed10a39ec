import { TEST_DIALECTS } from "@atlas/db/testing";
import {
  ContextResponseSchema,
  CoverageResponseSchema,
  ExportResponseSchema,
  GapsResponseSchema,
  MetricsResponseSchema,
  ProblemSchema,
  REPORT_LEVELS,
  TrendsResponseSchema,
} from "@atlas/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../testing";
import { buildFixtureApp } from "./data-fixture";

// The need model over HTTP, on both databases: the catalogue, the metrics at every level, the assumptions as
// validated query parameters that change figures and ETags, the gaps order and the national context series.
describe.each(TEST_DIALECTS)("need model and context on %s", (kind) => {
  let t: TestApp;
  const get = async (url: string) => {
    const res = await t.app.request(url);
    return { res, body: (await res.json()) as unknown };
  };

  beforeAll(async () => {
    t = await buildFixtureApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("GET /api/metrics lists need_met_pct and unmet_places with their assumptions and sources", async () => {
    const metrics = MetricsResponseSchema.parse((await get("/api/metrics")).body);
    const needMet = metrics.metrics.find((m) => m.id === "need_met_pct")!;
    const unmet = metrics.metrics.find((m) => m.id === "unmet_places")!;
    expect(needMet.assumptions).toEqual(metrics.needModel.parameters.map((p) => p.id));
    expect([unmet.unit, unmet.polarity, unmet.comparison]).toEqual(["places", "lower_is_better", null]);
    const share = metrics.needModel.parameters.find((p) => p.id === "commissionPct")!;
    expect([share.default, share.min, share.max]).toEqual([15, 1, 100]);
    expect(share.source).toMatch(/Mindful Nation UK/);
    expect(metrics.needModel.parameters.find((p) => p.id === "costPerPlace")!.unit).toMatch(/2015 prices/);
    expect(metrics.needModel.uk).toMatchObject({ placesNeeded: 87_000, courses: 7_250, teachers: 3_625 });
    // Every proportion names its exact interval; no metric claims a comparison on fewer than 5 organisations.
    for (const m of metrics.metrics) if (m.comparison) expect(m.comparison.minOrganisations).toBe(5);
  });

  it("answers /api/coverage and /api/trends for both need metrics at every level", async () => {
    for (const metric of ["need_met_pct", "unmet_places"]) {
      for (const level of REPORT_LEVELS) {
        const { res, body } = await get(`/api/coverage?wave=2024&level=${level}&metric=${metric}`);
        expect(res.status, `${metric} ${level}`).toBe(200);
        const coverage = CoverageResponseSchema.parse(body);
        expect(coverage.areas.some((a) => a.status === "ok" && a.need)).toBe(true);
        const trends = await get(`/api/trends?level=${level}&metric=${metric}`);
        expect(trends.res.status).toBe(200);
        expect(TrendsResponseSchema.parse(trends.body).assumptions?.groupSize).toBe(12);
      }
    }
  });

  it("changes the figures and the ETag with non-default assumptions", async () => {
    const base = "/api/coverage?wave=2024&level=local&metric=need_met_pct";
    const a = await t.app.request(base);
    const b = await t.app.request(`${base}&commissionPct=7.5&groupSize=8`);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.headers.get("etag")).not.toBe(b.headers.get("etag"));
    const l1 = (r: unknown) => CoverageResponseSchema.parse(r).areas.find((x) => x.code === "E54000027")!;
    const before = l1(await a.json());
    const after = l1(await b.json());
    expect(after.need!.placesNeeded).toBeCloseTo(before.need!.placesNeeded / 2, 10);
    expect(after.value!).toBeCloseTo(before.value! * 2, 10);
    expect(after.need!.toClose.courses).toBe(Math.ceil(after.need!.unmetPlaces / 8));
    // A revalidation with the new ETag is answered 304.
    const again = await t.app.request(`${base}&commissionPct=7.5&groupSize=8`, {
      headers: { "If-None-Match": b.headers.get("etag")! },
    });
    expect(again.status).toBe(304);
    // Gaps and the export follow the same assumptions, and the export says which it used.
    const gaps = GapsResponseSchema.parse(
      (await get("/api/gaps?wave=2024&level=local&commissionPct=7.5")).body,
    );
    expect(gaps.assumptions.commissionPct).toBe(7.5);
    expect(gaps.gaps[0]!.placesNeeded).toBe(10_875);
    const exported = ExportResponseSchema.parse(
      (
        await get(
          "/api/export?view=coverage&format=json&wave=2024&level=local&metric=unmet_places&groupSize=10",
        )
      ).body,
    );
    expect(exported.filters).toMatchObject({ metric: "unmet_places", groupSize: "10", commissionPct: "15" });
  });

  it("refuses assumptions out of bounds, not whole, or not numbers, naming each parameter", async () => {
    const res = await t.app.request(
      "/api/coverage?metric=need_met_pct&commissionPct=0&groupSize=12.5&atRisk=many&coursesPerTeacher=99",
    );
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const problem = ProblemSchema.parse(await res.json());
    expect(problem.errors!.map((e) => e.parameter)).toEqual([
      "atRisk",
      "commissionPct",
      "groupSize",
      "coursesPerTeacher",
    ]);
    expect(problem.errors![1]!.message).toMatch(
      /commissionPct: 0 is outside the allowed range; .* from 1 to 100/,
    );
    expect((await t.app.request("/api/gaps?teachersPerCourse=-1")).status).toBe(400);
    expect((await t.app.request(`/api/trends?metric=unmet_places&atRisk=${"9".repeat(30)}`)).status).toBe(
      400,
    );
  });

  it("GET /api/gaps is ordered by unmet places, largest first, with the unknowns apart", async () => {
    const gaps = GapsResponseSchema.parse((await get("/api/gaps?wave=2022&level=local")).body);
    const unmet = gaps.gaps.map((g) => g.unmetPlaces);
    expect(unmet).toEqual([...unmet].sort((x, y) => y - x));
    expect(gaps.gaps.map((g) => g.rank)).toEqual(unmet.map((_, i) => i + 1));
    expect(gaps.unknown.map((g) => g.code)).toEqual(["S08000015", "S08000016"]);
    expect(gaps.unknown.every((g) => g.reasons.join() === "unknown")).toBe(true);
  });

  it("GET /api/context serves the real Talking Therapies series with its source and licence, never synthetic", async () => {
    const { res, body } = await get("/api/context");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/max-age=86400/);
    const [series] = ContextResponseSchema.parse(body).series;
    expect(series!.synthetic).toBe(false);
    expect(series!.geography).toBe("England");
    expect(series!.unit).toBe("appointments");
    expect(series!.licence).toBe("Open Government Licence v3.0");
    expect(series!.points.map((p) => [p.period, p.value])).toEqual([
      ["2019-20", 11_627],
      ["2020-21", 6_406],
      ["2021-22", 6_076],
      ["2022-23", 5_557],
      ["2023-24", 7_764],
      ["2024-25", 6_483],
    ]);
  });
});
