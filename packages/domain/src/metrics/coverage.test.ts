import { describe, expect, it } from "vitest";
import { CoverageResponseSchema } from "../api/responses";
import { FIXTURE } from "../testing/atlas-fixture";
import { REPORT_LEVELS, type ReportLevel } from "../vocabulary";
import { indexAtlasData } from "./atlas-index";
import { METRIC_IDS, type MetricId } from "./catalogue";
import { computeCoverage } from "./coverage";

const index = indexAtlasData(FIXTURE);

function coverage(waveId: string, level: ReportLevel, metric: MetricId) {
  const response = computeCoverage(index, { waveId, level, metric });
  CoverageResponseSchema.parse(response);
  return { response, byCode: new Map(response.areas.map((a) => [a.code, a])) };
}

/** Rounds for comparison with hand arithmetic. */
const r = (x: number | null | undefined, digits = 4) =>
  x === null || x === undefined ? x : Number(x.toFixed(digits));
const pick = (a: { value: number | null; lower: number | null; upper: number | null }) => [
  r(a.value),
  r(a.lower),
  r(a.upper),
];

// Hand tallies for 2024 (recorded). Rows: RV3 routine/sustainable, RRP none, RQY limited/developmental,
// RX2 no_response, SA9 not_applicable; S08000016 has no row; RW1 and RXX had closed.
describe("offering_pct, 2024", () => {
  it("UK: 2 offering (RV3, RQY) of 3 answering (RV3, RRP, RQY) = 66.6667%, Clopper–Pearson 95% 9.4299–99.1596", () => {
    const { response } = coverage("2024", "nation", "offering_pct");
    expect(response.comparator.code).toBe("K02000001");
    expect(pick(response.comparator)).toEqual([66.6667, 9.4299, 99.1596]);
    expect(response.synthetic).toBe(true);
  });

  it("nations: England 2/3 with non-response bounds 2/4 = 50% to 3/4 = 75% (RX2 unknown); Scotland not_applicable", () => {
    const { byCode, response } = coverage("2024", "nation", "offering_pct");
    const england = byCode.get("E92000001")!;
    expect([england.numerator, england.denominator, england.invited, england.answered]).toEqual([2, 3, 4, 3]);
    expect([england.boundLower, england.boundUpper]).toEqual([50, 75]);
    // Three answering organisations are too few to call England higher or lower than the UK.
    expect([england.comparison, england.comparisonReason, england.assessment]).toEqual([
      "not_compared",
      "too_few",
      "not_compared",
    ]);
    expect(england.organisations).toBe(3);
    expect(byCode.get("S92000003")!.status).toBe("not_applicable");
    expect(byCode.get("S92000003")!.value).toBeNull();
    expect(response.nations.map((n) => n.code)).toEqual(["E92000001", "S92000003"]);
  });

  it("regions: London 2/3; South East no_data (its only row is no_response) with bounds 0–100; Scotland region not_applicable", () => {
    const { byCode } = coverage("2024", "region", "offering_pct");
    expect(pick(byCode.get("E40000003")!)).toEqual([66.6667, 9.4299, 99.1596]);
    const southEast = byCode.get("E40000005")!;
    expect([southEast.status, southEast.value, southEast.boundLower, southEast.boundUpper]).toEqual([
      "no_data",
      null,
      0,
      100,
    ]);
    expect([southEast.comparison, southEast.comparisonReason]).toEqual(["not_compared", "no_value"]);
    expect(byCode.get("S40000001")!.status).toBe("not_applicable");
  });

  it("local areas: L1 1/2 = 50% (1.2579–98.7421), L2 1/1 (2.5–100), L3 no_data, L4 not_applicable, L5 not_surveyed", () => {
    const { byCode, response } = coverage("2024", "local", "offering_pct");
    expect(response.areas).toHaveLength(5);
    expect(pick(byCode.get("E54000027")!)).toEqual([50, 1.2579, 98.7421]);
    // 1/1: the exact lower limit is (α/2)^(1/n) = 2.5%; one answer cannot say more.
    expect(pick(byCode.get("E54000028")!)).toEqual([100, 2.5, 100]);
    expect(byCode.get("E54000028")!.organisations).toBe(1);
    expect(byCode.get("E54000064")!.status).toBe("no_data");
    expect(byCode.get("S08000015")!.status).toBe("not_applicable");
    expect(byCode.get("S08000016")!.status).toBe("not_surveyed");
    expect(byCode.get("S08000016")!.invited).toBe(0);
    expect(byCode.get("E54000027")!.parentCode).toBe("E40000003");
    expect(byCode.get("E54000027")!.nationCode).toBe("E92000001");
  });

  it("organisations: open ones and those with a return; closed RW1/RXX left out; 0/1 and 1/1", () => {
    const { byCode, response } = coverage("2024", "organisation", "offering_pct");
    expect(response.areas.map((a) => a.code)).toEqual(["RQY", "RRP", "RV3", "RX2", "S08000016", "SA9"]);
    expect(byCode.get("RRP")!.value).toBe(0);
    expect(byCode.get("RV3")!.value).toBe(100);
    expect(byCode.get("RX2")!.status).toBe("no_data");
    expect(byCode.get("SA9")!.status).toBe("not_applicable");
    expect(byCode.get("S08000016")!.status).toBe("not_surveyed");
    expect(byCode.get("RV3")!.parentCode).toBe("E54000027");
    // One organisation is never compared: 1/1 against the UK's 66.7% says nothing.
    expect(new Set(response.areas.map((a) => a.comparison))).toEqual(new Set(["not_compared"]));
    expect(byCode.get("RV3")!.comparisonReason).toBe("too_few");
  });

  it("2022: UK 4/6 (RV3, RRP, RW1, RXX of the six answering); withheld SA9 and no_response S08000016 give bounds 4/8 = 50% to 6/8 = 75%", () => {
    const { response, byCode } = coverage("2022", "nation", "offering_pct");
    expect(pick(response.comparator)).toEqual([66.6667, 22.2778, 95.6728]);
    expect(response.synthetic).toBe(false);
    const scotland = byCode.get("S92000003")!;
    // Scotland 2022: SA9 withheld, S08000016 no_response: nobody answered.
    expect([scotland.status, scotland.boundLower, scotland.boundUpper]).toEqual(["no_data", 0, 100]);
  });
});

