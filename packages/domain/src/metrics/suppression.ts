import type { Hierarchy } from "./hierarchy";
import { isDerivable, type RebasedGroup, type RebasedGroups } from "./rebase-protection";
import { isSmallCount } from "./small-count";
import type { Tally } from "./tally";

/**
 * Disclosure control for counts of people, decided once for everything a wave publishes.
 *
 * What is published. At every node (UK, nation, region, local area, organisation) the atlas can publish
 * three counts of people: S, the people who started (participants_per_100k, journeys); P, the people who
 * started at organisations that also reported completions (completion_pct's denominator); and C, those of
 * them who completed (its numerator). Each is the sum of its children's. Write S = P + Q, where Q counts
 * the starters at organisations that gave no completion count. P, Q and C are sums of three disjoint sets of
 * organisation figures, so whatever is published spans, at most, the published sums of the P tree, the Q tree
 * and the C tree taken separately.
 *
 * One pattern. A node's counts of people are published together or hidden together: one set of hidden nodes
 * per wave serves every metric, level, endpoint and export (a hidden cell says `suppressed`).
 *
 * Primary. A node is hidden where any of S, P, Q or C is from 1 to 4 (0 discloses nobody). Counts that are
 * public knowledge (a blank at an organisation that paused or offers none counts as 0) are not data.
 *
 * Secondary. In each of the three trees, no sum may have exactly one hidden cell among the cells with data:
 * where one has, a second cell of that sum is hidden too (the smallest non-zero published sibling in that tree,
 * ties by code; else a zero sibling; else the parent: an only child equals its parent), for all three trees,
 * until none changes. Why that is enough: in a tree of sums each cell is in at most two sums (as a child and
 * as a parent); when no sum has exactly one hidden cell, every hidden cell lies on a cycle of hidden cells and
 * no combination of the published sums isolates it. With one pattern for all three trees, a hidden S = P + Q
 * has a hidden P or Q part that nothing published determines, so S is not determined either.
 * `suppression-attack.test.ts` checks the whole claim as an attacker would, over exact rationals.
 *
 * Across bases. Trends re-based to today's organisations (`current`) add cells that are sums of recorded
 * organisations (a successor with its predecessors). Where such a total is 1 to 4, further recorded cells are
 * hidden until its parts cannot be computed from what is published (protectGroups); the re-based cell is then
 * published only where its parts can be computed from the recorded cells anyway (see wave-table.ts), so the
 * current basis discloses nothing the recorded one does not.
 */
export { isSmallCount, SMALLEST_PUBLISHED_COUNT } from "./small-count";

export interface SuppressionCell {
  value: number;
  hasData: boolean;
}

/** One of the three trees of sums: its cells by node id. */
export type SuppressionTree = ReadonlyMap<string, SuppressionCell>;

/** The three trees of a wave (see the module comment). */
export interface PeopleTrees {
  /** Starters at organisations reporting both counts: completion_pct's denominator. */
  pairStarted: SuppressionTree;
  /** Starters at organisations reporting no completion count (S − P). */
  startedOnly: SuppressionTree;
  /** Completers at organisations reporting both counts: completion_pct's numerator. */
  completed: SuppressionTree;
}

export function peopleTrees(tallies: ReadonlyMap<string, Tally>): PeopleTrees {
  const pairStarted = new Map<string, SuppressionCell>();
  const startedOnly = new Map<string, SuppressionCell>();
  const completed = new Map<string, SuppressionCell>();
  for (const [id, t] of tallies) {
    const pair = t.pairOrganisations > 0;
    pairStarted.set(id, { value: t.pairStarted, hasData: pair });
    completed.set(id, { value: t.pairCompleted, hasData: pair });
    startedOnly.set(id, {
      value: t.started.sum - t.pairStarted,
      hasData: t.started.reported - t.pairOrganisations > 0,
    });
  }
  return { pairStarted, startedOnly, completed };
}

const treesOf = (trees: PeopleTrees) => [trees.pairStarted, trees.startedOnly, trees.completed];

/** Nodes where a count of people from 1 to 4 would be published (in S, P, Q or C). */
export function primarySuppression(tallies: ReadonlyMap<string, Tally>, trees: PeopleTrees): Set<string> {
  const out = new Set<string>();
  for (const [id, t] of tallies) {
    if (t.started.reported > 0 && isSmallCount(t.started.sum)) out.add(id);
    for (const tree of treesOf(trees)) {
      const cell = tree.get(id);
      if (cell?.hasData && isSmallCount(cell.value)) out.add(id);
    }
  }
  return out;
}

