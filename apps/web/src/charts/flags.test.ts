import { describe, expect, it } from "vitest";
import { flagKey, isSmallNumber, spreadLabels } from "./flags";

describe("chart flags", () => {
  it("treats a percentage from 1–4 answers as small, and nothing else", () => {
    expect(isSmallNumber("percent", 4)).toBe(true);
    expect(isSmallNumber("percent", 5)).toBe(false);
    expect(isSmallNumber("percent", 0)).toBe(false);
    expect(isSmallNumber("per_100k", 3)).toBe(false);
  });

  it("names only the marks a chart uses", () => {
    expect(flagKey(["ok", "suppressed", "suppressed"], false)).toBe("S = suppressed (fewer than 5 people)");
    expect(flagKey(["ok"], false)).toBe("");
  });

  it("spreads labels apart without reordering them or leaving the bounds", () => {
    const placed = spreadLabels([100, 102, 50], 14, 0, 200);
    expect(placed[2]).toBe(50);
    expect(placed[1]! - placed[0]!).toBeGreaterThanOrEqual(14);
    const clamped = spreadLabels([195, 198, 199], 14, 0, 200);
    expect(Math.max(...clamped)).toBeLessThanOrEqual(200);
    expect(clamped[1]! - clamped[0]!).toBeGreaterThanOrEqual(14);
  });
});
