import { describe, expect, it } from "vitest";
import { inverseRegularizedBeta, regularizedBeta } from "./beta";
import { binomialCdf, binomialQuantile } from "./binomial";
import { clopperPearsonInterval } from "./clopper-pearson";
import { assessByPolarity, compareByInterval, median } from "./compare";
import { funnelPosition, proportionFunnel, proportionFunnelLimits } from "./funnel";
import { chiSquareQuantile, inverseRegularizedGammaP, logGamma, regularizedGammaP } from "./gamma";
import { normalQuantile, Z95, Z998, zForConfidence } from "./normal";
import { byarInterval, countInterval, exactPoissonInterval, ratePer } from "./poisson";

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

describe("incomplete beta function", () => {
  it("matches closed forms and round-trips through its inverse", () => {
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b; I_½(a, a) = ½.
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedBeta(0.6, 3, 1)).toBeCloseTo(0.216, 14);
    expect(regularizedBeta(0.2, 1, 4)).toBeCloseTo(1 - 0.8 ** 4, 14);
    expect(regularizedBeta(0.5, 7.5, 7.5)).toBeCloseTo(0.5, 13);
    for (const [p, a, b] of [
      [0.025, 1, 263],
      [0.975, 82, 182],
      [0.001, 0.5, 3],
      [0.6, 40, 2],
    ] as const) {
      expect(regularizedBeta(inverseRegularizedBeta(p, a, b), a, b)).toBeCloseTo(p, 12);
    }
    expect(() => regularizedBeta(1.5, 1, 1)).toThrow(RangeError);
    expect(() => inverseRegularizedBeta(0.5, 0, 1)).toThrow(RangeError);
  });

  it("gives binomial tail probabilities that equal the sum of terms", () => {
    const pmf = (k: number, n: number, p: number) => {
      let c = 1;
      for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
      return c * p ** k * (1 - p) ** (n - k);
    };
    for (const [n, p] of [
      [1, 0.6],
      [20, 0.5],
      [37, 0.093],
    ] as const) {
      let sum = 0;
      for (let r = 0; r <= n; r++) {
        sum += pmf(r, n, p);
        expect(binomialCdf(r, n, p)).toBeCloseTo(sum, 12);
      }
    }
    expect(binomialCdf(-1, 5, 0.5)).toBe(0);
    expect(binomialQuantile(0.975, 20, 0.5)).toBe(14);
  });
});

