import type { Comparison, Polarity } from "../api/responses";

export type Assessment = "better" | "similar" | "worse" | "not_compared";

/**
 * Fingertips' comparison with a benchmark: `higher` when the comparator value is below the area's
 * lower confidence limit, `lower` when it is above the upper limit, `similar` when the interval
 * contains it, and `not_compared` when either side is missing.
 */
export function compareByInterval(
  interval: { lower: number | null; upper: number | null },
  comparatorValue: number | null,
): Comparison {
  if (interval.lower === null || interval.upper === null || comparatorValue === null) return "not_compared";
  if (comparatorValue < interval.lower) return "higher";
  if (comparatorValue > interval.upper) return "lower";
  return "similar";
}

/** Turns a comparison into better/worse by the metric's polarity; `neither` is never assessed. */
export function assessByPolarity(comparison: Comparison, polarity: Polarity): Assessment {
  if (comparison === "not_compared" || polarity === "neither") return "not_compared";
  if (comparison === "similar") return "similar";
  const higherIsBetter = polarity === "higher_is_better";
  return (comparison === "higher") === higherIsBetter ? "better" : "worse";
}

/**
 * Median of a list (mean of the middle two when the count is even); null for an empty list.
 * @example median([4, 1, 3, 2]) // 2.5
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
