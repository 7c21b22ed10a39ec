import { describe, expect, it } from "vitest";
import { assessByPolarity, compareByInterval, median } from "./compare";
import { funnelPosition, proportionFunnel, proportionFunnelLimits } from "./funnel";
import { chiSquareQuantile, inverseRegularizedGammaP, logGamma, regularizedGammaP } from "./gamma";
import { normalQuantile, Z95, Z998, zForConfidence } from "./normal";
import { byarInterval, countInterval, exactPoissonInterval, ratePer } from "./poisson";
import { wilsonInterval } from "./wilson";

/** Rounds to `digits` decimals, the precision the published tables give. */
const round = (x: number, digits: number) => Number(x.toFixed(digits));

describe("normal quantile (AS 241)", () => {
  it("gives the tabulated critical values", () => {
    // Standard normal tables (e.g. NIST/SEMATECH e-Handbook §1.3.6.7.1): z(0.975) = 1.959964, z(0.999) = 3.090232.
    expect(round(normalQuantile(0.975), 6)).toBe(1.959964);
    expect(round(Z95, 6)).toBe(1.959964);
    expect(round(Z998, 6)).toBe(3.090232);
    expect(round(zForConfidence(95), 6)).toBe(1.959964);
    // z(0.3) = −0.524401 and the far tail z(1e−10) = −6.361341 (same tables / Wichura 1988, Table 2).
    expect(round(normalQuantile(0.3), 6)).toBe(-0.524401);
    expect(round(normalQuantile(1e-10), 6)).toBe(-6.361341);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it("refuses a probability outside [0, 1]", () => {
    expect(() => normalQuantile(1.2)).toThrow(RangeError);
    expect(() => zForConfidence(0)).toThrow(RangeError);
  });
});

describe("gamma functions", () => {
  it("log-gamma matches factorials", () => {
    // Γ(n) = (n−1)!: Γ(5) = 24, Γ(11) = 3 628 800; Γ(1/2) = √π.
    expect(Math.exp(logGamma(5))).toBeCloseTo(24, 10);
    expect(Math.exp(logGamma(11))).toBeCloseTo(3_628_800, 4);
    expect(Math.exp(logGamma(0.5))).toBeCloseTo(Math.sqrt(Math.PI), 12);
  });

  it("P(1, x) = 1 − e^−x and the inverse round-trips", () => {
    expect(regularizedGammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 14);
    for (const [a, p] of [
      [0.3, 0.01],
      [1, 0.975],
      [7.5, 0.5],
      [250, 0.999],
    ] as const) {
      expect(regularizedGammaP(a, inverseRegularizedGammaP(a, p))).toBeCloseTo(p, 12);
    }
  });

  it("chi-square quantiles match published tables", () => {
    // NIST/SEMATECH e-Handbook §1.3.6.7.4 (upper critical values of the chi-square distribution):
    // χ²(0.975; 10) = 20.483, χ²(0.025; 10) = 3.247, χ²(0.95; 1) = 3.841.
    expect(round(chiSquareQuantile(0.975, 10), 3)).toBe(20.483);
    expect(round(chiSquareQuantile(0.025, 10), 3)).toBe(3.247);
    expect(round(chiSquareQuantile(0.95, 1), 3)).toBe(3.841);
  });
});

describe("Wilson score interval", () => {
  // Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven methods.
  // Stat Med 1998;17:857–872, Table II, method 3 (score without continuity correction); the first is also
  // Altman et al., Statistics with Confidence, 2nd ed. (2000), p. 47.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("%i/%i → %f to %f (Newcombe 1998)", (x, n, lower, upper) => {
    const ci = wilsonInterval(x, n);
    expect(round(ci.lower, 4)).toBe(lower);
    expect(round(ci.upper, 4)).toBe(upper);
  });

  it("takes any z, is exact at the edges, and refuses impossible input", () => {
    const wide = wilsonInterval(81, 263, Z998);
    expect(wide.lower).toBeLessThan(0.2553);
    expect(wide.upper).toBeGreaterThan(0.3662);
    expect(wilsonInterval(0, 5).lower).toBe(0);
    expect(wilsonInterval(5, 5).upper).toBe(1);
    expect(() => wilsonInterval(6, 5)).toThrow(RangeError);
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
  });
});

