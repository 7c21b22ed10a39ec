import type { Interval } from "./interval";
import { Z95, Z998 } from "./normal";

/**
 * Funnel-plot control limits for a proportion around a comparator p0, for denominator n:
 * p0 ± z·√(p0(1−p0)/n), clipped to [0, 1] (Spiegelhalter 2005, normal approximation).
 *
 * These are the limits Fingertips draws: PHEindicatormethods' `sigma_adjustment` is an algebraic
 * rearrangement of the same expression. They are also exactly the limits implied by the Wilson
 * score interval: an observed x/n lies outside them if and only if its Wilson interval (same z)
 * excludes p0, so the funnel and the interval comparison never disagree.
 */
export function proportionFunnelLimits(p0: number, n: number, z: number): Interval {
  if (!(p0 >= 0 && p0 <= 1)) throw new RangeError(`proportionFunnelLimits: p0 must be in [0, 1], got ${p0}`);
  if (!(n > 0)) throw new RangeError(`proportionFunnelLimits: n must be > 0, got ${n}`);
  const half = z * Math.sqrt((p0 * (1 - p0)) / n);
  return { lower: Math.max(0, p0 - half), upper: Math.min(1, p0 + half) };
}

export interface FunnelPoint {
  denominator: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

/**
 * The 95% and 99.8% funnel for denominators from `from` to `to`, as `points` steps evenly spaced on a
 * log scale (rounded to whole denominators, duplicates dropped), for drawing.
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
    const inner = proportionFunnelLimits(p0, n, Z95);
    const outer = proportionFunnelLimits(p0, n, Z998);
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

export function funnelPosition(x: number, n: number, p0: number): FunnelPosition {
  const p = x / n;
  const outer = proportionFunnelLimits(p0, n, Z998);
  const inner = proportionFunnelLimits(p0, n, Z95);
  if (p > outer.upper) return "above_998";
  if (p < outer.lower) return "below_998";
  if (p > inner.upper) return "above_95";
  if (p < inner.lower) return "below_95";
  return "within";
}
