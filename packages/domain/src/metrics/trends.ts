import type { TrendsResponse } from "../api/responses";
import type { Wave } from "../reference";
import type { ReportLevel } from "../vocabulary";
import { type AtlasIndex, waveStartDate } from "./atlas-index";
import type { MetricId } from "./catalogue";
import { DEFAULT_NEED_CONTEXT, metricCell, type NeedContext } from "./cells";
import { usesNeedModel } from "./coverage";
import { ancestorsOf, type Basis, type Hierarchy, hierarchyFor, nodeIdAt, orgNodeId } from "./hierarchy";
import { nodesAtLevel } from "./levels";
import { waveTable } from "./wave-table";

export interface TrendsQuery {
  metric: MetricId;
  need?: NeedContext;
  level: ReportLevel;
  /** Public codes of the level to return (K02000001, the UK, allowed at nation level); null for every node. */
  codes: readonly string[] | null;
  basis: Basis;
}

/**
 * Nodes whose organisations changed through a merger between two waves: an organisation that closed with a
 * successor after `previous` started and on or before `wave` started changes the counts of every node above
 * it and above its successor (including both organisations themselves).
 */
export function mergerNodes(
  index: AtlasIndex,
  hierarchy: Hierarchy,
  previous: Wave,
  wave: Wave,
): Set<string> {
  const from = waveStartDate(previous);
  const to = waveStartDate(wave);
  const out = new Set<string>();
  for (const org of index.data.organisations) {
    if (org.successorCode === null || org.closedOn === null) continue;
    if (!(org.closedOn > from && org.closedOn <= to)) continue;
    for (const code of [org.code, org.successorCode]) {
      for (const a of ancestorsOf(hierarchy, orgNodeId(code))) out.add(a);
      const node = hierarchy.nodeForOrganisation(code);
      if (node !== undefined) for (const a of ancestorsOf(hierarchy, node)) out.add(a);
    }
  }
  return out;
}

/**
 * GET /api/trends: one metric over every wave for each requested node. Each point carries its status,
 * `changed` where a merger altered the node's organisations since the previous wave, and under basis
 * `current`, `rebased` where returns of a predecessor were moved to its successor's place. Under `current`,
 * a closed organisation has no series of its own (its points are not_surveyed): its returns are its
 * successor's.
 */
export function computeTrends(index: AtlasIndex, query: TrendsQuery): TrendsResponse {
  const hierarchy = hierarchyFor(index, query.basis);
  const ids =
    query.codes?.map((code) => nodeIdAt(query.level, code)) ??
    nodesAtLevel(index, hierarchy, query.level, null);
  const changedByWave = index.waves.map((wave, i) =>
    i === 0 ? new Set<string>() : mergerNodes(index, hierarchy, index.waves[i - 1]!, wave),
  );
  const tables = index.waves.map((wave) => waveTable(index, wave.id, query.basis));
  const recordedNames = hierarchyFor(index, "recorded").nodes;
  const need = query.need ?? DEFAULT_NEED_CONTEXT;
  return {
    metric: query.metric,
    level: query.level,
    basis: query.basis,
    synthetic: index.waves.some((w) => w.synthetic),
    ...(usesNeedModel(query.metric) ? { assumptions: { ...need.assumptions } } : {}),
    series: ids.map((id) => ({
      code: hierarchy.nodes.get(id)?.code ?? recordedNames.get(id)?.code ?? id,
      name: hierarchy.nodes.get(id)?.name ?? recordedNames.get(id)?.name ?? id,
      points: index.waves.map((wave, i) => {
        const table = tables[i]!;
        const cell = metricCell(table, query.metric, id, need);
        return {
          wave: wave.id,
          value: cell.value,
          lower: cell.lower,
          upper: cell.upper,
          numerator: cell.numerator,
          denominator: cell.denominator,
          status: cell.status,
          organisations: cell.organisations,
          ...(cell.lowerBound === undefined ? {} : { lowerBound: cell.lowerBound }),
          ...(cell.upperBound === undefined ? {} : { upperBound: cell.upperBound }),
          changed: changedByWave[i]!.has(id),
          ...(query.basis === "current" ? { rebased: table.rebased.has(id) } : {}),
        };
      }),
    })),
  };
}
