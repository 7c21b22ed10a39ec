import type { AreaValue, Metric } from "@atlas/domain";

/**
 * Values resting on 1 to 4 organisations: a share of one organisation is 0% or 100%, so the map, legend,
 * tooltip, table, panel, brief and export mark them instead of colouring them as a rate of many. This file
 * is the one source of truth for which values are small-based and how their count is said.
 */

/** The most organisations a value can rest on and still be marked as a small base. */
export const SMALL_BASE_MAX = 4;

/** The legend's words for the small-base class (its own row, with a hatch over the class colour). */
export const SMALL_BASE_LABEL = `Rests on 1–${SMALL_BASE_MAX} organisations (hatched: read with care)`;

type BaseFields = Pick<AreaValue, "status" | "value" | "organisations" | "answered">;

/** How many organisations the value rests on: the API's count, or those answering where it gives none. */
export function baseOrganisations(row: Pick<AreaValue, "organisations" | "answered">): number {
  return row.organisations ?? row.answered;
}

/** Whether a value is shown and rests on 1 to 4 organisations. */
export function isSmallBase(row: BaseFields): boolean {
  // As classes.ts's effectiveStatus: an `ok` row without a finite value is no value.
  if (row.status !== "ok" || row.value === null || !Number.isFinite(row.value)) return false;
  const n = baseOrganisations(row);
  return n >= 1 && n <= SMALL_BASE_MAX;
}

const organisations = (n: number) => `${n} organisation${n === 1 ? "" : "s"}`;

/** Shares of organisations whose numerator and denominator count organisations: what the numerator did. */
const ORGANISATION_SHARES: Record<string, [one: string, many: string]> = {
  offering_pct: ["offers MBCT", "offer MBCT"],
  routine_pct: ["offers MBCT routinely", "offer MBCT routinely"],
  sustainable_pct: ["is at the sustainable stage", "are at the sustainable stage"],
  response_pct: ["answered", "answered"],
};

/**
 * The count behind a value, in words, e.g. "0 of 1 organisation offers MBCT" for a share of organisations,
 * "rests on 2 organisations" otherwise.
 * @example baseWords({ numerator: 0, denominator: 1, organisations: 1, answered: 1 }, { id: "offering_pct" })
 *   // "0 of 1 organisation offers MBCT"
 */
export function baseWords(
  row: Pick<AreaValue, "numerator" | "denominator" | "organisations" | "answered">,
  metric: Pick<Metric, "id">,
): string {
  const share = ORGANISATION_SHARES[metric.id];
  if (share && row.numerator !== null && row.denominator !== null) {
    const verb = row.numerator === 1 || row.denominator === 1 ? share[0] : share[1];
    return `${row.numerator} of ${organisations(row.denominator)} ${verb}`;
  }
  return `rests on ${organisations(baseOrganisations(row))}`;
}

/** The small-base note for a value, or null when it rests on more organisations (or has no value). */
export function smallBaseNote(
  row: BaseFields & Pick<AreaValue, "numerator" | "denominator">,
  metric: Pick<Metric, "id">,
): string | null {
  if (!isSmallBase(row)) return null;
  const words = baseWords(row, metric);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}: a small base, read with care`;
}
