import { describe, expect, it } from "vitest";
import { contrastRatio, textOn } from "./contrast";
import { COMPARISON_STYLE } from "./dot-plot";
import { FACTOR_SHADES } from "./factors-chart";
import { GRID, INK, MUTED } from "./svg";
import { TRANSITION_SHADES } from "./transitions-matrix";

describe("chart text contrast", () => {
  it("computes WCAG ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 1);
  });

  it("keeps every heat-map cell label at 4.5:1 or more", () => {
    for (const fill of [...TRANSITION_SHADES, ...FACTOR_SHADES]) {
      expect(contrastRatio(fill, textOn(fill)), fill).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("prints words and axis text on white at 4.5:1 or more", () => {
    for (const colour of [INK, MUTED, ...Object.values(COMPARISON_STYLE).map((s) => s.text)]) {
      expect(contrastRatio(colour, "#ffffff"), colour).toBeGreaterThanOrEqual(4.5);
    }
    // Grid lines are decoration, lighter on purpose.
    expect(contrastRatio(GRID, "#ffffff")).toBeLessThan(3);
  });
});
