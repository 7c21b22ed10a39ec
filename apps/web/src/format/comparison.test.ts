import { COMPARISON_REASONS } from "@atlas/domain";
import { describe, expect, it } from "vitest";
import { boundPrefix, boundWords, comparisonWord, notComparedWords } from "./comparison";

describe("why a value is not compared", () => {
  it("says too few with the count it rests on", () => {
    expect(notComparedWords("too_few", { organisations: 1, answered: 1 })).toBe(
      "Too few to compare: 1 organisation answered (at least 5 needed)",
    );
    expect(notComparedWords("too_few", { answered: 3 })).toMatch(
      /^Too few to compare: 3 organisations answered/,
    );
  });

  it("has words for every reason the API gives, none of them empty", () => {
    for (const reason of COMPARISON_REASONS) {
      const words = notComparedWords(reason, { organisations: 2, answered: 2 });
      expect(words.length, reason).toBeGreaterThan(10);
    }
    expect(notComparedWords("same_area", { answered: 9 })).toBe(
      "Not compared: the same area as the comparator",
    );
    expect(notComparedWords("lower_bound", { answered: 9 })).toMatch(/lower bound.*returns are missing/);
    expect(notComparedWords("too_few_people", { answered: 9 })).toMatch(/fewer than 10 people/);
  });
});

describe("bounds", () => {
  it("says at least, with the range, for a lower bound; at most for unmet places", () => {
    expect(boundWords({ value: 2, lowerBound: true, boundLower: 2, boundUpper: 9 }, "percent")).toBe(
      "At least 2.0%: some returns are missing; with them it would lie between 2.0% and 9.0%",
    );
    expect(boundWords({ value: 300, upperBound: true, boundLower: 120, boundUpper: 300 }, "places")).toMatch(
      /^At most 300 places/,
    );
    expect(boundWords({ value: 2, lowerBound: false }, "percent")).toBeNull();
  });
});

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

  it("puts 'at least' before a lower bound, 'at most' before an upper one, nothing otherwise", () => {
    expect(boundPrefix({ lowerBound: true })).toBe("at least ");
    expect(boundPrefix({ upperBound: true })).toBe("at most ");
    expect(boundPrefix({})).toBe("");
  });
});
