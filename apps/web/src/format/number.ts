import type { Metric } from "@atlas/domain";

type Unit = Metric["unit"];

/** A value in its unit, e.g. `42.5%`, `12.3 per 100k`, `6 weeks`; `—` for none. */
export function formatValue(value: number | null | undefined, unit: Unit): string {
  if (value == null || !Number.isFinite(value)) return "—";
  switch (unit) {
    case "percent":
      return `${value.toFixed(1)}%`;
    case "per_100k":
      return `${value.toFixed(1)} per 100k`;
    case "weeks":
      return `${value.toFixed(1)} weeks`;
    case "places":
      return `${Math.round(value).toLocaleString("en-GB")} places`;
  }
}

/** The number alone, for axes and compact cells. */
export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value == null || !Number.isFinite(value)) return "—";
  return value.toFixed(digits);
}

/** `(95% CI 30.1–48.2)`, or empty when there is no interval. */
export function formatInterval(lower: number | null, upper: number | null): string {
  if (lower == null || upper == null) return "";
  return `95% CI ${lower.toFixed(1)}–${upper.toFixed(1)}`;
}

export const UNIT_SUFFIX: Record<Unit, string> = {
  percent: "%",
  per_100k: " per 100k",
  weeks: " weeks",
  places: " places",
};

/** Whole numbers with thousands separators, e.g. populations. */
export function formatCount(value: number | null | undefined): string {
  return value == null ? "—" : Math.round(value).toLocaleString("en-GB");
}