/**
 * Adds secondary suppressions to `hidden` until no sum in any of `trees` has exactly one hidden cell among its
 * cells with data. Returns the full set of hidden node ids (a new set).
 */
export function secondarySuppression(
  hierarchy: Hierarchy,
  trees: readonly SuppressionTree[],
  primary: ReadonlySet<string>,
): Set<string> {
  const hidden = new Set(primary);
  let changed = true;
  while (changed) {
    changed = false;
    for (const cells of trees) {
      const hasData = (id: string) => cells.get(id)?.hasData === true;
      const countOf = (id: string) => cells.get(id)?.value ?? 0;
      const bySize = (a: string, b: string) => countOf(a) - countOf(b) || a.localeCompare(b);
      for (const parent of hierarchy.order) {
        if (!hasData(parent)) continue;
        const children = hierarchy.nodes.get(parent)!.children.filter(hasData);
        if (children.length === 0) continue;
        const parentHidden = hidden.has(parent);
        const hiddenChildren = children.filter((c) => hidden.has(c)).length;
        if (hiddenChildren + (parentHidden ? 1 : 0) !== 1) continue;
        const published = children.filter((c) => !hidden.has(c)).sort(bySize);
        const choice =
          published.find((c) => countOf(c) > 0) ?? published[0] ?? (parentHidden ? undefined : parent);
        if (choice === undefined) continue;
        hidden.add(choice);
        changed = true;
      }
    }
  }
  return hidden;
}

/** Which nodes' counts of people are hidden, per kind of cell (one set under `recorded`). */
export interface SuppressionPattern {
  /** participants_started hidden (participants_per_100k, and the journey's started). */
  started: ReadonlySet<string>;
  /** completion_pct hidden (its numerator and denominator, and the journey's completed). */
  completion: ReadonlySet<string>;
}

/** The parts of a re-based group's total that are small or must stay hidden, per tree. */
function exposedTree(
  hierarchy: Hierarchy,
  trees: PeopleTrees,
  hidden: ReadonlySet<string>,
  group: RebasedGroup,
): SuppressionTree | undefined {
  for (const cells of group.protect.map((part) => trees[part])) {
    if (isDerivable(hierarchy, cells, hidden, group.members)) return cells;
  }
  return undefined;
}

/**
 * Hides more cells until no small re-based total can be computed from the published cells: each time, the
 * smallest published cell that shares a sum with a hidden member of an exposed group (its sibling, else its
 * ancestors' siblings), followed by secondary suppression again.
 */
export function protectGroups(
  hierarchy: Hierarchy,
  trees: PeopleTrees,
  hidden: Set<string>,
  groups: readonly RebasedGroup[],
): Set<string> {
  let current = hidden;
  for (let guard = 0; guard < hierarchy.order.length; guard++) {
    let exposed: { group: RebasedGroup; cells: SuppressionTree } | undefined;
    for (const group of groups) {
      const cells = exposedTree(hierarchy, trees, current, group);
      if (cells) {
        exposed = { group, cells };
        break;
      }
    }
    if (!exposed) return current;
    const extra = complementFor(hierarchy, exposed.cells, current, exposed.group);
    if (extra === undefined) return current;
    current = secondarySuppression(hierarchy, treesOf(trees), new Set([...current, extra]));
  }
  return current;
}

function complementFor(
  hierarchy: Hierarchy,
  cells: SuppressionTree,
  hidden: ReadonlySet<string>,
  group: RebasedGroup,
): string | undefined {
  const inGroup = new Set(group.members);
  const size = (id: string) => cells.get(id)?.value ?? 0;
  const members = group.members.filter((m) => cells.get(m)?.hasData);
  const hiddenMembers = members.filter((m) => hidden.has(m));
  // A group whose members are all published is their sum: hide its smallest non-zero member.
  if (hiddenMembers.length === 0) {
    const bySize = [...members].sort((a, b) => size(a) - size(b) || a.localeCompare(b));
    return bySize.find((m) => size(m) > 0) ?? bySize[0];
  }
  for (const member of hiddenMembers) {
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

/**
 * The wave's one pattern of hidden nodes (primary, then secondary over the three trees, then protection of
 * small re-based totals), under the recorded basis.
 */
export function suppressPeopleCounts(
  hierarchy: Hierarchy,
  tallies: ReadonlyMap<string, Tally>,
  groups: RebasedGroups = { small: [] },
): SuppressionPattern {
  const trees = peopleTrees(tallies);
  const hidden = protectGroups(
    hierarchy,
    trees,
    secondarySuppression(hierarchy, treesOf(trees), primarySuppression(tallies, trees)),
    groups.small,
  );
  return { started: hidden, completion: hidden };
}
