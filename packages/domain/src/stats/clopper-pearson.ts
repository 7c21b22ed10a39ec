import { inverseRegularizedBeta } from "./beta";
import type { Interval } from "./interval";

/**
 * The exact (Clopper–Pearson 1934) confidence interval for a proportion x/n: the limits are Beta
 * quantiles, lower = B⁻¹(α/2; x, n−x+1) and upper = B⁻¹(1−α/2; x+1, n−x), so each tail holds at most
 * α/2 whatever n. It never claims more precision than the counts carry, which is why the atlas uses it
 * for every proportion: most local areas rest on one to four organisations.
 * @param x successes, 0 ≤ x ≤ n (whole)
 * @param n trials, n > 0 (whole)
 * @param confidence e.g. 0.95 (default)
 * @example clopperPearsonInterval(0, 1) // { lower: 0, upper: 0.975 }
 */
export function clopperPearsonInterval(x: number, n: number, confidence = 0.95): Interval {
  if (!(n > 0) || !Number.isInteger(n))
    throw new RangeError(`clopperPearsonInterval: n must be a whole number > 0, got ${n}`);
  if (!(x >= 0 && x <= n) || !Number.isInteger(x))
    throw new RangeError(`clopperPearsonInterval: x must be a whole number in [0, n], got x=${x}, n=${n}`);
  const alpha = 1 - (confidence > 1 ? confidence / 100 : confidence);
  return {
    lower: x === 0 ? 0 : inverseRegularizedBeta(alpha / 2, x, n - x + 1),
    upper: x === n ? 1 : inverseRegularizedBeta(1 - alpha / 2, x + 1, n - x),
  };
}
