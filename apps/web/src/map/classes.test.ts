import { describe, expect, it } from "vitest";
import {
  classIndex,
  classify,
  directionNote,
  effectiveStatus,
  legendCounts,
  SEQUENTIAL_PALETTE,
} from "./classes";

describe("classify", () => {
  it("uses fixed fifths for percentages, whatever the data", () => {
    const c = classify({ unit: "percent" }, [3, 4]);
    expect(c.breaks).toEqual([0, 20, 40, 60, 80, 100]);
    expect(c.colours).toEqual([...SEQUENTIAL_PALETTE]);
    expect(c.labels[0]).toBe("0 to under 20%");
    expect(c.labels[4]).toBe("80 to 100%");
  });

  it("puts values on a break in the upper class and 100 in the last", () => {
    const c = classify({ unit: "percent" }, []);
    expect(classIndex(c, 0)).toBe(0);
    expect(classIndex(c, 19.99)).toBe(0);
    expect(classIndex(c, 20)).toBe(1);
    expect(classIndex(c, 100)).toBe(4);
  });

  it("covers the largest value with round breaks for rates", () => {
    const c = classify({ unit: "per_100k" }, [1.2, 7.9, null, 13.4]);
    expect(c.breaks[0]).toBe(0);
    expect(c.breaks.at(-1)!).toBeGreaterThanOrEqual(13.4);
    expect(c.colours.length).toBe(c.breaks.length - 1);
    expect(c.colours.length).toBeLessThanOrEqual(5);
    expect(classIndex(c, 13.4)).toBe(c.colours.length - 1);
  });

  it("writes the metric's unit on every class label", () => {
    const rates = classify({ unit: "per_100k" }, [3, 13.4]);
    expect(rates.labels.every((l) => l.endsWith(" per 100k"))).toBe(true);
    const waits = classify({ unit: "weeks" }, [2, 9, 17]);
    expect(waits.labels[0]).toMatch(/^0 to under \d+ weeks$/);
    expect(waits.labels.every((l) => l.endsWith(" weeks"))).toBe(true);
  });

  it("still gives one class when every rate is zero or missing", () => {
    const c = classify({ unit: "weeks" }, [null, 0]);
    expect(c.colours.length).toBeGreaterThanOrEqual(1);
    expect(classIndex(c, 0)).toBe(0);
  });
});

describe("directionNote", () => {
  it("says which way is better, from the metric's polarity", () => {
    expect(directionNote({ polarity: "lower_is_better" })).toBe("Darker is higher. Lower is better.");
    expect(directionNote({ polarity: "higher_is_better" })).toBe("Darker is higher. Higher is better.");
    expect(directionNote({ polarity: "neither" })).toBe("Darker is higher.");
  });
});

describe("legendCounts", () => {
  it("counts every class and every missing status", () => {
    const c = classify({ unit: "percent" }, []);
    const counts = legendCounts(c, [
      { value: 0, status: "ok" },
      { value: 10, status: "ok" },
      { value: 55, status: "ok" },
      { value: null, status: "no_data" },
      { value: null, status: "suppressed" },
      { value: null, status: "not_surveyed" },
      { value: null, status: "ok" },
    ]);
    expect(counts.classes).toEqual([2, 0, 1, 0, 0]);
    expect(counts.statuses).toEqual({ no_data: 2, suppressed: 1, not_surveyed: 1, not_applicable: 0 });
  });

  it("treats an ok row without a value as no data, never as zero", () => {
    expect(effectiveStatus({ value: null, status: "ok" })).toBe("no_data");
    expect(effectiveStatus({ value: 0, status: "ok" })).toBe("ok");
  });
});
