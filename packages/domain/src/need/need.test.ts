import { describe, expect, it } from "vitest";
import { CoverageResponseSchema } from "../api/responses";
import { indexAtlasData } from "../metrics/atlas-index";
import { computeCoverage } from "../metrics/coverage";
import { computeTrends } from "../metrics/trends";
import { FIXTURE } from "../testing/atlas-fixture";
import { REPORT_LEVELS } from "../vocabulary";
import { capacityFor, placesNeeded } from "./model";
import {
  changedNeedAssumptions,
  DEFAULT_NEED_ASSUMPTIONS,
  isDefaultNeed,
  NEED_PARAMETERS,
  parseNeedAssumptions,
} from "./parameters";

describe("need model", () => {
  it("gives Mindful Nation UK's figures for the UK with the defaults: 87,000 places, £9.74m", () => {
    const uk = placesNeeded(53_000_000, 53_000_000, DEFAULT_NEED_ASSUMPTIONS);
    expect(uk).toBe(87_000);
    // 87,000 / 12 = 7,250 courses; 7,250 × 1 teacher / 2 courses a year = 3,625 teachers; 87,000 × £112.
    expect(capacityFor(uk, DEFAULT_NEED_ASSUMPTIONS)).toEqual({
      places: 87_000,
      courses: 7_250,
      teachers: 3_625,
      cost: 9_744_000,
    });
  });

  it("scales by adults and rounds courses and teachers up to whole ones", () => {
    // An area with 1% of the UK's adults needs 1% of the places: 870.
    expect(placesNeeded(530_000, 53_000_000, DEFAULT_NEED_ASSUMPTIONS)).toBeCloseTo(870, 10);
    // 25 places: 3 courses of 12 (the last part-full), 2 teachers (3 courses, 2 each a year).
    expect(capacityFor(25, DEFAULT_NEED_ASSUMPTIONS)).toEqual({
      places: 25,
      courses: 3,
      teachers: 2,
      cost: 2_800,
    });
    expect(capacityFor(0, DEFAULT_NEED_ASSUMPTIONS)).toEqual({ places: 0, courses: 0, teachers: 0, cost: 0 });
    const coTeaching = { ...DEFAULT_NEED_ASSUMPTIONS, teachersPerCourse: 2, coursesPerTeacher: 3 };
    expect(capacityFor(120, coTeaching).teachers).toBe(Math.ceil((10 * 2) / 3));
  });

  it("names every parameter with a default inside its bounds and a source", () => {
    for (const p of NEED_PARAMETERS) {
      expect(p.default).toBeGreaterThanOrEqual(p.min);
      expect(p.default).toBeLessThanOrEqual(p.max);
      expect(p.source.length).toBeGreaterThan(10);
    }
    expect(NEED_PARAMETERS.map((p) => p.id)).toEqual([
      "atRisk",
      "commissionPct",
      "groupSize",
      "teachersPerCourse",
      "coursesPerTeacher",
      "costPerPlace",
    ]);
  });

  it("parses query text, refusing what is not a number, not whole where it must be, or out of bounds", () => {
    const ok = parseNeedAssumptions({ groupSize: "10", commissionPct: " 7.5 " });
    expect(ok.problems).toEqual([]);
    expect(ok.assumptions).toMatchObject({ groupSize: 10, commissionPct: 7.5, atRisk: 580_000 });
    expect(isDefaultNeed(ok.assumptions)).toBe(false);
    expect(changedNeedAssumptions(ok.assumptions)).toEqual({ groupSize: 10, commissionPct: 7.5 });
    const bad = parseNeedAssumptions({
      atRisk: "lots",
      groupSize: "12.5",
      commissionPct: "0",
      costPerPlace: "1e3",
    });
    expect(bad.problems.map((p) => p.parameter)).toEqual([
      "atRisk",
      "commissionPct",
      "groupSize",
      "costPerPlace",
    ]);
    expect(bad.problems[0]!.message).toMatch(
      /"lots" is not a number; atRisk .* must be a whole number from 50000/,
    );
    expect(bad.problems[1]!.message).toMatch(/0 is outside the allowed range/);
    expect(bad.problems[2]!.message).toMatch(/12.5 is not a whole number/);
    // Failed values keep their defaults: nothing half-parsed is used.
    expect(bad.assumptions.groupSize).toBe(12);
    expect(isDefaultNeed(parseNeedAssumptions({}).assumptions)).toBe(true);
  });
});

