import { describe, expect, it } from "vitest";
import { classify, legendCounts } from "./classes";
import { baseWords, isSmallBase, SMALL_BASE_MAX, smallBaseNote } from "./small-base";

const row = (organisations: number | undefined, answered: number, value: number | null = 50) => ({
  status: "ok" as const,
  value,
  organisations,
  answered,
  numerator: 0,
  denominator: organisations ?? answered,
});

describe("small bases", () => {
  it("marks values resting on 1 to 4 organisations, and no others", () => {
    expect(SMALL_BASE_MAX).toBe(4);
    expect([1, 2, 3, 4].map((n) => isSmallBase(row(n, n)))).toEqual([true, true, true, true]);
    expect(isSmallBase(row(5, 5))).toBe(false);
    expect(isSmallBase(row(0, 0))).toBe(false);
    // The API's count of organisations behind the value wins over those answering.
    expect(isSmallBase(row(2, 9))).toBe(true);
    expect(isSmallBase(row(undefined, 3))).toBe(true);
  });

  it("never marks a value that is not shown", () => {
    expect(isSmallBase({ ...row(1, 1), status: "suppressed" })).toBe(false);
    expect(isSmallBase(row(1, 1, null))).toBe(false);
  });

  it("says the count in words", () => {
    expect(
      baseWords({ numerator: 0, denominator: 1, organisations: 1, answered: 1 }, { id: "offering_pct" }),
    ).toBe("0 of 1 organisation offers MBCT");
    expect(
      baseWords({ numerator: 1, denominator: 3, organisations: 3, answered: 3 }, { id: "offering_pct" }),
    ).toBe("1 of 3 organisations offers MBCT");
    expect(
      baseWords({ numerator: 2, denominator: 3, organisations: 3, answered: 3 }, { id: "offering_pct" }),
    ).toBe("2 of 3 organisations offer MBCT");
    expect(
      baseWords({ numerator: 29, denominator: 3316, organisations: 2, answered: 2 }, { id: "need_met_pct" }),
    ).toBe("rests on 2 organisations");
    expect(smallBaseNote(row(1, 1), { id: "need_met_pct" })).toBe(
      "Rests on 1 organisation: a small base, read with care",
    );
    expect(smallBaseNote(row(6, 6), { id: "need_met_pct" })).toBeNull();
  });

  it("counts small bases for the legend's own row, besides their classes", () => {
    const classes = classify({ unit: "percent" }, []);
    const counts = legendCounts(classes, [
      row(1, 1, 0),
      row(3, 3, 100),
      row(8, 8, 50),
      { ...row(1, 1), status: "no_data" },
    ]);
    expect(counts.smallBase).toBe(2);
    expect(counts.classes.reduce((a, b) => a + b, 0)).toBe(3);
  });
});

describe("need met classes", () => {
  it("uses breaks over the data, not fixed fifths, for a percentage of modelled need", () => {
    const need = classify({ unit: "percent", assumptions: ["atRisk"] }, [0, 2.5, 9.7]);
    expect(need.breaks.at(-1)).toBeLessThan(20);
    expect(classify({ unit: "percent" }, [0, 2.5, 9.7]).breaks).toEqual([0, 20, 40, 60, 80, 100]);
  });
});
