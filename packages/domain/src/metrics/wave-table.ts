import type { AtlasIndex } from "./atlas-index";
import { memoise } from "./atlas-index";
import type { Basis, Hierarchy } from "./hierarchy";
import { isDerivable, rebasedGroups } from "./rebase-protection";
import { peopleTrees, type SuppressionPattern, suppressPeopleCounts } from "./suppression";
import type { Tally } from "./tally";
import { waveTallies } from "./wave-tallies";

/** One wave summed at every node of the hierarchy, with its suppression pattern. */
export interface WaveTable {
  waveId: string;
  hierarchy: Hierarchy;
  tallies: ReadonlyMap<string, Tally>;
  suppression: SuppressionPattern;
  /** Nodes whose rows differ from the recorded basis (a predecessor's returns were moved in or out). */
  rebased: ReadonlySet<string>;
}

/** The table for a wave and basis, memoised on the index. */
export function waveTable(index: AtlasIndex, waveId: string, basis: Basis): WaveTable {
  return memoise(
    index,
    `wave-table:${waveId}:${basis}`,
    () => {
      const { hierarchy, tallies, rebased } = waveTallies(index, waveId, basis);
      return { waveId, hierarchy, tallies, rebased, suppression: suppressionFor(index, waveId, basis) };
    },
    { wave: waveId },
  );
}

/**
 * Under `recorded`: suppressPeopleCounts, also protecting the totals the `current` basis would re-base (so a
 * successor's re-based total cannot be worked out when it is 1–4). Under `current`: a cell whose returns are
 * the same as under `recorded` follows the recorded pattern; a re-based cell (a sum of recorded organisations)
 * is published only where every part of it can already be computed from the recorded cells published (started:
 * the P and Q parts; completion: the P and C parts), so it adds nothing, and is hidden otherwise.
 */
function suppressionFor(index: AtlasIndex, waveId: string, basis: Basis): SuppressionPattern {
  if (basis === "recorded") {
    const { hierarchy, tallies } = waveTallies(index, waveId, "recorded");
    return suppressPeopleCounts(hierarchy, tallies, rebasedGroups(waveTallies(index, waveId, "current")));
  }
  const recorded = waveTallies(index, waveId, "recorded");
  const hidden = waveTable(index, waveId, "recorded").suppression.started;
  const trees = peopleTrees(recorded.tallies);
  const current = waveTallies(index, waveId, "current");
  const started = new Set(hidden);
  const completion = new Set(hidden);
  for (const id of current.rebased) {
    const members = current.members.get(id) ?? [];
    const known = (tree: keyof typeof trees) => isDerivable(recorded.hierarchy, trees[tree], hidden, members);
    const pair = known("pairStarted");
    if (!(pair && known("startedOnly"))) started.add(id);
    else started.delete(id);
    if (!(pair && known("completed"))) completion.add(id);
    else completion.delete(id);
  }
  return { started, completion };
}
