/**
 * The gamma function family needed for exact Poisson intervals, with no dependencies:
 * log-gamma (Lanczos), the regularised lower incomplete gamma P(a, x) (series and continued
 * fraction, as in Press et al., Numerical Recipes 3rd ed. §6.2) and its inverse (Halley's method
 * from a Wilson–Hilferty start, NR3 §6.2.1).
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 0.000009984369578019572, 1.5056327351493116e-7,
];
const EPSILON = 1e-15;
const TINY = 1e-300;

/** ln Γ(x) for x > 0 (Lanczos approximation, relative error about 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Regularised lower incomplete gamma P(a, x) = γ(a, x) / Γ(a), for a > 0, x ≥ 0. */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`regularizedGammaP: a must be > 0, got ${a}`);
  if (x <= 0) return 0;
  if (x < a + 1) return gammaSeries(a, x);
  return 1 - gammaContinuedFraction(a, x);
}

/** Regularised upper incomplete gamma Q(a, x) = 1 − P(a, x). */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`regularizedGammaQ: a must be > 0, got ${a}`);
  if (x <= 0) return 1;
  if (x < a + 1) return 1 - gammaSeries(a, x);
  return gammaContinuedFraction(a, x);
}

function gammaSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < 10_000; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

/** Q(a, x) by the modified Lentz continued fraction; converges fast for x ≥ a + 1. */
function gammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/**
 * The inverse of P(a, ·): the x with P(a, x) = p. This is the p-quantile of a gamma
 * distribution with shape a and scale 1.
 */
export function inverseRegularizedGammaP(a: number, p: number): number {
  if (!(a > 0)) throw new RangeError(`inverseRegularizedGammaP: a must be > 0, got ${a}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`inverseRegularizedGammaP: p must be in [0, 1], got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const a1 = a - 1;
  const lnGammaA = logGamma(a);
  let x: number;
  let lnA1 = 0;
  let aFactor = 0;
  if (a > 1) {
    lnA1 = Math.log(a1);
    aFactor = Math.exp(a1 * (lnA1 - 1) - lnGammaA);
    // Wilson–Hilferty start from a rough normal quantile.
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    x = Math.max(1e-3, a * (1 - 1 / (9 * a) - z / (3 * Math.sqrt(a))) ** 3);
  } else {
    const t = 1 - a * (0.253 + a * 0.12);
    x = p < t ? (p / t) ** (1 / a) : 1 - Math.log(1 - (p - t) / (1 - t));
  }
  for (let i = 0; i < 100; i++) {
    if (x <= 0) return 0;
    const error = regularizedGammaP(a, x) - p;
    // The gamma density at x, computed in a way that avoids overflow for large a.
    const density =
      a > 1
        ? aFactor * Math.exp(-(x - a1) + a1 * (Math.log(x) - lnA1))
        : Math.exp(-x + a1 * Math.log(x) - lnGammaA);
    if (density === 0) break;
    const u = error / density;
    const step = u / (1 - 0.5 * Math.min(1, u * (a1 / x - 1)));
    x -= step;
    if (x <= 0) x = 0.5 * (x + step);
    if (Math.abs(step) < 1e-13 * x) break;
  }
  return x;
}

/** The p-quantile of the chi-square distribution with `df` degrees of freedom. */
export function chiSquareQuantile(p: number, df: number): number {
  return 2 * inverseRegularizedGammaP(df / 2, p);
}