describe("exact Poisson interval", () => {
  // Exact (Garwood 1936) limits as tabulated in e.g. Sahai H, Khurshid A. Confidence intervals for the mean of a
  // Poisson distribution: a review. Biom J 1993;35:857–867, and returned by epitools::pois.exact (whose manual
  // states the 95% upper limit for x = 0 is 3.689).
  it.each([
    [0, 0, 3.6889],
    [1, 0.0253, 5.5716],
    [2, 0.2422, 7.2247],
    [3, 0.6187, 8.7673],
    [4, 1.0899, 10.2416],
    [5, 1.6235, 11.6683],
    [10, 4.7954, 18.3904],
    [20, 12.2165, 30.8884],
  ])("count %i → %f to %f", (count, lower, upper) => {
    const ci = exactPoissonInterval(count);
    expect(round(ci.lower, 4)).toBe(lower);
    expect(round(ci.upper, 4)).toBe(upper);
  });

  it("gives wider 99.8% limits", () => {
    // χ²(0.001; 10)/2 = 0.7394 and χ²(0.999; 12)/2 = 16.4547 (same tables, 99.8% two-sided).
    const ci = exactPoissonInterval(5, 0.998);
    expect(round(ci.lower, 4)).toBe(0.7394);
    expect(round(ci.upper, 4)).toBe(16.4547);
  });
});

describe("Byar's approximation", () => {
  it("computes the PHE formula (hand-checked at O = 10)", () => {
    // O = 10, z = 1.959964: lower = 10(1 − 1/90 − 1.959964/(3√10))³ = 10(0.988889 − 0.206598)³ = 10·0.782291³ = 4.7874;
    // upper = 11(1 − 1/99 + 1.959964/(3√11))³ = 11(0.989899 + 0.196984)³ = 11·1.186883³ = 18.3915.
    const ci = byarInterval(10);
    expect(round(ci.lower, 4)).toBe(4.7874);
    expect(round(ci.upper, 4)).toBe(18.3915);
  });

  it("is within 0.2% of the exact limits for counts of 10 or more, as PHE's guidance states", () => {
    // PHE Public Health Data Science, Technical Guide: Confidence Intervals (2018), Appendix 1:
    // "for 95% confidence intervals, Byar's method is within 0.2% of the exact value for numerators of 10 or more".
    for (const count of [10, 11, 15, 25, 60, 200, 1000, 25_000]) {
      const exact = exactPoissonInterval(count);
      const byar = byarInterval(count);
      expect(Math.abs(byar.lower - exact.lower) / exact.lower).toBeLessThan(0.002);
      expect(Math.abs(byar.upper - exact.upper) / exact.upper).toBeLessThan(0.002);
    }
  });

  it("switches method at 10 under the PHE rule", () => {
    expect(countInterval(9, 0.95, "phe")).toEqual(exactPoissonInterval(9));
    expect(countInterval(10, 0.95, "phe")).toEqual(byarInterval(10));
  });
});

describe("rates per 100,000", () => {
  it("scales the count and its interval", () => {
    // 5 events in 200,000 people: 5 × 100000/200000 = 2.5; limits 1.6235 × 0.5 = 0.8117, 11.6683 × 0.5 = 5.8342.
    const rate = ratePer(5, 200_000);
    expect(rate.value).toBe(2.5);
    expect(round(rate.lower, 4)).toBe(0.8117);
    expect(round(rate.upper, 4)).toBe(5.8342);
    expect(() => ratePer(1, 0)).toThrow(RangeError);
  });
});

