import { funnelPlan, getMetric } from "@atlas/domain";
import { describe, expect, it } from "vitest";
import { funnelFigure, minimumBase } from "./funnel-figure";
import { funnelPlot } from "./funnel-plot";
import { areaValue, count, meta } from "./test-fixtures";

const area = (code: string, numerator: number, denominator: number, organisations = denominator) =>
  areaValue(code, (100 * numerator) / denominator, { numerator, denominator, organisations });
const comparator = { code: "K02000001", name: "United Kingdom", value: 40, lower: 38, upper: 42 };
const regions = [area("A", 3, 6), area("B", 5, 9), area("C", 2, 5), area("D", 7, 12), area("E", 1, 5)];
const locals = [area("L1", 1, 1), area("L2", 0, 2), area("L3", 3, 4), area("L4", 1, 3), area("L5", 2, 2)];

describe("funnelFigure", () => {
  it("draws what the funnel plan places, its axis named after the plan's denominator", () => {
    const metric = getMetric("offering_pct");
    const figure = funnelFigure(
      metric,
      { areas: [...regions, area("F", 1, 2)], comparator, wave: "2026" },
      new Set(["A"]),
    );
    const plan = funnelPlan(metric, [...regions, area("F", 1, 2)]);
    expect(figure.drawn).toBe(plan.drawn);
    if (!figure.drawn) throw new Error("expected a funnel");
    expect([...figure.input.placed].sort()).toEqual(plan.points.map((a) => a.code).sort());
    expect(figure.input.denominatorLabel).toBe(plan.denominatorLabel);
    const svg = funnelPlot(figure.input, { width: 640, height: 440 }, meta("ff"));
    expect(svg).toContain(`${plan.denominatorLabel} (denominator)`);
    expect(count(svg, /class="point /)).toBe(
      new Set(plan.points.map((a) => `${a.numerator}/${a.denominator}`)).size,
    );
    expect(svg).toContain("1 too few to place (under 5 organisations)");
  });

  it("gives the plan's reason instead of a funnel where the bases cannot carry one", () => {
    const metric = getMetric("offering_pct");
    const figure = funnelFigure(metric, { areas: locals, comparator, wave: "2026" }, new Set());
    expect(figure.drawn).toBe(false);
    if (figure.drawn) throw new Error("expected no funnel");
    expect(figure.reason).toBe(funnelPlan(metric, locals).reason);
    expect(figure.reason).toMatch(/^Not drawn: only 0 of 5 areas/);
  });

  it("draws no funnel for a measure that is not a binomial proportion", () => {
    const figure = funnelFigure(
      getMetric("need_met_pct"),
      { areas: regions, comparator, wave: "2026" },
      new Set(),
    );
    expect(figure.drawn).toBe(false);
    if (!figure.drawn) expect(figure.reason).toContain("no funnel");
  });

  it("draws none when the comparator has no value to centre on", () => {
    const figure = funnelFigure(
      getMetric("offering_pct"),
      { areas: regions, comparator: { ...comparator, value: null }, wave: "2026" },
      new Set(),
    );
    expect(figure).toMatchObject({ drawn: false, reason: expect.stringContaining("no value in 2026") });
  });

  it("names the minimum base with people where the metric counts them", () => {
    expect(minimumBase(getMetric("offering_pct"))).toBe("5 organisations");
    expect(minimumBase(getMetric("completion_pct"))).toBe("5 organisations and 10 people");
  });
});
