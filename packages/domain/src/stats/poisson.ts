import { inverseRegularizedGammaP } from "./gamma";
import { type Interval, scaleInterval } from "./interval";
import { Z95, zForConfidence } from "./normal";

function checkCount(count: number, name: string): void {
  if (!(count >= 0) || !Number.isFinite(count))
    throw new RangeError(`${name}: count must be ≥ 0, got ${count}`);
}

/**
 * Exact (Garwood 1936) confidence interval for a Poisson count, from gamma quantiles:
 * lower = χ²(α/2, 2x)/2, upper = χ²(1−α/2, 2x+2)/2, i.e. the gamma quantiles with shapes x and x+1.
 * @param count observed events x ≥ 0
 * @param confidence e.g. 0.95 (default) or 0.998
 * @example exactPoissonInterval(5) // { lower: 1.6235, upper: 11.6683 } (to 4 d.p.)
 */
export function exactPoissonInterval(count: number, confidence = 0.95): Interval {
  checkCount(count, "exactPoissonInterval");
  const level = confidence > 1 ? confidence / 100 : confidence;
  const alpha = 1 - level;
  return {
    lower: count === 0 ? 0 : inverseRegularizedGammaP(count, alpha / 2),
    upper: inverseRegularizedGammaP(count + 1, 1 - alpha / 2),
  };
}

/**
 * Byar's approximation to the exact Poisson interval (Breslow & Day 1987), as PHE uses for counts of
 * 10 or more: lower = O(1 − 1/(9O) − z/(3√O))³, upper = (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³.
 * For O = 0 the lower limit is 0.
 */
export function byarInterval(count: number, z: number = Z95): Interval {
  checkCount(count, "byarInterval");
  const upperCount = count + 1;
  const upper = upperCount * (1 - 1 / (9 * upperCount) + z / (3 * Math.sqrt(upperCount))) ** 3;
  if (count === 0) return { lower: 0, upper };
  const lower = count * (1 - 1 / (9 * count) - z / (3 * Math.sqrt(count))) ** 3;
  return { lower: Math.max(0, lower), upper };
}

/** How a count's interval is computed: always exact, or PHE's rule (exact below 10, Byar's from 10). */
export type CountIntervalMethod = "exact" | "phe";

/** A count's interval by the given method; `phe` is Fingertips' convention (PHEindicatormethods::phe_rate). */
export function countInterval(
  count: number,
  confidence = 0.95,
  method: CountIntervalMethod = "exact",
): Interval {
  if (method === "phe" && count >= 10) return byarInterval(count, zForConfidence(confidence));
  return exactPoissonInterval(count, confidence);
}

export interface RateWithInterval extends Interval {
  value: number;
}

/**
 * A crude rate per `per` (default 100,000) of population, with the count's interval scaled alike.
 * @example ratePer(5, 200_000) // { value: 2.5, lower: 0.8118, upper: 5.8342 }
 */
export function ratePer(
  count: number,
  population: number,
  per = 100_000,
  confidence = 0.95,
  method: CountIntervalMethod = "exact",
): RateWithInterval {
  if (!(population > 0)) throw new RangeError(`ratePer: population must be > 0, got ${population}`);
  const factor = per / population;
  return { value: count * factor, ...scaleInterval(countInterval(count, confidence, method), factor) };
}
