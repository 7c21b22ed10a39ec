import { describe, expect, it } from "vitest";
import { factorShare, factorsChart } from "./factors-chart";
import { count, meta } from "./test-fixtures";

const stages = [
  { stage: "not_started" as const, organisations: 0 },
  { stage: "starting_out" as const, organisations: 4 },
  { stage: "developmental" as const, organisations: 10 },
  { stage: "sustainable" as const, organisations: 8 },
];
const byStage = (counts: number[]) =>
  stages.map((s, i) => ({ stage: s.stage, count: counts[i]!, share: null }));
const factors = [
  { kind: "barrier" as const, factor: "service_targets", byStage: byStage([0, 3, 7, 4]), total: 14 },
  { kind: "barrier" as const, factor: "financial_pressure", byStage: byStage([0, 4, 9, 8]), total: 21 },
  { kind: "facilitator" as const, factor: "local_champion", byStage: byStage([0, 2, 10, 8]), total: 20 },
];

describe("factorsChart", () => {
  const svg = factorsChart({ wave: "2026", kind: "barrier", stages, factors }, 760, meta("fc"));

  it("has one row per factor of the kind, most reported first, one cell per stage", () => {
    expect(count(svg, /class="cell"/)).toBe(8);
    expect(svg.indexOf("Financial pressure")).toBeLessThan(svg.indexOf("Service targets"));
    expect(svg).not.toContain("Local champion");
  });

  it("shows shares of each stage, and a dash where no organisation is at the stage", () => {
    expect(svg).toContain("Financial pressure: 9 of 10 organisations at Developmental (90%)");
    expect(svg).toContain("Service targets: 0 of 0 organisations at Not started (–)");
  });

  it("flags stages with fewer than 5 organisations", () => {
    expect(count(svg, /class="small-n"/)).toBe(2);
    expect(svg).toContain("n=4 (small)");
  });

  it("computes shares as fractions", () => {
    expect(factorShare(3, 4)).toBe(0.75);
    expect(factorShare(0, 0)).toBeNull();
  });
});
