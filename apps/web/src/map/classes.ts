import type { AreaValue, Metric, ValueStatus } from "@atlas/domain";
import { tickStep } from "d3";
import { UNIT_SUFFIX } from "../format/number";
import { MISSING_STATUSES, type MissingStatus } from "../format/status";
import { isSmallBase } from "./small-base";

/**
 * Colour classes for the choropleth. Shares (percentages of a whole) use fixed fifths so that a colour
 * means the same in every wave (the slider compares like with like); other units, and need met (a
 * percentage of a modelled need that is mostly far below 100 and can pass it), use round breaks over the
 * data in view.
 * The palette is viridis reversed (light = low, dark = high): perceptually ordered and readable with
 * every common colour-vision deficiency. Missing values never get a palette colour (see patterns.ts).
 */
export const SEQUENTIAL_PALETTE = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"] as const;

export interface Classification {
  /** n + 1 ascending edges; class i is [breaks[i], breaks[i+1]), the last one closed. */
  breaks: number[];
  colours: string[];
  labels: string[];
}

/** The metric's unit as written after a number ("%", " per 100k", " weeks"), from the catalogue's unit. */
export function unitSuffix(unit: Metric["unit"]): string {
  return UNIT_SUFFIX[unit] ?? ` ${String(unit).replaceAll("_", " ")}`;
}

function label(low: number, high: number, last: boolean, unit: Metric["unit"]): string {
  const suffix = unitSuffix(unit);
  const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
  return last ? `${fmt(low)} to ${fmt(high)}${suffix}` : `${fmt(low)} to under ${fmt(high)}${suffix}`;
}

/** Classes for a metric (its unit, from the catalogue) given the values in view (nulls ignored). */
export function classify(
  metric: Pick<Metric, "unit"> & Partial<Pick<Metric, "assumptions">>,
  values: ReadonlyArray<number | null>,
): Classification {
  const { unit } = metric;
  let breaks: number[];
  if (unit === "percent" && !metric.assumptions) breaks = [0, 20, 40, 60, 80, 100];
  else {
    const max = Math.max(0, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
    const top = max > 0 ? max : 1;
    // The roundest step that covers the top value in at most five classes.
    let step = tickStep(0, top, 5);
    for (let count = 4; Math.ceil(top / step) > SEQUENTIAL_PALETTE.length && count > 0; count--) {
      step = tickStep(0, top, count);
    }
    const classes = Math.max(1, Math.ceil(top / step));
    breaks = Array.from({ length: classes + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  }
  const count = Math.min(breaks.length - 1, SEQUENTIAL_PALETTE.length);
  breaks = breaks.slice(0, count + 1);
  // Spread the palette across fewer classes so the ends stay light and dark.
  const colours = Array.from({ length: count }, (_, i) => {
    const at = count === 1 ? 0 : Math.round((i * (SEQUENTIAL_PALETTE.length - 1)) / (count - 1));
    return SEQUENTIAL_PALETTE[at]!;
  });
  const labels = colours.map((_, i) => label(breaks[i]!, breaks[i + 1]!, i === count - 1, unit));
  return { breaks, colours, labels };
}

/** The class a value falls in; values past either end go to the end classes. */
export function classIndex(classification: Classification, value: number): number {
  const { breaks } = classification;
  for (let i = 1; i < breaks.length - 1; i++) if (value < breaks[i]!) return i - 1;
  return breaks.length - 2;
}

const DIRECTION_WORDS: Record<Metric["polarity"], string | null> = {
  higher_is_better: "Higher is better",
  lower_is_better: "Lower is better",
  neither: null,
};

/** What the legend says about direction: darker is always higher; whether higher is good, from the catalogue. */
export function directionNote(metric: Pick<Metric, "polarity">): string {
  const better = DIRECTION_WORDS[metric.polarity];
  return better ? `Darker is higher. ${better}.` : "Darker is higher.";
}

export interface LegendCounts {
  classes: number[];
  statuses: Record<MissingStatus, number>;
  /** Of the areas in the classes, how many rest on 1 to 4 organisations (hatched, a row of their own). */
  smallBase: number;
}

/** How many areas fall in each class and each missing-value status: the legend shows every one. */
export function legendCounts(
  classification: Classification,
  areas: ReadonlyArray<
    Pick<AreaValue, "value" | "status"> & Partial<Pick<AreaValue, "organisations" | "answered">>
  >,
): LegendCounts {
  const classes = classification.colours.map(() => 0);
  const statuses = Object.fromEntries(MISSING_STATUSES.map((s) => [s, 0])) as Record<MissingStatus, number>;
  let smallBase = 0;
  for (const area of areas) {
    const status = effectiveStatus(area);
    if (status === "ok") classes[classIndex(classification, area.value!)]! += 1;
    else statuses[status] += 1;
    if (isSmallBase({ ...area, answered: area.answered ?? 0 })) smallBase += 1;
  }
  return { classes, statuses, smallBase };
}

/** An `ok` row without a value is treated as `no_data`, so it can never be painted as a number. */
export function effectiveStatus(area: Pick<AreaValue, "value" | "status">): ValueStatus {
  return area.status === "ok" && (area.value === null || !Number.isFinite(area.value))
    ? "no_data"
    : area.status;
}
