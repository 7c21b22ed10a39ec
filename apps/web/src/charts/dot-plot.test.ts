import { describe, expect, it } from "vitest";
import { dotPlot, dotPlotHeight } from "./dot-plot";
import { labelsOutside, overlappingLabels } from "./label-boxes";
import { fitLabel } from "./layout";
import { areaValue, count, meta } from "./test-fixtures";

const rows = [
  areaValue("A", 62, { comparison: "higher" }),
  areaValue("B", 30, { comparison: "similar", denominator: 3, numerator: 1 }),
  areaValue("C", 10, { comparison: "lower" }),
  areaValue("D", null, { status: "suppressed", comparison: "not_compared" }),
];
const input = {
  rows,
  comparator: { name: "United Kingdom", value: 35, lower: 31, upper: 39 },
  unit: "percent" as const,
  metricTitle: "Organisations offering MBCT",
  wave: "2026",
  highlight: new Set(["C"]),
};

describe("dotPlot", () => {
  const svg = dotPlot(input, 700, meta("dots"));

  it("grows with the number of rows", () => {
    const noteLines = count(svg, /class="note"/);
    expect(noteLines).toBeGreaterThanOrEqual(1);
    expect(svg).toContain(`height="${dotPlotHeight(4, noteLines)}"`);
    expect(dotPlotHeight(10)).toBeGreaterThan(dotPlotHeight(4));
  });

  it("draws a dot and interval per value, and the comparator with its interval", () => {
    expect(count(svg, /class="dot /)).toBe(3);
    expect(count(svg, /class="interval"/)).toBe(3);
    expect(count(svg, /class="comparator"/)).toBe(1);
    expect(count(svg, /class="comparator-band"/)).toBe(1);
    expect(svg).toContain("United Kingdom 35.0%");
  });

  it("prints the comparison in words, not colour alone", () => {
    expect(svg).toContain('class="dot higher"');
    expect(svg).toMatch(/>higher<\/text>/);
    expect(svg).toMatch(/>lower<\/text>/);
    expect(svg).toMatch(/>similar<\/text>/);
  });

  it("says why a value is missing, in its row", () => {
    expect(svg).toContain("S  suppressed (fewer than 5 people)");
    expect(svg).toContain('data-code="D"');
  });

  it("shortens long names to fit, ICBs first", () => {
    expect(fitLabel("NHS West Yorkshire Integrated Care Board", 300)).toBe("NHS West Yorkshire ICB");
    const cut = fitLabel("NHS Staffordshire and Stoke-on-Trent Integrated Care Board", 150);
    expect(cut).toMatch(/^NHS Staffordshire.*…$/);
    expect(cut.length).toBeLessThan("NHS Staffordshire and Stoke-on-Trent ICB".length);
  });

  it("puts each name on its own line above its row on a phone, the plot across the whole width", () => {
    const narrow = dotPlot(input, 340, meta("narrow"));
    // Names start at the left edge (not right-aligned against a name column) ...
    expect(narrow).toMatch(/<text x="16" y="\d+"[^>]*>Name A<\/text>/);
    // ... and the axis runs from edge to edge, so the dots have room.
    const ticks = [...narrow.matchAll(/<line x1="([\d.]+)" x2="[\d.]+" y1="28"/g)].map((m) => Number(m[1]));
    expect(Math.min(...ticks)).toBeLessThan(30);
    expect(Math.max(...ticks)).toBeGreaterThan(300);
    expect(overlappingLabels(narrow)).toEqual([]);
    expect(labelsOutside(narrow)).toEqual([]);
  });

  it("flags a value from fewer than 5 answers by its name", () => {
    expect(svg).toContain("Name B (n&lt;5)");
    expect(svg).toContain('font-weight="700">Name C</text>');
  });

  it("says why a value is not compared, in the grey of no comparison, and draws a lower bound open with an arrow", () => {
    const reasons = dotPlot(
      {
        ...input,
        rows: [
          areaValue("T", 100, { comparison: "not_compared", comparisonReason: "too_few", organisations: 1 }),
          areaValue("S", 40, {
            comparison: "not_compared",
            comparisonReason: "same_area",
            organisations: 30,
          }),
          areaValue("L", 20, {
            comparison: "not_compared",
            comparisonReason: "lower_bound",
            lowerBound: true,
            organisations: 8,
          }),
        ],
      },
      800,
      meta("reasons"),
    );
    expect(reasons).toContain(">too few to compare (1 organisation)</text>");
    expect(reasons).toContain(">same area, not compared</text>");
    expect(reasons).toContain(">lower bound, not compared</text>");
    expect(count(reasons, /class="dot not_compared/)).toBe(3);
    expect(reasons).not.toMatch(/class="dot (higher|lower)/);
    expect(count(reasons, /class="dot not_compared lower-bound"/)).toBe(1);
    expect(count(reasons, /class="bound-arrow"/)).toBe(1);
    expect(reasons).toContain("Name L: at least 20.0%");
    expect(reasons).toContain("open dot with arrow = a lower bound");
    expect(overlappingLabels(reasons)).toEqual([]);
    expect(labelsOutside(reasons)).toEqual([]);
  });
});
