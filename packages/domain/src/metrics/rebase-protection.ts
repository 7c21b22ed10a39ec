import type { Hierarchy } from "./hierarchy";
import { isSmallCount } from "./small-count";
import type { PeopleTrees, SuppressionTree } from "./suppression";
import type { WaveTallies } from "./wave-tallies";

/** Which of the three trees a count of people lives in (see suppression.ts). */
export type PeopleTreeName = keyof PeopleTrees;

/** A total published under no basis but meaningful under `current`: the sum of some recorded organisations. */
export interface RebasedGroup {
  /** Recorded organisation node ids whose counts make up the total. */
  members: readonly string[];
  /** The trees in which the group's part is a count of people from 1 to 4, and so must not be computable. */
  protect: readonly PeopleTreeName[];
}

export interface RebasedGroups {
  /** Re-based totals with a part from 1 to 4. */
  small: RebasedGroup[];
}

/**
 * The re-based cells of a `current` table whose parts hold a count of people from 1 to 4, as groups of
 * recorded organisations. (A started total S = P + Q from 1 to 4 has a non-zero part from 1 to 4, which is
 * protected itself.)
 */
export function rebasedGroups(current: WaveTallies): RebasedGroups {
  const small: RebasedGroup[] = [];
  for (const id of current.rebased) {
    const t = current.tallies.get(id);
    const members = current.members.get(id) ?? [];
    if (!t || members.length === 0) continue;
    const protect: PeopleTreeName[] = [];
    const pair = t.pairOrganisations > 0;
    if (pair && isSmallCount(t.pairStarted)) protect.push("pairStarted");
    if (pair && isSmallCount(t.pairCompleted)) protect.push("completed");
    if (t.started.reported - t.pairOrganisations > 0 && isSmallCount(t.started.sum - t.pairStarted))
      protect.push("startedOnly");
    if (protect.length > 0) small.push({ members, protect });
  }
  return { small };
}

/**
 * Whether Σ x over `members` in one tree can be computed from its published cells. With each hidden cell that
 * has data an unknown and each sum of the hierarchy an equation (parent − children = known), every unknown is
 * in at most two equations: its own sum (coefficient +1) and its parent's (−1); a cell with no sum of its own
 * (an organisation) or no parent (the UK) has an open end. So the equations are the incidence rows of a graph
 * whose vertices are the sums plus one open vertex and whose edges are the hidden cells, and a combination of
 * them is a potential φ on the sums (φ = 0 at the open vertex) giving each edge φ(own) − φ(parent). The group
 * (1 at its hidden members) is derivable iff such a potential exists: one pass over the graph, no elimination.
 * Cells without data are known zeros, not unknowns.
 */
export function isDerivable(
  hierarchy: Hierarchy,
  cells: SuppressionTree,
  hidden: ReadonlySet<string>,
  members: readonly string[],
): boolean {
  const hasData = (id: string) => cells.get(id)?.hasData === true;
  const OPEN = "\u0000open";
  // A sum exists at a node with data that has a child with data.
  const isSum = (id: string) => hasData(id) && hierarchy.nodes.get(id)!.children.some(hasData);
  const target = new Set(members.filter((m) => hidden.has(m) && hasData(m)));
  // Edges: each hidden cell with data joins its own sum (or the open vertex) to its parent's sum (or open).
  const edges = new Map<string, { own: string; parent: string; g: number }[]>();
  const link = (v: string, e: { own: string; parent: string; g: number }) => {
    const list = edges.get(v);
    if (list) list.push(e);
    else edges.set(v, [e]);
  };
  for (const id of hidden) {
    if (!hasData(id)) continue;
    const node = hierarchy.nodes.get(id);
    if (!node) continue;
    const own = isSum(id) ? id : OPEN;
    const parent = node.parentCode !== null && hasData(node.parentCode) ? node.parentCode : OPEN;
    const edge = { own, parent, g: target.has(id) ? 1 : 0 };
    link(own, edge);
    link(parent, edge);
  }
  const potential = new Map<string, number>();
  const walk = (start: string): boolean => {
    potential.set(start, 0);
    const queue = [start];
    while (queue.length > 0) {
      const v = queue.pop()!;
      const here = potential.get(v)!;
      for (const e of edges.get(v) ?? []) {
        // g = φ(own) − φ(parent); the open vertex is pinned at 0.
        const other = e.own === v ? e.parent : e.own;
        const wanted = e.own === v ? here - e.g : here + e.g;
        if (e.own === e.parent) {
          if (e.g !== 0) return false;
          continue;
        }
        const known = potential.get(other);
        if (known === undefined) {
          potential.set(other, wanted);
          queue.push(other);
        } else if (known !== wanted) return false;
      }
    }
    return true;
  };
  if (edges.has(OPEN) && !walk(OPEN)) return false;
  for (const v of edges.keys()) if (!potential.has(v) && !walk(v)) return false;
  return true;
}
