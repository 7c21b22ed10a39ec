import { COMPARISON_REASONS } from "@atlas/domain";
import { describe, expect, it } from "vitest";
import { boundPrefix, comparisonWord } from "./comparison";

describe("comparisonWord", () => {
  it("keeps higher, lower and similar as they are", () => {
    for (const comparison of ["higher", "lower", "similar"] as const)
      expect(comparisonWord({ comparison, comparisonReason: null })).toBe(comparison);
  });

  it("says how few organisations a value rests on", () => {
    const word = (organisations?: number) =>
      comparisonWord({ comparison: "not_compared", comparisonReason: "too_few", organisations });
    expect(word(1)).toBe("too few to compare (1 organisation)");
    expect(word(3)).toBe("too few to compare (3 organisations)");
    expect(word()).toBe("too few to compare (under 5 organisations)");
  });

  it("gives every reason its own words, none of them a direction", () => {
    const words = COMPARISON_REASONS.map((reason) =>
      comparisonWord({ comparison: "not_compared", comparisonReason: reason, organisations: 2 }),
    );
    expect(new Set(words).size).toBe(COMPARISON_REASONS.length);
    for (const w of words) expect(w).not.toMatch(/^(higher|lower|similar)$/);
    expect(words).toContain("lower bound, not compared");
    expect(words).toContain("same area, not compared");
  });

  it("puts 'at least' before a lower bound only", () => {
    expect(boundPrefix({ lowerBound: true })).toBe("at least ");
    expect(boundPrefix({})).toBe("");
  });
});