// The fixture's UK has 1,200,000 adults, so with the defaults it needs 87,000 places: 7.25 per 100 adults.
describe("need_met_pct and unmet_places at every level", () => {
  const index = indexAtlasData(FIXTURE);
  const coverage = (
    level: (typeof REPORT_LEVELS)[number],
    metric: "need_met_pct" | "unmet_places",
    need?: Parameters<typeof computeCoverage>[1]["need"],
  ) => {
    const response = computeCoverage(index, { waveId: "2024", level, metric, need });
    CoverageResponseSchema.parse(response);
    return { response, byCode: new Map(response.areas.map((a) => [a.code, a])) };
  };

  it("answers at nation, region, local and organisation level", () => {
    for (const level of REPORT_LEVELS) {
      const { response } = coverage(level, "need_met_pct");
      expect(response.areas.length).toBeGreaterThan(0);
      expect(response.assumptions).toEqual(DEFAULT_NEED_ASSUMPTIONS);
      expect(response.areas.some((a) => a.status === "ok" && a.need !== undefined)).toBe(true);
    }
  });

  it("local L1: 240 of 21,750 places needed = 1.1034%, 21,510 unmet, and what closing it takes", () => {
    const l1 = coverage("local", "need_met_pct").byCode.get("E54000027")!;
    expect(l1.value).toBeCloseTo((100 * 240) / 21_750, 10);
    // The places interval (Poisson on 20 courses × 12) over the need: 146.60–370.66 of 21,750.
    expect(l1.lower).toBeCloseTo((100 * 146.598) / 21_750, 3);
    expect(l1.need).toEqual({
      placesNeeded: 21_750,
      placesOffered: 240,
      unmetPlaces: 21_510,
      toClose: { places: 21_510, courses: 1_793, teachers: 897, cost: 2_409_120 },
    });
    expect([l1.comparisonReason, l1.lowerBound]).toEqual(["too_few", false]);
    const unmet = coverage("local", "unmet_places").byCode.get("E54000027")!;
    expect([unmet.value, unmet.upperBound, unmet.comparisonReason]).toEqual([
      21_510,
      false,
      "not_comparable",
    ]);
    // Unmet places run the other way: need − places upper limit to need − lower limit.
    expect(unmet.lower!).toBeLessThan(21_510);
    expect(unmet.upper!).toBeGreaterThan(21_510);
  });

  it("England: a lower bound where RX2 did not answer, with its range (RX2 as large as RV3's 240)", () => {
    const england = coverage("nation", "need_met_pct").byCode.get("E92000001")!;
    expect(england.lowerBound).toBe(true);
    expect(england.boundLower).toBeCloseTo((100 * 244) / 72_500, 10);
    expect(england.boundUpper).toBeCloseTo((100 * 484) / 72_500, 10);
    const unmet = coverage("nation", "unmet_places").byCode.get("E92000001")!;
    expect([unmet.value, unmet.upperBound, unmet.boundLower, unmet.boundUpper]).toEqual([
      72_256,
      true,
      72_016,
      72_256,
    ]);
  });

  it("organisations share their local area's need equally: RV3 240 of 10,875; RQY 4 of L2's 21,750", () => {
    const { byCode } = coverage("organisation", "need_met_pct");
    expect(byCode.get("RV3")!.need!.placesNeeded).toBe(10_875);
    expect(byCode.get("RRP")!.value).toBe(0);
    expect(byCode.get("RQY")!.need!.placesNeeded).toBe(21_750);
    expect(byCode.get("RX2")!.status).toBe("no_data");
    expect(byCode.get("SA9")!.status).toBe("not_applicable");
    expect(byCode.get("RV3")!.comparisonReason).toBe("too_few");
  });

  it("follows the assumptions: a tenth of the share to commission needs a tenth of the places", () => {
    const need = { assumptions: { ...DEFAULT_NEED_ASSUMPTIONS, commissionPct: 1.5 } };
    const l1 = coverage("local", "need_met_pct", need).byCode.get("E54000027")!;
    expect(l1.need!.placesNeeded).toBeCloseTo(2_175, 10);
    expect(l1.value).toBeCloseTo((100 * 240) / 2_175, 10);
    expect(coverage("local", "need_met_pct", need).response.assumptions!.commissionPct).toBe(1.5);
  });

  it("has a trend at every level, with the assumptions in the response", () => {
    for (const level of REPORT_LEVELS) {
      const trends = computeTrends(index, { metric: "unmet_places", level, codes: null, basis: "recorded" });
      expect(trends.assumptions).toEqual(DEFAULT_NEED_ASSUMPTIONS);
      expect(trends.series.every((s) => s.points.length === 2)).toBe(true);
    }
    const l3 = computeTrends(index, {
      metric: "unmet_places",
      level: "local",
      codes: ["E54000064"],
      basis: "recorded",
    });
    // 2022: 29,000 − 10 (RXX); 2024: RX2 did not answer, so no data.
    expect(l3.series[0]!.points.map((p) => [p.value, p.status])).toEqual([
      [28_990, "ok"],
      [null, "no_data"],
    ]);
  });
});
