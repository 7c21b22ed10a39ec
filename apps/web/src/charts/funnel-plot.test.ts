import { describe, expect, it } from "vitest";
import { funnelPlot, plottable } from "./funnel-plot";
import { labelsOutside, overlappingLabels } from "./label-boxes";
import { areaValue, count, meta } from "./test-fixtures";

const rows = [
  areaValue("A", 100, { numerator: 20, denominator: 20 }),
  areaValue("B", 0, { numerator: 0, denominator: 20 }),
  areaValue("C", 50, { numerator: 1, denominator: 2 }),
  areaValue("D", 50, { numerator: 1, denominator: 2 }),
  areaValue("E", null, { status: "no_data" }),
  areaValue("F", null, { status: "suppressed" }),
];
const input = {
  rows,
  placed: new Set(rows.map((r) => r.code)),
  denominatorLabel: "People who started",
  minimumBase: "5 organisations",
  target: { name: "United Kingdom", value: 40 },
  metricTitle: "Offering",
  wave: "2026",
  highlight: new Set(["C"]),
};

describe("funnelPlot", () => {
  const svg = funnelPlot(input, { width: 700, height: 440 }, meta("funnel"));

  it("draws the target line and both pairs of control limits", () => {
    expect(count(svg, /class="limit-95"/)).toBe(2);
    expect(count(svg, /class="limit-998"/)).toBe(2);
    expect(count(svg, /class="target"/)).toBe(1);
    expect(svg).toContain("United Kingdom 40.0%");
  });

  it("places every plottable area by where it falls against the limits", () => {
    expect(svg).toContain('class="point above_998" data-codes="A"');
    expect(svg).toContain('class="point below_998" data-codes="B"');
    expect(svg).toContain('class="point within" data-codes="C,D"');
  });

  it("draws coinciding areas as one mark that says how many it stands for, the number inside it", () => {
    expect(count(svg, /class="point /)).toBe(3);
    expect(svg).toMatch(/class="count">2<\/text>/);
    expect(svg).toContain("2 areas (Name C; Name D): 1 of 2 (50.0%), within the limits");
  });

  it("names its x-axis after the real denominator", () => {
    expect(svg).toMatch(/class="x-axis-label"[^>]*>People who started \(denominator\)</);
    const invited = funnelPlot(
      { ...input, denominatorLabel: "Invited organisations" },
      { width: 700, height: 440 },
      meta("f4"),
    );
    expect(invited).toContain("Invited organisations (denominator)");
    expect(invited).not.toContain("People who started");
  });

  it("places only the areas the funnel plan places, counting the rest as too few", () => {
    const some = funnelPlot(
      { ...input, placed: new Set(["A", "B"]) },
      { width: 700, height: 440 },
      meta("f5"),
    );
    expect(count(some, /class="point /)).toBe(2);
    expect(some).toContain("2 too few to place (under 5 organisations)");
  });

  it("counts the areas it could not plot, with the reason", () => {
    expect(svg).toContain(
      "Not plotted: 1 no data (no organisation answered), 1 suppressed (fewer than 5 people).",
    );
    expect(plottable(rows[4]!)).toBe(false);
  });

  it("marks highlighted areas, naming a lone one", () => {
    expect(svg).toMatch(/font-weight="700" font-size="11"[^>]*>1 marked<\/text>/);
    const lone = funnelPlot({ ...input, highlight: new Set(["A"]) }, { width: 700, height: 440 }, meta("f2"));
    expect(lone).toMatch(/font-weight="700" font-size="11"[^>]*>Name A<\/text>/);
  });

  it("names marked areas in the note when there is no room beside their points", () => {
    // Thirty marked areas close together leave no room for every name on a phone.
    const crowd = Array.from({ length: 30 }, (_, i) =>
      areaValue(`Z${i}`, 50, {
        numerator: i % 6,
        denominator: 6 + (i % 5),
        name: `NHS Area ${i} Integrated Care Board`,
      }),
    );
    const svg = funnelPlot(
      {
        ...input,
        rows: crowd,
        placed: new Set(crowd.map((r) => r.code)),
        highlight: new Set(crowd.map((r) => r.code)),
      },
      { width: 300, height: 440 },
      meta("f3"),
    );
    expect(svg).toMatch(/Circled: (\d+ more marked areas \(see the table\)|NHS Area)/);
    expect(overlappingLabels(svg)).toEqual([]);
    expect(labelsOutside(svg)).toEqual([]);
  });
});
