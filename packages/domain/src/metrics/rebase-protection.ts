import type { Hierarchy } from "./hierarchy";
import { isSmallCount } from "./small-count";
import type { SuppressionCell } from "./suppression";
import type { WaveTallies } from "./wave-tallies";

/** A total published under no basis but meaningful under `current`: the sum of some recorded organisations. */
export interface RebasedGroup {
  /** Recorded organisation node ids whose counts make up the total. */
  members: readonly string[];
  /** Whether the total is a count of people from 1 to 4 (for completion: either count). */
  small: boolean;
}

export interface RebasedGroups {
  started: RebasedGroup[];
  completion: RebasedGroup[];
}

/** The re-based cells of a `current` table that hold counts of people, as groups of recorded organisations. */
export function rebasedGroups(current: WaveTallies): RebasedGroups {
  const started: RebasedGroup[] = [];
  const completion: RebasedGroup[] = [];
  for (const id of current.rebased) {
    const t = current.tallies.get(id);
    const members = current.members.get(id) ?? [];
    if (!t || members.length === 0) continue;
    if (t.started.known > 0) started.push({ members, small: isSmallCount(t.started.sum) });
    if (t.pairOrganisations > 0) {
      completion.push({ members, small: isSmallCount(t.pairStarted) || isSmallCount(t.pairCompleted) });
    }
  }
  return { started, completion };
}

/**
 * Whether Σ x over `members` can be computed from the published cells: with each hidden cell an unknown and
 * each sum of the hierarchy an equation, the group's vector (1 at its hidden members) must not lie in the row
 * space of the equations. Gaussian elimination over the hidden cells only (few), so it is cheap.
 */
export function isDerivable(
  hierarchy: Hierarchy,
  cells: ReadonlyMap<string, SuppressionCell>,
  hidden: ReadonlySet<string>,
  members: readonly string[],
): boolean {
  const vars = [...hidden];
  const column = new Map(vars.map((v, i) => [v, i]));
  const rows: number[][] = [];
  const hasData = (id: string) => cells.get(id)?.hasData === true;
  for (const id of hierarchy.order) {
    const children = hierarchy.nodes.get(id)!.children.filter(hasData);
    if (children.length === 0 || !hasData(id)) continue;
    const row = new Array<number>(vars.length).fill(0);
    let touched = false;
    if (hidden.has(id)) {
      row[column.get(id)!]! += 1;
      touched = true;
    }
    for (const c of children) {
      if (!hidden.has(c)) continue;
      row[column.get(c)!]! -= 1;
      touched = true;
    }
    if (touched) rows.push(row);
  }
  const target = new Array<number>(vars.length).fill(0);
  for (const m of members) if (hidden.has(m)) target[column.get(m)!]! += 1;
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
