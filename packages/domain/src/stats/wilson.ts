import type { Interval } from "./interval";
import { Z95 } from "./normal";

/**
 * Wilson score interval for a proportion x/n (Wilson 1927; Newcombe 1998 method 3), the method
 * Fingertips uses for proportions. Unlike the normal ("Wald") interval it stays inside [0, 1] and
 * behaves at x = 0 and x = n.
 * @param x successes, 0 ≤ x ≤ n
 * @param n trials, n > 0
 * @param z critical value, 1.96… for 95% (default)
 * @example wilsonInterval(81, 263) // { lower: 0.2553, upper: 0.3662 } (to 4 d.p.)
 */
export function wilsonInterval(x: number, n: number, z: number = Z95): Interval {
  if (!(n > 0)) throw new RangeError(`wilsonInterval: n must be > 0, got ${n}`);
  if (x < 0 || x > n) throw new RangeError(`wilsonInterval: x must be in [0, n], got x=${x}, n=${n}`);
  const p = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return {
    lower: x === 0 ? 0 : Math.max(0, centre - half),
    upper: x === n ? 1 : Math.min(1, centre + half),
  };
}
