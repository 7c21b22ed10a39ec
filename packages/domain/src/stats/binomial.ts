import { regularizedBeta } from "./beta";

/**
 * P(X ≤ r) for X ~ Binomial(n, p): 1 − I_p(r + 1, n − r) for 0 ≤ r < n, 1 for r ≥ n, 0 for r < 0.
 * @example binomialCdf(0, 1, 0.6) // 0.4
 */
export function binomialCdf(r: number, n: number, p: number): number {
  if (!(n >= 0) || !Number.isInteger(n))
    throw new RangeError(`binomialCdf: n must be a whole number ≥ 0, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomialCdf: p must be in [0, 1], got ${p}`);
  if (r < 0) return 0;
  if (r >= n) return 1;
  const k = Math.floor(r);
  if (p === 0) return 1;
  if (p === 1) return 0;
  return 1 - regularizedBeta(p, k + 1, n - k);
}

/** The smallest whole r with P(X ≤ r) ≥ q, for X ~ Binomial(n, p) and 0 < q < 1 (bisection on r). */
export function binomialQuantile(q: number, n: number, p: number): number {
  if (!(q > 0 && q < 1)) throw new RangeError(`binomialQuantile: q must be in (0, 1), got ${q}`);
  let low = 0;
  let high = n;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (binomialCdf(mid, n, p) >= q) high = mid;
    else low = mid + 1;
  }
  return low;
}
