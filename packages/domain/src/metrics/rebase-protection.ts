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
 * Whether Σ x over `members` in one tree can be computed from its published cells: with each hidden cell that
 * has data an unknown and each sum of the hierarchy an equation, the group's vector (1 at its hidden members)
 * must not lie in the row space of the equations. Cells without data are known zeros, not unknowns.
 * Gaussian elimination over the hidden cells only (few), so it is cheap.
 */
export function isDerivable(
  hierarchy: Hierarchy,
  cells: SuppressionTree,
  hidden: ReadonlySet<string>,
  members: readonly string[],
): boolean {
  const hasData = (id: string) => cells.get(id)?.hasData === true;
  const vars = [...hidden].filter(hasData);
  const column = new Map(vars.map((v, i) => [v, i]));
  const rows: number[][] = [];
  for (const id of hierarchy.order) {
    const children = hierarchy.nodes.get(id)!.children.filter(hasData);
    if (children.length === 0 || !hasData(id)) continue;
    const row = new Array<number>(vars.length).fill(0);
    let touched = false;
    if (column.has(id)) {
      row[column.get(id)!]! += 1;
      touched = true;
    }
    for (const c of children) {
      if (!column.has(c)) continue;
      row[column.get(c)!]! -= 1;
      touched = true;
    }
    if (touched) rows.push(row);
  }
  const target = new Array<number>(vars.length).fill(0);
  for (const m of members) if (column.has(m)) target[column.get(m)!]! += 1;
  return inRowSpace(rows, target);
}

/** Whether `target` is a linear combination of `rows` (elimination with partial pivoting). */
export function inRowSpace(rows: number[][], target: number[]): boolean {
  const basis = rows.map((r) => [...r]);
  const v = [...target];
  const width = v.length;
  let rank = 0;
  for (let col = 0; col < width && rank < basis.length; col++) {
    let pivot = rank;
    for (let i = rank + 1; i < basis.length; i++) {
      if (Math.abs(basis[i]![col]!) > Math.abs(basis[pivot]![col]!)) pivot = i;
    }
    if (Math.abs(basis[pivot]![col]!) < 1e-9) continue;
    [basis[rank], basis[pivot]] = [basis[pivot]!, basis[rank]!];
    const p = basis[rank]!;
    for (let i = rank + 1; i < basis.length; i++) {
      const f = basis[i]![col]! / p[col]!;
      if (f !== 0) for (let j = col; j < width; j++) basis[i]![j]! -= f * p[j]!;
    }
    const g = v[col]! / p[col]!;
    if (g !== 0) for (let j = col; j < width; j++) v[j]! -= g * p[j]!;
    rank++;
  }
  return v.every((x) => Math.abs(x) < 1e-9);
}
