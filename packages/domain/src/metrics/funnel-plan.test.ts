import { describe, expect, it } from "vitest";
import type { AreaValue } from "../api/responses";
import { getMetric } from "./catalogue";
import { funnelPlan, MIN_FUNNEL_AREAS } from "./funnel-plan";

const area = (
  code: string,
  numerator: number,
  denominator: number,
  organisations = denominator,
): AreaValue => ({
  code,
  name: code,
  parentCode: null,
  value: (100 * numerator) / denominator,
  lower: null,
  upper: null,
  numerator,
  denominator,
  status: "ok",
  organisations,
  comparison: "not_compared",
  comparisonReason: null,
  assessment: "not_compared",
  invited: denominator,
  answered: denominator,
});

describe("funnel plans", () => {
  it("places only areas resting on 5 or more organisations, and draws when 5 areas qualify", () => {
    const regions = [
      area("A", 3, 6),
      area("B", 5, 9),
      area("C", 2, 5),
      area("D", 7, 12),
      area("E", 1, 5),
      area("F", 1, 2),
    ];
    const plan = funnelPlan(getMetric("offering_pct"), regions);
    expect(plan.drawn).toBe(true);
    expect(plan.points.map((a) => a.code)).toEqual(["A", "B", "C", "D", "E"]);
    expect(plan.tooFew.map((a) => a.code)).toEqual(["F"]);
    expect(plan.denominatorLabel).toBe("Answering organisations");
  });

  it("is not drawn where most areas rest on one to four organisations, and says why", () => {
    const locals = [area("A", 0, 1), area("B", 1, 1), area("C", 2, 3), area("D", 4, 6), area("E", 1, 4)];
    const plan = funnelPlan(getMetric("offering_pct"), locals);
    expect(plan.drawn).toBe(false);
    expect(plan.reason).toBe(
      `Not drawn: only 1 of 5 areas with a value rest on at least 5 organisations; a funnel needs ${MIN_FUNNEL_AREAS}.`,
    );
  });

  it("names the real denominator: invited organisations for response, people for completion", () => {
    expect(funnelPlan(getMetric("response_pct"), []).denominatorLabel).toBe("Invited organisations");
    const completion = funnelPlan(getMetric("completion_pct"), [
      area("A", 8, 9, 6), // 9 people: under the 10-people minimum
      ...["B", "C", "D", "E", "F"].map((c) => area(c, 30, 40, 5)),
    ]);
    expect(completion.denominatorLabel).toMatch(/^People who started/);
    expect([completion.drawn, completion.tooFew.map((a) => a.code)]).toEqual([true, ["A"]]);
  });

  it("has no funnel for rates, counts or the need model", () => {
    for (const id of ["places_per_100k", "unmet_places", "need_met_pct", "median_wait_weeks"] as const) {
      expect(funnelPlan(getMetric(id), [area("A", 1, 10)]).drawn).toBe(false);
    }
  });
});
