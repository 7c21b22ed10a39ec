import type { Comparison, ValueStatus } from "@atlas/domain";

/** What each missing-value status means, in the words shown in legends, tooltips and tables. */
export const STATUS_LABELS: Record<ValueStatus, string> = {
  ok: "Value",
  no_data: "No data: no organisation answered",
  not_applicable: "Not applicable: no adult service",
  suppressed: "Suppressed: fewer than 5 people",
  not_surveyed: "Not surveyed in this wave",
};

/** Short form for table cells and chart flags. */
export const STATUS_SHORT: Record<ValueStatus, string> = {
  ok: "",
  no_data: "no data",
  not_applicable: "n/a",
  suppressed: "suppressed",
  not_surveyed: "not surveyed",
};

export const MISSING_STATUSES = ["no_data", "not_applicable", "suppressed", "not_surveyed"] as const;
export type MissingStatus = (typeof MISSING_STATUSES)[number];

export const COMPARISON_LABELS: Record<Comparison, string> = {
  higher: "Higher than comparator (its value is below this area's 95% interval)",
  similar: "Similar to comparator",
  lower: "Lower than comparator (its value is above this area's 95% interval)",
  not_compared: "Not compared",
};
