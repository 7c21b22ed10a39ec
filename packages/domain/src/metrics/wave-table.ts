import { UK_CODE } from "../vocabulary";
import { type AtlasIndex, memoise } from "./atlas-index";
import { type Basis, type Hierarchy, hierarchyFor } from "./hierarchy";
import { type SuppressionPattern, suppressPeopleCounts } from "./suppression";
import { addReturn, addTally, emptyTally, type Tally } from "./tally";

/** One wave summed at every node of the hierarchy, with its suppression pattern. */
export interface WaveTable {
  waveId: string;
  hierarchy: Hierarchy;
  tallies: ReadonlyMap<string, Tally>;
  suppression: SuppressionPattern;
  /** Nodes whose rows differ from the recorded basis (a predecessor's returns were moved in or out). */
  rebased: ReadonlySet<string>;
}

/** The table for a wave and basis, memoised on the index. Returns of organisations not in the reference are skipped. */
export function waveTable(index: AtlasIndex, waveId: string, basis: Basis): WaveTable {
  return memoise(index, `wave-table:${waveId}:${basis}`, () => buildWaveTable(index, waveId, basis));
}

function buildWaveTable(index: AtlasIndex, waveId: string, basis: Basis): WaveTable {
  const hierarchy = hierarchyFor(index, basis);
  const tallies = new Map<string, Tally>();
  for (const code of hierarchy.order) tallies.set(code, emptyTally());
  const rebased = new Set<string>();
  for (const row of index.returnsByWave.get(waveId) ?? []) {
    const node = hierarchy.nodeForOrganisation(row.orgCode);
    if (node === undefined) continue;
    addReturn(tallies.get(node)!, row);
    if (node !== row.orgCode) markMoved(index, hierarchy, row.orgCode, node, rebased);
  }
  for (let i = hierarchy.order.length - 1; i >= 0; i--) {
    const node = hierarchy.nodes.get(hierarchy.order[i]!)!;
    if (node.parentCode !== null) addTally(tallies.get(node.parentCode)!, tallies.get(node.code)!);
  }
  return {
    waveId,
    hierarchy,
    tallies,
    suppression: suppressionFor(index, waveId, basis, hierarchy, tallies, rebased),
    rebased,
  };
}

/**
 * Under `recorded`, the pattern of suppressPeopleCounts. Under `current`, a cell is published only where it
 * equals a cell published under `recorded`: cells whose returns were rebased are hidden, since their
 * difference from the recorded figure would be the moved organisations' counts. So the current basis
 * discloses nothing the recorded one does not.
 */
function suppressionFor(
  index: AtlasIndex,
  waveId: string,
  basis: Basis,
  hierarchy: Hierarchy,
  tallies: ReadonlyMap<string, Tally>,
  rebased: ReadonlySet<string>,
): SuppressionPattern {
  if (basis === "recorded") return suppressPeopleCounts(hierarchy, tallies);
  const recorded = waveTable(index, waveId, "recorded").suppression;
  return {
    started: new Set([...recorded.started, ...rebased]),
    completion: new Set([...recorded.completion, ...rebased]),
  };
}

/** Marks the nodes whose set of returns changed because `orgCode`'s return now counts for `node`. */
function markMoved(
  index: AtlasIndex,
  hierarchy: Hierarchy,
  orgCode: string,
  node: string,
  out: Set<string>,
): void {
  const recorded = new Set<string>([orgCode, UK_CODE]);
  let area = index.areaByCode.get(index.orgByCode.get(orgCode)!.areaCode);
  while (area) {
    recorded.add(area.code);
    area = area.parentCode ? index.areaByCode.get(area.parentCode) : undefined;
  }
  let current: string | null = node;
  const currentSet = new Set<string>();
  while (current !== null) {
    currentSet.add(current);
    current = hierarchy.nodes.get(current)?.parentCode ?? null;
  }
  for (const code of currentSet) if (!recorded.has(code)) out.add(code);
  for (const code of recorded) if (!currentSet.has(code) && hierarchy.nodes.has(code)) out.add(code);
}
