import { describe, expect, it } from "vitest";
import { LinearSpan } from "./linear-span";

const v = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe("LinearSpan (exact)", () => {
  it("finds what sums determine: a + b and a − b give a and b, a + b alone gives neither", () => {
    const span = new LinearSpan();
    span.add(v({ a: 1, b: 1 }));
    expect(span.contains(v({ a: 1 }))).toBe(false);
    expect(span.contains(v({ a: 2, b: 2 }))).toBe(true);
    span.add(v({ a: 1, b: -1 }));
    expect(span.contains(v({ a: 1 }))).toBe(true);
    expect(span.contains(v({ b: 1 }))).toBe(true);
    expect(span.dimension).toBe(2);
  });

  it("sees a cell recovered through a chain of subtractions (parent − published children)", () => {
    // R = L1 + L2; L1 = x + y; L2 = z. Published: R, L2, y. Then L1 = R − L2 and x = L1 − y.
    const span = new LinearSpan();
    span.add(v({ x: 1, y: 1, z: 1 }));
    span.add(v({ z: 1 }));
    span.add(v({ y: 1 }));
    expect(span.contains(v({ x: 1 }))).toBe(true);
    expect(span.contains(v({ x: 1, y: 1 }))).toBe(true);
  });

  it("keeps exactness where floating point would drift (coefficients in the millions)", () => {
    const span = new LinearSpan();
    span.add(v({ a: 1_000_003, b: 999_983 }));
    span.add(v({ a: 999_979, b: 1_000_033 }));
    expect(span.contains(v({ a: 1 }))).toBe(true);
    const other = new LinearSpan();
    other.add(v({ a: 3, b: 6 }));
    expect(other.contains(v({ a: 1, b: 2 }))).toBe(true);
    expect(other.contains(v({ a: 1, b: 3 }))).toBe(false);
  });

  it("does not count a repeated or dependent vector as new", () => {
    const span = new LinearSpan();
    expect(span.add(v({ a: 1, b: 1 }))).toBe(true);
    expect(span.add(v({ a: 2, b: 2 }))).toBe(false);
    expect(span.add(v({}))).toBe(false);
  });
});