describe("Clopper–Pearson (exact) interval", () => {
  // Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven methods.
  // Stat Med 1998;17:857–872, Table II, method 5 ("exact" Clopper–Pearson).
  it.each([
    [81, 263, 0.2527, 0.3676],
    [15, 148, 0.0578, 0.1617],
    [0, 20, 0, 0.1684],
    [1, 29, 0.0009, 0.1776],
  ])("%i/%i → %f to %f (Newcombe 1998)", (x, n, lower, upper) => {
    const ci = clopperPearsonInterval(x, n);
    expect(round(ci.lower, 4)).toBe(lower);
    expect(round(ci.upper, 4)).toBe(upper);
  });

  it("never claims more than one organisation can carry: 0 of 1 and 1 of 1", () => {
    // With n = 1 the limits are (α/2)^(1/n) and 1 − (α/2)^(1/n): 0–97.5% and 2.5–100%.
    expect(clopperPearsonInterval(0, 1)).toEqual({ lower: 0, upper: 0.975 });
    const one = clopperPearsonInterval(1, 1);
    expect(one.lower).toBeCloseTo(0.025, 12);
    expect(one.upper).toBe(1);
    // x = 0 of n: upper = 1 − (α/2)^(1/n) in closed form.
    expect(clopperPearsonInterval(0, 4).upper).toBeCloseTo(1 - 0.025 ** (1 / 4), 12);
  });

  it("holds each tail at α/2 exactly at its limits, and widens with the level", () => {
    for (const [x, n] of [
      [3, 4],
      [7, 30],
      [120, 400],
    ] as const) {
      const ci = clopperPearsonInterval(x, n);
      // lower: P(X ≥ x | p_L) = 0.025; upper: P(X ≤ x | p_U) = 0.025.
      expect(1 - binomialCdf(x - 1, n, ci.lower)).toBeCloseTo(0.025, 10);
      expect(binomialCdf(x, n, ci.upper)).toBeCloseTo(0.025, 10);
      const wide = clopperPearsonInterval(x, n, 0.998);
      expect(wide.lower).toBeLessThan(ci.lower);
      expect(wide.upper).toBeGreaterThan(ci.upper);
    }
    expect(() => clopperPearsonInterval(6, 5)).toThrow(RangeError);
    expect(() => clopperPearsonInterval(0, 0)).toThrow(RangeError);
    expect(() => clopperPearsonInterval(1.5, 5)).toThrow(RangeError);
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

describe("exact funnel-plot limits for proportions", () => {
  // Reference values: the interpolated exact binomial limits of Spiegelhalter DJ, Stat Med 2005;24:1185,
  // Appendix A.1.1 (lower (r − α)/n; upper (r + 1 − α)/n, the upper tail being P(R ≥ x)), computed
  // independently with SciPy 1.17's scipy.stats.binom (ppf and cdf).
  it.each([
    [0.5, 20, 0.255824, 0.744176, 0.136736, 0.863264],
    [0.3, 50, 0.166139, 0.440136, 0.10313, 0.51907],
    [0.80642448, 50, 0.681454, 0.919349, 0.607263, 0.970375],
    [0.2, 200, 0.143417, 0.259347, 0.11485, 0.293969],
  ])("p0 %f, denominator %i", (p0, n, lo95, up95, lo998, up998) => {
    const inner = proportionFunnelLimits(p0, n, 0.95);
    const outer = proportionFunnelLimits(p0, n, 0.998);
    expect(inner.lower).toBeCloseTo(lo95, 5);
    expect(inner.upper).toBeCloseTo(up95, 5);
    expect(outer.lower).toBeCloseTo(lo998, 5);
    expect(outer.upper).toBeCloseTo(up998, 5);
  });

  it("is symmetric about one half when the target is one half", () => {
    for (const n of [1, 3, 10, 33, 250]) {
      const limits = proportionFunnelLimits(0.5, n, 0.95);
      expect(limits.lower).toBeCloseTo(1 - limits.upper, 12);
    }
  });

  it("cannot flag one organisation against a target of 9.3%: no outcome of 1 is outside its 95% limits", () => {
    expect(funnelPosition(0, 1, 0.093)).toBe("within");
    expect(funnelPosition(1, 1, 0.093)).toBe("within");
    expect(funnelPosition(4, 4, 0.093)).not.toBe("within");
  });

  it("agrees with the exact comparison: outside the 95% funnel exactly when the Clopper–Pearson CI excludes p0", () => {
    for (const p0 of [0.093, 0.4, 0.75]) {
      for (const n of [1, 4, 12, 40, 263]) {
        for (let x = 0; x <= n; x++) {
          const ci = clopperPearsonInterval(x, n);
          const outside = p0 < ci.lower || p0 > ci.upper;
          expect(funnelPosition(x, n, p0) !== "within", `p0=${p0}, x=${x}, n=${n}`).toBe(outside);
        }
      }
    }
  });

  it("draws every denominator when there are few, on a log scale when many", () => {
    const few = proportionFunnel(0.3, 1, 12, 100);
    expect(few.map((p) => p.denominator)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const curve = proportionFunnel(0.5, 1, 1000, 50);
    expect(curve[0]!.denominator).toBe(1);
    expect(curve.at(-1)!.denominator).toBe(1000);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]!.denominator).toBeGreaterThan(curve[i - 1]!.denominator);
      // The limits narrow towards the target as the denominator grows.
      expect(curve[i]!.upper998).toBeGreaterThanOrEqual(curve[i]!.upper95);
    }
    expect(curve.at(-1)!.upper95 - curve.at(-1)!.lower95).toBeLessThan(curve[5]!.upper95 - curve[5]!.lower95);
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
