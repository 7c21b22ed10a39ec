import { UK_CODE } from "../vocabulary";
import { type AtlasIndex, memoise } from "./atlas-index";
import { ancestorsOf, type Basis, type Hierarchy, hierarchyFor, orgNodeId } from "./hierarchy";
import { addReturn, addTally, emptyTally, type Tally } from "./tally";

/** One wave summed at every node of a basis's hierarchy (before any suppression). */
export interface WaveTallies {
  waveId: string;
  hierarchy: Hierarchy;
  tallies: ReadonlyMap<string, Tally>;
  /** Nodes whose returns differ from the recorded basis (a predecessor's returns were moved in or out). */
  rebased: ReadonlySet<string>;
  /** basis `current`: for each node, the recorded organisation node ids whose returns it counts. */
  members: ReadonlyMap<string, readonly string[]>;
}

/** The tallies for a wave and basis, memoised on the index. Returns of organisations not in the reference are skipped. */
export function waveTallies(index: AtlasIndex, waveId: string, basis: Basis): WaveTallies {
  return memoise(index, `wave-tallies:${waveId}:${basis}`, () => buildWaveTallies(index, waveId, basis), {
    wave: waveId,
  });
}

function buildWaveTallies(index: AtlasIndex, waveId: string, basis: Basis): WaveTallies {
  const hierarchy = hierarchyFor(index, basis);
  const tallies = new Map<string, Tally>();
  for (const id of hierarchy.order) tallies.set(id, emptyTally());
  const rebased = new Set<string>();
  const members = new Map<string, string[]>();
  for (const row of index.returnsByWave.get(waveId) ?? []) {
    const node = hierarchy.nodeForOrganisation(row.orgCode);
    if (node === undefined) continue;
    addReturn(tallies.get(node)!, row);
    if (node !== orgNodeId(row.orgCode)) markMoved(index, hierarchy, row.orgCode, node, rebased);
    if (basis === "current") {
      for (const id of ancestorsOf(hierarchy, node)) {
        const list = members.get(id);
        if (list) list.push(orgNodeId(row.orgCode));
        else members.set(id, [orgNodeId(row.orgCode)]);
      }
    }
  }
  for (let i = hierarchy.order.length - 1; i >= 0; i--) {
    const node = hierarchy.nodes.get(hierarchy.order[i]!)!;
    if (node.parentCode !== null) addTally(tallies.get(node.parentCode)!, tallies.get(node.id)!);
  }
  return { waveId, hierarchy, tallies, rebased, members };
}

/** Marks the nodes whose set of returns changed because `orgCode`'s return now counts for `node`. */
function markMoved(
  index: AtlasIndex,
  hierarchy: Hierarchy,
  orgCode: string,
  node: string,
  out: Set<string>,
): void {
  const recorded = new Set<string>([orgNodeId(orgCode), UK_CODE]);
  let area = index.areaByCode.get(index.orgByCode.get(orgCode)!.areaCode);
  while (area) {
    recorded.add(area.code);
    area = area.parentCode ? index.areaByCode.get(area.parentCode) : undefined;
  }
  const current = new Set(ancestorsOf(hierarchy, node));
  for (const id of current) if (!recorded.has(id)) out.add(id);
  for (const id of recorded) if (!current.has(id) && hierarchy.nodes.has(id)) out.add(id);
}