describe("routine_pct, sustainable_pct and response_pct, 2024", () => {
  it("routine: UK 1 (RV3) of 3 = 33.3333% (0.8404–90.5701)", () => {
    expect(pick(coverage("2024", "nation", "routine_pct").response.comparator)).toEqual([
      33.3333, 0.8404, 90.5701,
    ]);
  });

  it("sustainable: UK 1 (RV3) of 3; RQY (developmental) counts in the denominator", () => {
    const { byCode } = coverage("2024", "local", "sustainable_pct");
    expect([byCode.get("E54000027")!.numerator, byCode.get("E54000027")!.denominator]).toEqual([1, 2]);
    expect([byCode.get("E54000028")!.numerator, byCode.get("E54000028")!.denominator]).toEqual([0, 1]);
  });

  it("response: UK 4 replies (all but RX2, not_applicable counts) of 5 invited = 80% (28.3582–99.4949)", () => {
    const { response, byCode } = coverage("2024", "local", "response_pct");
    expect(pick(response.comparator)).toEqual([80, 28.3582, 99.4949]);
    expect(byCode.get("E54000064")!.value).toBe(0); // L3: RX2 did not reply, 0/1
    expect(byCode.get("S08000015")!.value).toBe(100); // L4: not_applicable is a reply, 1/1
    expect(byCode.get("S08000016")!.status).toBe("not_surveyed");
  });
});

