import type { Comparison, ComparisonReason, ValueStatus } from "../api/responses";
import { MIN_ORGANISATIONS_TO_COMPARE, MIN_PEOPLE_TO_COMPARE } from "../metrics/compare-rules";

/**
 * The words for each value status and comparison, shared by the dashboard and every download, so a
 * status reads the same in a table, a chart, a CSV and a JSON export.
 */

/** The short word: table cells, chart tables and the `status` column of exports. */
export const STATUS_WORDS: Record<ValueStatus, string> = {
  ok: "value",
  no_data: "no data",
  not_applicable: "not applicable",
  suppressed: "suppressed",
  not_surveyed: "not surveyed",
};

/** The word with its meaning: legends, tooltips and the area panel. */
export const STATUS_LABELS: Record<ValueStatus, string> = {
  ok: "Value",
  no_data: "No data: no organisation answered",
  not_applicable: "Not applicable: no adult service",
  suppressed: "Suppressed: a count of 1 to 4 people, or hidden so one cannot be worked out",
  not_surveyed: "Not surveyed in this wave",
};

export const MISSING_STATUSES = ["no_data", "not_applicable", "suppressed", "not_surveyed"] as const;
export type MissingStatus = (typeof MISSING_STATUSES)[number];

/** The comparison with the comparator in words: the table and the `comparison` column of exports. */
export const COMPARISON_WORDS: Record<Comparison, string> = {
  higher: "Higher than comparator",
  similar: "Similar to comparator",
  lower: "Lower than comparator",
  not_compared: "Not compared",
};

/** The same, with how it was decided (the area panel and the brief). */
export const COMPARISON_LABELS: Record<Comparison, string> = {
  higher: "Higher than comparator (its value is below this area's 95% interval)",
  similar: "Similar to comparator",
  lower: "Lower than comparator (its value is above this area's 95% interval)",
  not_compared: "Not compared",
};

/** Why a value is not compared, in words: tooltips, the panel, the brief, tables and exports. */
export const COMPARISON_REASON_WORDS: Record<ComparisonReason, string> = {
  no_value: "No value to compare",
  not_comparable: "Not compared: this measure is not compared between areas",
  same_area: "Not compared: the same area as its comparator",
  too_few: `Too few to compare: fewer than ${MIN_ORGANISATIONS_TO_COMPARE} organisations`,
  too_few_people: `Too few to compare: fewer than ${MIN_PEOPLE_TO_COMPARE} people`,
  lower_bound: "Not compared: a lower bound, as some returns are missing",
  no_comparator: "Not compared: the comparator has no value",
};
