import type { AreaValue, CoverageResponse } from "../api/responses";
import { isDefaultNeed } from "../need/parameters";
import { assessByPolarity } from "../stats/compare";
import { type ReportLevel, UK_CODE } from "../vocabulary";
import type { AtlasIndex } from "./atlas-index";
import { getMetric, type MetricId } from "./catalogue";
import { type Cell, DEFAULT_NEED_CONTEXT, metricCell, type NeedContext } from "./cells";
import { compareCells, isSameArea } from "./comparison";
import { nationOf } from "./hierarchy";
import { nodesAtLevel } from "./levels";
import { type WaveTable, waveTable } from "./wave-table";

export interface CoverageQuery {
  waveId: string;
  level: ReportLevel;
  metric: MetricId;
  need?: NeedContext;
}

/** Whether a metric's figures depend on the need model's assumptions. */
export function usesNeedModel(metric: MetricId): boolean {
  return getMetric(metric).assumptions !== undefined;
}

/** A comparator row (the UK or a nation) for a wave table. */
export function comparatorRow(table: WaveTable, metric: MetricId, code: string, need = DEFAULT_NEED_CONTEXT) {
  const cell = metricCell(table, metric, code, need);
  return {
    code,
    name: table.hierarchy.nodes.get(code)!.name,
    value: cell.value,
    lower: cell.lower,
    upper: cell.upper,
  };
}

/** Every nation in the table, by code. */
export function nationCodes(table: WaveTable): string[] {
  return table.hierarchy.nodes.get(UK_CODE)!.children;
}

/**
 * One area's value, classed against the UK (`comparison`, `assessment`) and its nation (`nationComparison`),
 * each with the reason where it is not compared (see compareCells).
 */
export function areaValue(
  table: WaveTable,
  metric: MetricId,
  id: string,
  comparators: Map<string, Cell>,
  need = DEFAULT_NEED_CONTEXT,
): AreaValue {
  const node = table.hierarchy.nodes.get(id)!;
  const tally = table.tallies.get(id)!;
  const cell = metricCell(table, metric, id, need);
  const polarity = getMetric(metric).polarity;
  const nation = node.level === "nation" ? null : nationOf(table.hierarchy, id);
  const uk = compareCells(metric, cell, comparators.get(UK_CODE), isSameArea(table.hierarchy, id, UK_CODE));
  const byNation =
    nation === null
      ? { comparison: "not_compared" as const, reason: "same_area" as const }
      : compareCells(metric, cell, comparators.get(nation), isSameArea(table.hierarchy, id, nation));
  // One literal with every key in a fixed order (absent ones undefined, which JSON leaves out): a spread of
  // cells of many shapes made each answer's objects slow to build and to serialise.
  return {
    code: node.code,
    name: node.name,
    parentCode: node.level === "nation" ? null : node.parentCode,
    value: cell.value,
    lower: cell.lower,
    upper: cell.upper,
    numerator: cell.numerator,
    denominator: cell.denominator,
    status: cell.status,
    organisations: cell.organisations,
    boundLower: cell.boundLower,
    boundUpper: cell.boundUpper,
    lowerBound: cell.lowerBound,
    upperBound: cell.upperBound,
    need: cell.need,
    comparison: uk.comparison,
    comparisonReason: uk.reason,
    assessment: assessByPolarity(uk.comparison, polarity),
    invited: tally.invited,
    answered: tally.answered,
    nationCode: nation,
    nationComparison: byNation.comparison,
    nationComparisonReason: byNation.reason,
  };
}

/** The cells of the UK and each nation, for comparison. */
export function comparatorCells(
  table: WaveTable,
  metric: MetricId,
  need = DEFAULT_NEED_CONTEXT,
): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const code of [UK_CODE, ...nationCodes(table)]) out.set(code, metricCell(table, metric, code, need));
  return out;
}

/**
 * GET /api/coverage: one metric for every area (or organisation) of a level in one wave, recorded basis,
 * with the UK and each nation as comparators. Throws for an unknown wave (callers check first).
 */
export function computeCoverage(index: AtlasIndex, query: CoverageQuery): CoverageResponse {
  const wave = index.waveById.get(query.waveId);
  if (!wave) throw new Error(`unknown wave ${query.waveId}`);
  const need = query.need ?? DEFAULT_NEED_CONTEXT;
  const table = waveTable(index, query.waveId, "recorded");
  const comparators = comparatorCells(table, query.metric, need);
  return {
    wave: wave.id,
    level: query.level,
    metric: query.metric,
    synthetic: wave.synthetic,
    ...(usesNeedModel(query.metric) ? { assumptions: { ...need.assumptions } } : {}),
    comparator: comparatorRow(table, query.metric, UK_CODE, need),
    nations: nationCodes(table).map((code) => comparatorRow(table, query.metric, code, need)),
    areas: nodesAtLevel(index, table.hierarchy, query.level, wave).map((code) =>
      areaValue(table, query.metric, code, comparators, need),
    ),
  };
}

/** Whether a response for these assumptions may be memoised (only the defaults: the space of others is open). */
export function cacheableNeed(need: NeedContext | undefined): boolean {
  return need === undefined || isDefaultNeed(need.assumptions);
}