describe("places_per_100k and teachers_per_100k, 2024", () => {
  // Courses are the counting unit of places: RV3 gave 240 places and no courses_run, so 240/12 = 20 courses;
  // RQY 4 places, so at least 1 course; RRP (none) 0. Teams (organisations with active teachers) for teachers.
  it("UK: 240 + 0 (RRP none) + 4 = 244 places in 21 courses; 244/1,200,000 × 100,000 = 20.3333, Poisson(21) × 244/21 = 12.5867–31.0817", () => {
    const { response } = coverage("2024", "local", "places_per_100k");
    expect(pick(response.comparator)).toEqual([20.3333, 12.5867, 31.0817]);
  });

  it("local: L1 240/300,000 = 80 (Poisson(20) × 12: 48.8661–123.5535); L2 4/300,000 (0.0338–7.4289); too few to compare", () => {
    const { byCode } = coverage("2024", "local", "places_per_100k");
    const l1 = byCode.get("E54000027")!;
    expect(pick(l1)).toEqual([80, 48.8661, 123.5535]);
    // L1 rests on RV3 and RRP (2 organisations): neither higher nor lower, whatever the interval.
    expect([l1.comparison, l1.comparisonReason, l1.assessment, l1.organisations]).toEqual([
      "not_compared",
      "too_few",
      "not_compared",
      2,
    ]);
    const l2 = byCode.get("E54000028")!;
    expect(pick(l2)).toEqual([1.3333, 0.0338, 7.4289]);
    expect([l2.numerator, l2.denominator, l2.comparisonReason]).toEqual([4, 300_000, "too_few"]);
    expect(byCode.get("E54000064")!.status).toBe("no_data");
  });

  it("regions and nations: London 244/600,000 = 40.6667; England 244/1,000,000 = 24.4 (15.104–37.298), a lower bound (RX2 did not answer)", () => {
    expect(r(coverage("2024", "region", "places_per_100k").byCode.get("E40000003")!.value)).toBe(40.6667);
    const england = coverage("2024", "nation", "places_per_100k").byCode.get("E92000001")!;
    expect(pick(england)).toEqual([24.4, 15.104, 37.298]);
    expect(england.lowerBound).toBe(true);
    // The range: RX2 offering as many as the most any organisation reported (RV3's 240) gives 484 places.
    expect([r(england.boundLower), r(england.boundUpper)]).toEqual([24.4, 48.4]);
  });

  it("is not_applicable at organisation level, except where the wave has no return (not_surveyed first)", () => {
    const { response, byCode } = coverage("2024", "organisation", "places_per_100k");
    expect(byCode.get("S08000016")!.status).toBe("not_surveyed");
    const others = response.areas.filter((a) => a.code !== "S08000016");
    expect(new Set(others.map((a) => a.status))).toEqual(new Set(["not_applicable"]));
  });

  it("teachers: UK 3 + 0 + 1 = 4 in 2 teams; 0.3333 per 100k, Poisson(2) × 2 = 0.0404–1.2041", () => {
    expect(pick(coverage("2024", "nation", "teachers_per_100k").response.comparator)).toEqual([
      0.3333, 0.0404, 1.2041,
    ]);
  });

  it("an offering organisation's blank places are unknown, not zero: 2022 L2 is RW1's 6 (RQY paused counts 0)", () => {
    const { byCode } = coverage("2022", "local", "places_per_100k");
    expect(byCode.get("E54000028")!.numerator).toBe(6);
  });
});

