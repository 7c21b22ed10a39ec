import { describe, expect, it } from "vitest";
import { count, meta, TREND_SERIES, WAVES } from "./test-fixtures";
import { panelColumns, trendChart, trendPanels, trendPanelsHeight } from "./trend-chart";

const input = {
  series: TREND_SERIES,
  waves: WAVES,
  unit: "percent" as const,
  metricTitle: "Organisations offering MBCT",
};

describe("trendChart", () => {
  const svg = trendChart(input, { width: 800, height: 400 }, meta("trend"));

  it("is an accessible SVG of the requested size", () => {
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 800 400" width="800" height="400" role="img" aria-labelledby="trend-title trend-desc"/,
    );
    expect(svg).toContain('<title id="trend-title">Chart trend</title>');
  });

  it("draws a line and an interval band per series, and a point per value", () => {
    expect(count(svg, /class="line"/)).toBe(2);
    expect(count(svg, /class="band"/)).toBe(2);
    expect(count(svg, /class="point( small)?"/)).toBe(6);
    for (const wave of WAVES) expect(svg).toContain(`>${wave}</text>`);
  });

  it("flags missing values on the chart with their reason", () => {
    expect(svg).toContain('class="flag flag-no_data"');
    expect(svg).toContain('class="flag flag-suppressed"');
    expect(svg).toContain("South East, 2016: suppressed (fewer than 5 people)");
    expect(svg).toContain("S = suppressed (fewer than 5 people)");
  });

  it("draws values from fewer than 5 answers hollow, and says so", () => {
    expect(count(svg, /class="point small"/)).toBe(1);
    expect(svg).toContain("South East, 2014: 25.0 (only 3 answering)");
    expect(svg).toContain("hollow = fewer than 5 organisations answered");
  });

  it("marks a merger in the area's organisations", () => {
    expect(count(svg, /class="merger"/)).toBe(1);
    expect(svg).toContain("London: organisations changed (merger) before 2016");
  });

  it("labels each series directly and escapes names", () => {
    const named = trendChart(
      { ...input, series: [{ ...TREND_SERIES[0]!, name: "A & <B>" }] },
      { width: 800, height: 400 },
      meta("t2"),
    );
    expect(named).toContain("A &amp; &lt;B&gt;");
    expect(named).not.toContain("<B>");
  });

  it("scales rates to the data instead of 0–100", () => {
    const rate = trendChart({ ...input, unit: "per_100k" }, { width: 800, height: 400 }, meta("t3"));
    expect(rate).not.toContain(">100%<");
  });
});

describe("trendPanels", () => {
  const series = [...TREND_SERIES, { ...TREND_SERIES[0]!, code: "X", name: "Third" }];
  const reference = { ...TREND_SERIES[0]!, code: "K02000001", name: "United Kingdom" };

  it("draws one panel per series with the reference dashed in each other panel", () => {
    const svg = trendPanels(
      { series, waves: WAVES, unit: "percent", metricTitle: "Offering", reference },
      960,
      meta("tp"),
    );
    expect(count(svg, /class="panel"/)).toBe(3);
    expect(count(svg, /class="reference"/)).toBe(3);
    expect(count(svg, /class="band"/)).toBe(3);
    expect(svg).toContain("Dashed grey: United Kingdom.");
    expect(svg).toContain(`height="${trendPanelsHeight(3, 960)}"`);
  });

  it("uses two columns on narrow screens", () => {
    expect(panelColumns(600, 5)).toBe(2);
    expect(panelColumns(1200, 5)).toBe(3);
    expect(panelColumns(1200, 1)).toBe(1);
    expect(trendPanelsHeight(5, 600)).toBeGreaterThan(trendPanelsHeight(5, 1200));
  });
});
