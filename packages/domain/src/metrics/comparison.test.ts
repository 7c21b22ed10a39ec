import { describe, expect, it } from "vitest";
import type { Area, Organisation } from "../reference";
import { blankReturn, type SurveyReturn } from "../survey-return";
import { type AtlasData, indexAtlasData } from "./atlas-index";
import type { MetricId } from "./catalogue";
import { MIN_ORGANISATIONS_TO_COMPARE } from "./compare-rules";
import { computeCoverage } from "./coverage";

/**
 * A wider atlas than the hand fixture, so some areas have enough organisations to compare:
 * England: region North (local Big: 8 organisations; local Small: 2); Scotland: one region, one local
 * area of 6 boards. 100,000 adults per local area.
 */
function atlas(rows: (orgs: Organisation[]) => SurveyReturn[]): ReturnType<typeof indexAtlasData> {
  const area = (code: string, level: Area["level"], parentCode: string | null, adults: number): Area => ({
    code,
    name: code,
    level,
    parentCode,
    adultPopulation: adults,
    populationYear: 2024,
    populationSource: "test",
  });
  const areas = [
    area("E92000001", "nation", null, 200_000),
    area("S92000003", "nation", null, 100_000),
    area("E40000001", "region", "E92000001", 200_000),
    area("S99999999", "region", "S92000003", 100_000),
    area("E54000001", "local", "E40000001", 100_000),
    area("E54000002", "local", "E40000001", 100_000),
    area("S08000001", "local", "S99999999", 100_000),
  ];
  const org = (code: string, areaCode: string): Organisation => ({
    code,
    name: code,
    type: "mental_health_trust",
    areaCode,
    lat: null,
    lon: null,
    openedOn: null,
    closedOn: null,
    successorCode: null,
    source: "test",
  });
  const organisations = [
    ...Array.from({ length: 8 }, (_, i) => org(`B${i}`, "E54000001")),
    org("T0", "E54000002"),
    org("T1", "E54000002"),
    ...Array.from({ length: 6 }, (_, i) => org(`S${i}`, "S08000001")),
  ];
  const data: AtlasData = {
    areas,
    organisations,
    waves: [
      { id: "2024", label: "2024", fieldworkStart: null, fieldworkEnd: null, synthetic: false, source: "t" },
    ],
    returns: rows(organisations),
  };
  return indexAtlasData(data);
}

const ret = (code: string, provision: SurveyReturn["provision"], extra: Partial<SurveyReturn> = {}) => ({
  ...blankReturn("2024", code, provision),
  ...extra,
});

const coverage = (index: ReturnType<typeof atlas>, level: "local" | "region" | "nation", metric: MetricId) =>
  new Map(computeCoverage(index, { waveId: "2024", level, metric }).areas.map((a) => [a.code, a]));

describe("comparisons the counts can carry", () => {
  // Big: all 8 offer; Small: 0 of 2; Scotland: 1 of 6. UK: 9 of 16 = 56.25%.
  const index = atlas((orgs) =>
    orgs.map((o) =>
      o.code.startsWith("B") || o.code === "S0" ? ret(o.code, "routine") : ret(o.code, "none"),
    ),
  );

  it(`compares areas resting on ${MIN_ORGANISATIONS_TO_COMPARE} or more answering organisations`, () => {
    const local = coverage(index, "local", "offering_pct");
    // 8 of 8: exact lower limit 0.025^(1/8) = 63.06% > 56.25%.
    expect([local.get("E54000001")!.comparison, local.get("E54000001")!.assessment]).toEqual([
      "higher",
      "better",
    ]);
    // 1 of 6: exact upper limit 64.12% > 56.25%: similar.
    expect(local.get("S08000001")!.comparison).toBe("similar");
    expect(local.get("S08000001")!.comparisonReason).toBeNull();
  });

  it("says too_few below the minimum, however far the value is from the comparator (0 of 2)", () => {
    const small = coverage(index, "local", "offering_pct").get("E54000002")!;
    expect([small.value, small.organisations]).toEqual([0, 2]);
    expect([small.comparison, small.comparisonReason, small.assessment]).toEqual([
      "not_compared",
      "too_few",
      "not_compared",
    ]);
  });

  it("never compares an area with itself: Scotland's one region against Scotland", () => {
    const region = coverage(index, "region", "offering_pct").get("S99999999")!;
    expect([region.nationComparison, region.nationComparisonReason]).toEqual(["not_compared", "same_area"]);
    expect(region.comparisonReason).toBeNull(); // against the UK it is compared
    const nation = coverage(index, "nation", "offering_pct").get("S92000003")!;
    expect(nation.nationComparisonReason).toBe("same_area");
  });

  it("never calls a lower bound lower or similar (returns missing), but may call it higher", () => {
    // Big: 7 organisations offer 1 place each on 1 course and the eighth did not answer; Scotland's 6 boards
    // offer 60 places on 5 courses each.
    const missing = atlas((orgs) =>
      orgs.map((o) => {
        if (o.code === "B7") return ret(o.code, "no_response");
        if (o.code.startsWith("B")) return ret(o.code, "routine", { placesOffered: 1, coursesRun: 1 });
        if (o.code.startsWith("S")) return ret(o.code, "routine", { placesOffered: 60, coursesRun: 5 });
        return ret(o.code, "none");
      }),
    );
    const places = coverage(missing, "local", "places_per_100k");
    const big = places.get("E54000001")!;
    expect(big.lowerBound).toBe(true);
    expect([big.comparison, big.comparisonReason]).toEqual(["not_compared", "lower_bound"]);
    // Scotland's boards all answered: 360 places in 30 courses, far above the UK (367 places per 300,000).
    const scot = places.get("S08000001")!;
    expect(scot.lowerBound).toBe(false);
    expect(scot.comparison).toBe("higher");
  });

  it("needs 10 people as well as 5 organisations for people-based metrics", () => {
    const people = atlas((orgs) =>
      orgs.map((o) =>
        o.code.startsWith("B")
          ? ret(o.code, "routine", { participantsStarted: 1, participantsCompleted: 1 })
          : o.code.startsWith("S")
            ? ret(o.code, "routine", { participantsStarted: 30, participantsCompleted: 20 })
            : ret(o.code, "none"),
      ),
    );
    const completion = coverage(people, "local", "completion_pct");
    // Big: 8 organisations with one person each (each suppressed; the area's 8 of 8 is published, the
    // eight hidden cells protecting one another) is under the 10-people minimum.
    const big = completion.get("E54000001")!;
    expect([big.status, big.numerator, big.denominator, big.organisations]).toEqual(["ok", 8, 8, 8]);
    expect([big.comparison, big.comparisonReason]).toEqual(["not_compared", "too_few_people"]);
    expect(completion.get("S08000001")!.comparisonReason).toBeNull();
  });
});