describe("participants_per_100k and completion_pct (counts of people), 2024", () => {
  it("UK 20 + 0 + 3 = 23 / 1,200,000 × 100,000 = 1.9167 (1.2150–2.8759); London 23/600,000 = 3.8333", () => {
    const { response, byCode } = coverage("2024", "region", "participants_per_100k");
    expect(pick(response.comparator)).toEqual([1.9167, 1.215, 2.8759]);
    expect(r(byCode.get("E40000003")!.value)).toBe(3.8333);
  });

  it("suppresses L2 (RQY started 3) and, secondarily, L1 (else 23 − 20 = 3 by subtraction)", () => {
    const { byCode } = coverage("2024", "local", "participants_per_100k");
    for (const code of ["E54000027", "E54000028"]) {
      const cell = byCode.get(code)!;
      expect([cell.status, cell.value, cell.lower, cell.upper, cell.numerator]).toEqual([
        "suppressed",
        null,
        null,
        null,
        null,
      ]);
      expect([cell.comparison, cell.comparisonReason]).toEqual(["not_compared", "no_value"]);
      // A suppressed cell carries no denominator either (the population would be public, but docs say null).
      expect(cell.denominator).toBeNull();
    }
  });

  it("completion: London 15 + 2 = 17 completed of 20 + 3 = 23 started = 73.9130% (51.5948–89.7714); L1, L2 suppressed", () => {
    const { byCode } = coverage("2024", "region", "completion_pct");
    expect(pick(byCode.get("E40000003")!)).toEqual([73.913, 51.5948, 89.7714]);
    const local = coverage("2024", "local", "completion_pct").byCode;
    expect(local.get("E54000027")!.status).toBe("suppressed");
    expect(local.get("E54000028")!.status).toBe("suppressed");
    const orgs = coverage("2024", "organisation", "completion_pct").byCode;
    expect(orgs.get("RV3")!.status).toBe("suppressed");
    expect(orgs.get("RRP")!.status).toBe("no_data"); // none: no counts reported
  });

  it("2022 completion: England 8 + 6 + 2 + 4 = 20 of 10 + 6 + 2 + 8 = 26 = 76.9231%; London and South East hidden (RXX completed 4)", () => {
    const { byCode } = coverage("2022", "nation", "completion_pct");
    expect(pick(byCode.get("E92000001")!)).toEqual([76.9231, 56.3525, 91.026]);
    const regions = coverage("2022", "region", "completion_pct").byCode;
    expect(regions.get("E40000005")!.status).toBe("suppressed");
    expect(regions.get("E40000003")!.status).toBe("suppressed");
  });

  it("never shows withheld figures: Scotland 2022 (SA9 withheld with 25 started) has no data", () => {
    const { byCode } = coverage("2022", "nation", "participants_per_100k");
    expect(byCode.get("S92000003")!.status).toBe("no_data");
    // UK 2022 participants: 10 + 6 + 0 (RQY paused) + 2 + 0 (RX2 none) + 8 = 26, not 51.
    expect(coverage("2022", "nation", "participants_per_100k").response.comparator.value).toBeCloseTo(
      26 / 12,
      10,
    );
  });
});

describe("median_wait_weeks, 2024", () => {
  it("is the median of offering organisations' medians: UK median(6, 10) = 8; not compared", () => {
    const { response, byCode } = coverage("2024", "nation", "median_wait_weeks");
    expect([response.comparator.value, response.comparator.lower]).toEqual([8, null]);
    const england = byCode.get("E92000001")!;
    expect([england.value, england.denominator, england.comparison]).toEqual([8, 2, "not_compared"]);
  });

  it("at organisation level is the organisation's own; a non-offering organisation has no_data", () => {
    const { byCode } = coverage("2024", "organisation", "median_wait_weeks");
    expect(byCode.get("RQY")!.value).toBe(10);
    expect(byCode.get("RRP")!.status).toBe("no_data");
  });
});

// A response's area values are built and serialised many times a second; objects of one shape keep both fast.
describe("area values", () => {
  it("have the same keys in the same order, whatever each value's status, for every metric and level", () => {
    for (const metric of METRIC_IDS) {
      for (const level of REPORT_LEVELS) {
        const { response } = coverage("2024", level, metric);
        const shapes = new Set(response.areas.map((a) => Object.keys(a).join(",")));
        expect([...shapes], `${metric} at ${level}`).toHaveLength(1);
      }
    }
    const statuses = new Set(
      METRIC_IDS.flatMap((m) =>
        REPORT_LEVELS.flatMap((l) => coverage("2024", l, m).response.areas.map((a) => a.status)),
      ),
    );
    // The check means something only if values of several statuses were compared.
    expect(statuses.size).toBeGreaterThan(3);
  });
});