describe("funnel-plot limits for proportions", () => {
  // PHEindicatormethods (UKHSA), tests/testthat/testdata_funnel_prop_outputs.csv: baseline 80.642448%, and at
  // denominator 50 the 95% limits 69.691035–91.593861 and the 99.8% limits 63.375595–97.909301; at 1008,
  // 78.203374–83.081521 and 76.796814–84.488082.
  it.each([
    [50, 69.691035, 91.593861, 63.375595, 97.909301],
    [1008, 78.203374, 83.081521, 76.796814, 84.488082],
  ])("denominator %i matches Fingertips' funnel", (n, lo95, up95, lo998, up998) => {
    const p0 = 0.80642448;
    const inner = proportionFunnelLimits(p0, n, Z95);
    const outer = proportionFunnelLimits(p0, n, Z998);
    expect(round(inner.lower * 100, 5)).toBeCloseTo(lo95, 4);
    expect(round(inner.upper * 100, 5)).toBeCloseTo(up95, 4);
    expect(round(outer.lower * 100, 5)).toBeCloseTo(lo998, 4);
    expect(round(outer.upper * 100, 5)).toBeCloseTo(up998, 4);
  });

  it("clips to [0, 1] for small denominators, like the published table (n = 10: upper 100)", () => {
    expect(proportionFunnelLimits(0.80642448, 10, Z95).upper).toBe(1);
    // Same table, denominator 10: lower 95% limit 56.154344.
    expect(proportionFunnelLimits(0.80642448, 10, Z95).lower * 100).toBeCloseTo(56.154344, 4);
  });

  it("agrees with the Wilson comparison: outside the 95% funnel exactly when the Wilson CI excludes p0", () => {
    const p0 = 0.4;
    for (const n of [5, 12, 40, 263]) {
      for (let x = 0; x <= n; x++) {
        const ci = wilsonInterval(x, n);
        const outside = compareByInterval(ci, p0) !== "similar";
        const position = funnelPosition(x, n, p0);
        expect(position !== "within", `x=${x}, n=${n}`).toBe(outside);
      }
    }
  });

  it("draws a curve with increasing denominators", () => {
    const curve = proportionFunnel(0.5, 1, 1000, 50);
    expect(curve[0]!.denominator).toBe(1);
    expect(curve.at(-1)!.denominator).toBe(1000);
    for (let i = 1; i < curve.length; i++)
      expect(curve[i]!.denominator).toBeGreaterThan(curve[i - 1]!.denominator);
    // p0 = 0.5, n = 100 (if present) would be 0.5 ± 1.959964 × 0.05 = 0.402002–0.597998.
    expect(proportionFunnelLimits(0.5, 100, Z95).lower).toBeCloseTo(0.402002, 6);
  });
});

describe("comparison and assessment", () => {
  it("classes by whether the interval contains the comparator (Fingertips)", () => {
    expect(compareByInterval({ lower: 10, upper: 20 }, 5)).toBe("higher");
    expect(compareByInterval({ lower: 10, upper: 20 }, 25)).toBe("lower");
    expect(compareByInterval({ lower: 10, upper: 20 }, 20)).toBe("similar");
    expect(compareByInterval({ lower: null, upper: null }, 20)).toBe("not_compared");
    expect(compareByInterval({ lower: 10, upper: 20 }, null)).toBe("not_compared");
  });

  it("assesses by polarity", () => {
    expect(assessByPolarity("higher", "higher_is_better")).toBe("better");
    expect(assessByPolarity("higher", "lower_is_better")).toBe("worse");
    expect(assessByPolarity("lower", "higher_is_better")).toBe("worse");
    expect(assessByPolarity("lower", "lower_is_better")).toBe("better");
    expect(assessByPolarity("similar", "higher_is_better")).toBe("similar");
    expect(assessByPolarity("higher", "neither")).toBe("not_compared");
    expect(assessByPolarity("not_compared", "higher_is_better")).toBe("not_compared");
  });

  it("takes the median of odd and even lists", () => {
    expect(median([7, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
