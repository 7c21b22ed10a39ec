/**
 * The orders in which lists of areas are shown, shared by the dashboard's table and the export, so a
 * download lists its rows exactly as the screen did.
 */

export const AREA_SORTS = ["name", "value", "response"] as const;
export type AreaSort = (typeof AREA_SORTS)[number];

interface Sortable {
  name: string;
  value: number | null;
  answered: number;
  invited: number;
}

/** Names in English alphabetical order, the same in every browser and on the server. */
export const byName = (a: { name: string }, b: { name: string }): number =>
  a.name.localeCompare(b.name, "en-GB");

/**
 * `name` A to Z; `value` high to low, missing values last (by name); `response` rate high to low. Ties
 * fall back to the name, so the order is total and stable everywhere.
 */
export function compareAreas(sort: AreaSort): (a: Sortable, b: Sortable) => number {
  return (a, b) => {
    if (sort === "value") {
      if (a.value === null || b.value === null) {
        if (a.value !== b.value) return a.value === null ? 1 : -1;
      } else if (a.value !== b.value) return b.value - a.value;
    } else if (sort === "response") {
      const rate = (x: Sortable) => x.answered / Math.max(1, x.invited);
      if (rate(a) !== rate(b)) return rate(b) - rate(a);
    }
    return byName(a, b);
  };
}

/** A sorted copy. */
export function sortAreas<T extends Sortable>(rows: readonly T[], sort: AreaSort): T[] {
  return [...rows].sort(compareAreas(sort));
}
