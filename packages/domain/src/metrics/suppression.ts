import type { Hierarchy } from "./hierarchy";
import { isDerivable, type RebasedGroup, type RebasedGroups } from "./rebase-protection";
import { isSmallCount } from "./small-count";
import type { Tally } from "./tally";

/**
 * Disclosure control for counts of people (participants_started, participants_completed).
 *
 * Rule. A count of people from 1 to 4 is never published, at any level (organisation, local area, region,
 * nation, UK): the cell's value, interval, numerator and denominator are null and its status is
 * `suppressed` (primary suppression). 0 is published: it discloses nobody.
 *
 * Secondary suppression. Every published count is the sum of its children's (UK = nations, nation = regions,
 * region = local areas, local area = organisations). If, in one such sum, exactly one cell is hidden, it
 * can be recovered by subtraction, so a second cell in that sum is hidden too: the smallest non-zero
 * published sibling (ties by code), or a zero sibling if there is none, or else the parent (an only child
 * equals its parent). This repeats until no sum has exactly one hidden cell. Cells without data (no
 * answering organisation reported the count) are known to add nothing and do not count as hidden.
 *
 * Why that is enough: in a tree of sums each hidden cell appears in at most two sums (as a child, and as a
 * parent); when no sum holds exactly one hidden cell, every hidden cell lies on a cycle of hidden cells and
 * no combination of the published sums isolates it (tested by linear algebra in suppression.test.ts).
 *
 * Across metrics. completion_pct publishes started and completed together, so its cells are also hidden
 * wherever participants_per_100k hides started, where completed is 1–4, where the started count of the
 * organisations reporting both counts is 1–4, and where that count differs from the published started total
 * by 1–4 (which would otherwise disclose a small group by differencing); then secondary suppression runs
 * over the completion cells.
 *
 * Across bases. Trends re-based to today's organisations (`current`) publish a people count only where it
 * equals the `recorded` figure and that is published; re-based cells are hidden (see wave-table.ts). A
 * re-based cell is a sum of recorded organisations; where that sum is 1–4 and could be computed from the
 * recorded figures (e.g. a successor and its predecessor were hidden as a pair), further recorded cells are
 * hidden until it cannot (protectGroups, checked by linear algebra).
 */
export { isSmallCount, SMALLEST_PUBLISHED_COUNT } from "./small-count";

export interface SuppressionCell {
  value: number;
  hasData: boolean;
}

/**
 * Adds secondary suppressions to `primary` until no sum in the hierarchy has exactly one hidden cell.
 * Returns the full set of hidden node codes (a new set).
 */
export function secondarySuppression(
  hierarchy: Hierarchy,
  cells: ReadonlyMap<string, SuppressionCell>,
  primary: ReadonlySet<string>,
): Set<string> {
  const hidden = new Set([...primary].filter((code) => cells.get(code)?.hasData));
  const hasData = (code: string) => cells.get(code)?.hasData === true;
  const countOf = (code: string) => cells.get(code)?.value ?? 0;
  const bySize = (a: string, b: string) => countOf(a) - countOf(b) || a.localeCompare(b);
  let changed = true;
  while (changed) {
    changed = false;
    for (const parent of hierarchy.order) {
      const children = hierarchy.nodes.get(parent)!.children.filter(hasData);
      if (children.length === 0 || !hasData(parent)) continue;
      const hiddenChildren = children.filter((c) => hidden.has(c));
      const parentHidden = hidden.has(parent);
      if (hiddenChildren.length + (parentHidden ? 1 : 0) !== 1) continue;
      const published = children.filter((c) => !hidden.has(c)).sort(bySize);
      const choice =
        published.find((c) => countOf(c) > 0) ?? published[0] ?? (parentHidden ? undefined : parent);
      if (choice === undefined) continue;
      hidden.add(choice);
      changed = true;
    }
  }
  return hidden;
}

/** Which nodes' people counts are hidden, for each metric that publishes them. */
export interface SuppressionPattern {
  /** participants_started hidden (participants_per_100k, and the journey's started). */
  started: ReadonlySet<string>;
  /** completion_pct hidden (its numerator and denominator, and the journey's completed). */
  completion: ReadonlySet<string>;
}

/**
 * Hides more cells until no small group total can be computed from the published cells: each time, the
 * smallest published cell that shares a sum with a hidden member of an exposed group (its sibling, else its
 * ancestors' siblings), followed by secondary suppression again.
 */
export function protectGroups(
  hierarchy: Hierarchy,
  cells: ReadonlyMap<string, SuppressionCell>,
  hidden: Set<string>,
  groups: readonly RebasedGroup[],
): Set<string> {
  let current = hidden;
  const small = groups.filter((g) => g.small);
  for (let guard = 0; guard < hierarchy.order.length; guard++) {
    const exposed = small.find((g) => isDerivable(hierarchy, cells, current, g.members));
    if (!exposed) return current;
    const extra = complementFor(hierarchy, cells, current, exposed);
    if (extra === undefined) return current;
    current = secondarySuppression(hierarchy, cells, new Set([...current, extra]));
  }
  return current;
}

function complementFor(
  hierarchy: Hierarchy,
  cells: ReadonlyMap<string, SuppressionCell>,
  hidden: ReadonlySet<string>,
  group: RebasedGroup,
): string | undefined {
  const inGroup = new Set(group.members);
  const size = (id: string) => cells.get(id)?.value ?? 0;
  for (const member of group.members.filter((m) => hidden.has(m))) {
    let node = hierarchy.nodes.get(member);
    while (node && node.parentCode !== null) {
      const siblings = hierarchy.nodes
        .get(node.parentCode)!
        .children.filter((c) => cells.get(c)?.hasData && !hidden.has(c) && !inGroup.has(c))
        .sort((a, b) => size(a) - size(b) || a.localeCompare(b));
      const choice = siblings.find((c) => size(c) > 0) ?? siblings[0];
      if (choice !== undefined) return choice;
      node = hierarchy.nodes.get(node.parentCode);
    }
  }
  return undefined;
}

/** Computes both patterns for one wave's tallies over a hierarchy (and protects re-based group totals). */
export function suppressPeopleCounts(
  hierarchy: Hierarchy,
  tallies: ReadonlyMap<string, Tally>,
  groups: RebasedGroups = { started: [], completion: [] },
): SuppressionPattern {
  const startedCells = new Map<string, SuppressionCell>();
  const completionCells = new Map<string, SuppressionCell>();
  const startedPrimary = new Set<string>();
  for (const [code, t] of tallies) {
    startedCells.set(code, { value: t.started.sum, hasData: t.started.known > 0 });
    completionCells.set(code, { value: t.pairStarted, hasData: t.pairOrganisations > 0 });
    if (t.started.known > 0 && isSmallCount(t.started.sum)) startedPrimary.add(code);
  }
  const started = protectGroups(
    hierarchy,
    startedCells,
    secondarySuppression(hierarchy, startedCells, startedPrimary),
    groups.started,
  );
  const completionPrimary = new Set<string>();
  for (const [code, t] of tallies) {
    if (t.pairOrganisations === 0) continue;
    if (
      started.has(code) ||
      isSmallCount(t.pairStarted) ||
      isSmallCount(t.pairCompleted) ||
      isSmallCount(t.started.sum - t.pairStarted)
    ) {
      completionPrimary.add(code);
    }
  }
  const completion = protectGroups(
    hierarchy,
    completionCells,
    secondarySuppression(hierarchy, completionCells, completionPrimary),
    groups.completion,
  );
  return { started, completion };
}
