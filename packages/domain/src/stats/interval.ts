/** A two-sided confidence interval. Proportions are fractions (0–1) here; metrics scale them. */
export interface Interval {
  lower: number;
  upper: number;
}

/** Multiplies both limits, e.g. a fraction into a percentage or a count into a rate. */
export function scaleInterval(interval: Interval, factor: number): Interval {
  return { lower: interval.lower * factor, upper: interval.upper * factor };
}
