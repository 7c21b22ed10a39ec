import type { AreaValue } from "@atlas/domain";
import { MIN_ORGANISATIONS_TO_COMPARE, MIN_PEOPLE_TO_COMPARE } from "@atlas/domain";

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

/** `at least ` before a value that is a lower bound (some returns or counts missing), else nothing. */
export function boundPrefix(row: Pick<AreaValue, "lowerBound">): string {
  return row.lowerBound ? "at least " : "";
}
