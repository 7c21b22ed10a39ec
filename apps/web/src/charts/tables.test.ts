import { describe, expect, it } from "vitest";
import { dotTable, funnelTable, transitionsTable, trendTable } from "./tables";
import { areaValue, TREND_SERIES, WAVES } from "./test-fixtures";

describe("table alternatives", () => {
  it("list every trend point with its status and merger mark", () => {
    const table = trendTable({
      series: TREND_SERIES,
      waves: WAVES,
      unit: "percent",
      metricTitle: "Offering",
    });
    expect(table.rows).toHaveLength(8);
    expect(table.rows[2]).toEqual([
      "London",
      "2016",
      "35.0",
      "27.0",
      "43.0",
      "4",
      "10",
      "value",
      "organisations changed",
    ]);
    // The same word as the table view and the CSV (one mapping in @atlas/domain).
    expect(table.rows[6]![7]).toBe("suppressed");
  });

  it("give the dot plot's comparison in words", () => {
    const table = dotTable({
      rows: [areaValue("A", 50, { comparison: "higher" })],
      comparator: { name: "UK", value: 30, lower: 28, upper: 32 },
      unit: "percent",
      metricTitle: "Offering",
      wave: "2026",
    });
    expect(table.caption).toBe("Offering, 2026, against UK (30.0)");
    expect(table.rows[0]).toEqual(["Name A", "50.0", "40.0", "60.0", "10", "—", "higher", "value"]);
  });

  it("say why a value is not compared, with the count behind it, and mark lower bounds as at least", () => {
    const table = dotTable({
      rows: [
        areaValue("A", 100, { comparison: "not_compared", comparisonReason: "too_few", organisations: 1 }),
        areaValue("B", 20, { comparison: "not_compared", comparisonReason: "lower_bound", lowerBound: true }),
        areaValue("C", 40, { comparison: "not_compared", comparisonReason: "same_area", organisations: 12 }),
      ],
      comparator: { name: "UK", value: 30, lower: 28, upper: 32 },
      unit: "per_100k",
      metricTitle: "Places",
      wave: "2026",
    });
    expect(table.rows.map((r) => r[6])).toEqual([
      "too few to compare (1 organisation)",
      "lower bound, not compared",
      "same area, not compared",
    ]);
    expect(table.rows[1]![1]).toBe("at least 20.0");
    expect(table.rows[0]![5]).toBe("1");
  });

  it("say where each area falls on the funnel, or why it is not plotted", () => {
    const table = funnelTable({
      rows: [
        areaValue("A", 100, { numerator: 20, denominator: 20 }),
        areaValue("B", null),
        areaValue("C", 50, { numerator: 1, denominator: 2, organisations: 2 }),
      ],
      placed: new Set(["A"]),
      denominatorLabel: "Answering organisations",
      minimumBase: "5 organisations",
      target: { name: "UK", value: 40 },
      metricTitle: "Offering",
      wave: "2026",
    });
    expect(table.columns[2]).toBe("Denominator: Answering organisations");
    expect(table.rows[0]![5]).toBe("above the 99.8% limit");
    expect(table.rows[1]![5]).toBe("not plotted: no data (no organisation answered)");
    expect(table.rows[2]![5]).toBe("not plotted: too few to place (under 5 organisations)");
  });

  it("give the transition matrix as a grid with zeros filled in", () => {
    const table = transitionsTable({
      fromWave: "2024",
      toWave: "2026",
      kind: "stage",
      transitions: [
        { from: "sustainable", to: "developmental", count: 2 },
        { from: "not_started", to: "not_started", count: 5 },
      ],
    });
    expect(table.columns).toEqual(["2024 \\ 2026", "Not started", "Developmental"]);
    expect(table.rows).toEqual([
      ["Not started", "5", "0"],
      ["Sustainable", "0", "2"],
    ]);
  });
});
