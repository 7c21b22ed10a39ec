import { binomialCdf, binomialQuantile } from "./binomial";
import type { Interval } from "./interval";

/** The two funnel levels drawn: about 2 and 3 standard errors, as Fingertips and Spiegelhalter use. */
export const FUNNEL_LEVELS = { inner: 0.95, outer: 0.998 } as const;

/**
 * Exact binomial funnel limits for a proportion with target p0 and denominator n at a two-sided level.
 * With R ~ Binomial(n, p0), a count x is outside the limits when its tail probability is below (1 − level)/2:
 * P(R ≤ x) for the lower limit, P(R ≥ x) for the upper; equivalently, when x/n's Clopper–Pearson interval
 * at that level excludes p0. For drawing, the limits are interpolated between whole counts as in
 * Spiegelhalter (2005, Appendix A.1.1): with r the smallest count such that P(R ≤ r) ≥ q and
 * α = (P(R ≤ r) − q) / (P(R ≤ r) − P(R ≤ r − 1)), the lower limit is (r − α)/n at q = (1 − level)/2 and the
 * upper (r + 1 − α)/n at q = (1 + level)/2 (the upper tail is P(R ≥ x), one count on from P(R ≤ x), which
 * also makes the funnel symmetric about ½ at p0 = ½).
 * @example proportionFunnelLimits(0.5, 20, 0.95) // { lower: ≈0.2558, upper: ≈0.7442 }
 */
export function proportionFunnelLimits(p0: number, n: number, level: number): Interval {
  if (!(p0 >= 0 && p0 <= 1)) throw new RangeError(`proportionFunnelLimits: p0 must be in [0, 1], got ${p0}`);
  if (!(n >= 1) || !Number.isInteger(n))
    throw new RangeError(`proportionFunnelLimits: n must be a whole number ≥ 1, got ${n}`);
  if (!(level > 0 && level < 1))
    throw new RangeError(`proportionFunnelLimits: level must be in (0, 1), got ${level}`);
  if (p0 === 0 || p0 === 1) return { lower: p0, upper: p0 };
  const step = (q: number) => {
    const r = binomialQuantile(q, n, p0);
    const atR = binomialCdf(r, n, p0);
    const below = binomialCdf(r - 1, n, p0);
    return { r, alpha: atR > below ? (atR - q) / (atR - below) : 0 };
  };
  const low = step((1 - level) / 2);
  const high = step((1 + level) / 2);
  return {
    lower: Math.min(1, Math.max(0, (low.r - low.alpha) / n)),
    upper: Math.min(1, Math.max(0, (high.r + 1 - high.alpha) / n)),
  };
}

export interface FunnelPoint {
  denominator: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

/**
 * The 95% and 99.8% exact funnel for every whole denominator from `from` to `to` when there are at most
 * `points` of them, else for `points` denominators spread evenly on a log scale, for drawing.
 */
export function proportionFunnel(p0: number, from: number, to: number, points = 100): FunnelPoint[] {
  if (!(from >= 1 && to >= from))
    throw new RangeError(`proportionFunnel: need 1 ≤ from ≤ to, got ${from}, ${to}`);
  const out: FunnelPoint[] = [];
  const ratio = points > 1 ? (to / from) ** (1 / (points - 1)) : 1;
  let last = 0;
  for (let i = 0; i < points; i++) {
    const n = Math.max(last + 1, Math.round(from * ratio ** i));
    if (n > to && out.length > 0) break;
    last = n;
    const inner = proportionFunnelLimits(p0, n, FUNNEL_LEVELS.inner);
    const outer = proportionFunnelLimits(p0, n, FUNNEL_LEVELS.outer);
    out.push({
      denominator: n,
      lower95: inner.lower,
      upper95: inner.upper,
      lower998: outer.lower,
      upper998: outer.upper,
    });
  }
  return out;
}

/** Where an observed x/n falls against the funnel around p0. */
export type FunnelPosition = "above_998" | "above_95" | "within" | "below_95" | "below_998";

/**
 * Where x of n falls against the exact funnel around p0, decided by the exact tail probabilities (so it
 * agrees with the drawn limits and with a Clopper–Pearson comparison at the same level).
 */
export function funnelPosition(x: number, n: number, p0: number): FunnelPosition {
  if (!(n >= 1) || !(x >= 0 && x <= n))
    throw new RangeError(`funnelPosition: need 0 ≤ x ≤ n, n ≥ 1; got ${x}, ${n}`);
  const lowerTail = binomialCdf(x, n, p0);
  const upperTail = 1 - binomialCdf(x - 1, n, p0);
  const outside = (level: number) => (1 - level) / 2;
  if (upperTail < outside(FUNNEL_LEVELS.outer)) return "above_998";
  if (lowerTail < outside(FUNNEL_LEVELS.outer)) return "below_998";
  if (upperTail < outside(FUNNEL_LEVELS.inner)) return "above_95";
  if (lowerTail < outside(FUNNEL_LEVELS.inner)) return "below_95";
  return "within";
}
