import type { Comparison, ComparisonReason } from "../api/responses";
import { compareByInterval } from "../stats/compare";
import { getMetric, type MetricId } from "./catalogue";
import type { Cell } from "./cells";
import type { Hierarchy } from "./hierarchy";

export interface ComparisonResult {
  comparison: Comparison;
  /** Why it is not compared; null when it is. */
  reason: ComparisonReason | null;
}

const notCompared = (reason: ComparisonReason): ComparisonResult => ({ comparison: "not_compared", reason });

/** The people a people-counting value rests on: participants started, or completion's denominator. */
function peopleBase(metric: MetricId, cell: Cell): number {
  return (metric === "completion_pct" ? cell.denominator : cell.numerator) ?? 0;
}

/**
 * Fingertips' comparison (the comparator outside the value's 95% interval), made only where the counts can
 * carry it: the value rests on at least the metric's minimum of organisations (and, for people, of people:
 * see compare-rules.ts); the comparator is another area; and a value that is only a lower bound is
 * never called lower or similar (its true value may be higher), only higher.
 */
export function compareCells(
  metric: MetricId,
  cell: Cell,
  comparator: Cell | undefined,
  sameArea: boolean,
): ComparisonResult {
  const definition = getMetric(metric);
  if (cell.status !== "ok" || cell.value === null) return notCompared("no_value");
  if (definition.comparison === null || definition.interval === "none") return notCompared("not_comparable");
  if (sameArea) return notCompared("same_area");
  const { minOrganisations, minPeople } = definition.comparison;
  if (cell.organisations < minOrganisations) return notCompared("too_few");
  if (minPeople !== null && peopleBase(metric, cell) < minPeople) return notCompared("too_few_people");
  if (comparator?.status !== "ok" || comparator.value === null) return notCompared("no_comparator");
  const comparison = compareByInterval(cell, comparator.value);
  if (comparison === "not_compared") return notCompared("not_comparable");
  if (cell.lowerBound === true && comparison !== "higher") return notCompared("lower_bound");
  return { comparison, reason: null };
}

/**
 * Whether the area `id` is the same area as its comparator: the comparator itself, or reached from it through
 * only children (Scotland's one region is Scotland).
 */
export function isSameArea(hierarchy: Hierarchy, id: string, comparatorId: string): boolean {
  let node = hierarchy.nodes.get(id);
  while (node) {
    if (node.id === comparatorId) return true;
    if (node.parentCode === null) return false;
    const parent = hierarchy.nodes.get(node.parentCode);
    if (parent?.children.length !== 1) return false;
    node = parent;
  }
  return false;
}
