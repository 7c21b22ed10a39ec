import {
  type AreaValue,
  COMPARISON_REASON_WORDS,
  type ComparisonReason,
  type Metric,
  MIN_ORGANISATIONS_TO_COMPARE,
  MIN_PEOPLE_TO_COMPARE,
} from "@atlas/domain";
import { formatValue } from "./number";

/**
 * Why a value is not compared, in words with its own counts: the panel, tooltip, table and brief all say
 * it the same way (e.g. "Too few to compare: 1 organisation answered").
 */
export function notComparedWords(
  reason: ComparisonReason | null | undefined,
  row: Pick<AreaValue, "organisations" | "answered">,
): string {
  const n = row.organisations ?? row.answered;
  switch (reason) {
    case "too_few":
      return `Too few to compare: ${n} organisation${n === 1 ? "" : "s"} answered (at least ${MIN_ORGANISATIONS_TO_COMPARE} needed)`;
    case "too_few_people":
      return `Too few to compare: fewer than ${MIN_PEOPLE_TO_COMPARE} people`;
    case "lower_bound":
      return "Not compared: a lower bound, as some returns are missing";
    case "same_area":
      return "Not compared: the same area as the comparator";
    case undefined:
    case null:
      return "Not compared";
    default:
      return COMPARISON_REASON_WORDS[reason];
  }
}

/**
 * "At least" (or "at most", for unmet places) with the range the value could take had every organisation
 * answered; null when the value is not a bound.
 * @example boundWords({ value: 2, lowerBound: true, boundLower: 2, boundUpper: 9 }, "percent")
 *   // "At least 2.0%: some returns are missing; with them it would lie between 2.0% and 9.0%"
 */
export function boundWords(
  row: Pick<AreaValue, "value" | "lowerBound" | "upperBound" | "boundLower" | "boundUpper">,
  unit: Metric["unit"],
): string | null {
  if (!row.lowerBound && !row.upperBound) return null;
  const word = row.upperBound ? "At most" : "At least";
  const range =
    row.boundLower != null && row.boundUpper != null
      ? `; with them it would lie between ${formatValue(row.boundLower, unit)} and ${formatValue(row.boundUpper, unit)}`
      : "";
  return `${word} ${formatValue(row.value, unit)}: some returns are missing${range}`;
}

export type ComparedRow = Pick<AreaValue, "comparison" | "comparisonReason" | "organisations" | "lowerBound">;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The comparison with the comparator in a few words, for chart labels and chart tables: `higher`, `lower`,
 * `similar`, or why it is not compared, with the count behind it where that is the reason.
 * @example comparisonWord({ comparison: "not_compared", comparisonReason: "too_few", organisations: 1 })
 * // "too few to compare (1 organisation)"
 */
export function comparisonWord(row: ComparedRow): string {
  if (row.comparison !== "not_compared") return row.comparison;
  switch (row.comparisonReason) {
    case "too_few":
      return row.organisations === undefined
        ? `too few to compare (under ${MIN_ORGANISATIONS_TO_COMPARE} organisations)`
        : `too few to compare (${plural(row.organisations, "organisation")})`;
    case "too_few_people":
      return `too few to compare (under ${MIN_PEOPLE_TO_COMPARE} people)`;
    case "lower_bound":
      return "lower bound, not compared";
    case "same_area":
      return "same area, not compared";
    case "no_comparator":
      return "no comparator value";
    case "not_comparable":
      return "not compared (measure)";
    case "no_value":
      return "no value";
    default:
      return "not compared";
  }
}

/** `at least ` before a lower bound (some returns missing), `at most ` before an upper one (unmet places). */
export function boundPrefix(row: Pick<AreaValue, "lowerBound" | "upperBound">): string {
  return row.upperBound ? "at most " : row.lowerBound ? "at least " : "";
}
