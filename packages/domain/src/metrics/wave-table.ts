import type { AtlasIndex } from "./atlas-index";
import { memoise } from "./atlas-index";
import type { Basis, Hierarchy } from "./hierarchy";
import { rebasedGroups } from "./rebase-protection";
import { type SuppressionPattern, suppressPeopleCounts } from "./suppression";
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
 * successor's re-based total cannot be worked out when it is 1–4). Under `current`: a cell is published only
 * where it equals a cell published under `recorded`; cells whose returns were re-based are hidden, since their
 * difference from the recorded figure would be the moved organisations' counts. So the current basis discloses
 * nothing the recorded one does not.
 */
function suppressionFor(index: AtlasIndex, waveId: string, basis: Basis): SuppressionPattern {
  if (basis === "recorded") {
    const { hierarchy, tallies } = waveTallies(index, waveId, "recorded");
    return suppressPeopleCounts(hierarchy, tallies, rebasedGroups(waveTallies(index, waveId, "current")));
  }
  const recorded = waveTable(index, waveId, "recorded").suppression;
  const { rebased } = waveTallies(index, waveId, "current");
  return {
    started: new Set([...recorded.started, ...rebased]),
    completion: new Set([...recorded.completion, ...rebased]),
  };
}
