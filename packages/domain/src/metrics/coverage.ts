import type { AreaValue, Comparison, CoverageResponse } from "../api/responses";
import { assessByPolarity, compareByInterval } from "../stats/compare";
import { type ReportLevel, UK_CODE } from "../vocabulary";
import type { AtlasIndex } from "./atlas-index";
import { getMetric, type MetricId } from "./catalogue";
import { type Cell, metricCell } from "./cells";
import { nationOf } from "./hierarchy";
import { nodesAtLevel } from "./levels";
import { type WaveTable, waveTable } from "./wave-table";

export interface CoverageQuery {
  waveId: string;
  level: ReportLevel;
  metric: MetricId;
}

/** A comparator row (the UK or a nation) for a wave table. */
export function comparatorRow(table: WaveTable, metric: MetricId, code: string) {
  const cell = metricCell(table, metric, code);
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
 * One area's value, classed against the UK (`comparison`, `assessment`) and its nation (`nationComparison`).
 * Only `ok` values are compared.
 */
export function areaValue(
  table: WaveTable,
  metric: MetricId,
  id: string,
  comparators: Map<string, Cell>,
): AreaValue {
  const node = table.hierarchy.nodes.get(id)!;
  const tally = table.tallies.get(id)!;
  const cell = metricCell(table, metric, id);
  const polarity = getMetric(metric).polarity;
  const nation = node.level === "nation" ? null : nationOf(table.hierarchy, id);
  const compare = (against: Cell | undefined): Comparison =>
    cell.status === "ok" && against?.status === "ok"
      ? compareByInterval(cell, against.value)
      : "not_compared";
  const comparison = compare(comparators.get(UK_CODE));
  return {
    code: node.code,
    name: node.name,
    parentCode: node.level === "nation" ? null : node.parentCode,
    ...cell,
    comparison,
    assessment: assessByPolarity(comparison, polarity),
    invited: tally.invited,
    answered: tally.answered,
    nationCode: nation,
    nationComparison: nation === null ? "not_compared" : compare(comparators.get(nation)),
  };
}

/** The cells of the UK and each nation, for comparison. */
export function comparatorCells(table: WaveTable, metric: MetricId): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const code of [UK_CODE, ...nationCodes(table)]) out.set(code, metricCell(table, metric, code));
  return out;
}

/**
 * GET /api/coverage: one metric for every area (or organisation) of a level in one wave, recorded basis,
 * with the UK and each nation as comparators. Throws for an unknown wave (callers check first).
 */
export function computeCoverage(index: AtlasIndex, query: CoverageQuery): CoverageResponse {
  const wave = index.waveById.get(query.waveId);
  if (!wave) throw new Error(`unknown wave ${query.waveId}`);
  const table = waveTable(index, query.waveId, "recorded");
  const comparators = comparatorCells(table, query.metric);
  return {
    wave: wave.id,
    level: query.level,
    metric: query.metric,
    synthetic: wave.synthetic,
    comparator: comparatorRow(table, query.metric, UK_CODE),
    nations: nationCodes(table).map((code) => comparatorRow(table, query.metric, code)),
    areas: nodesAtLevel(index, table.hierarchy, query.level, wave).map((code) =>
      areaValue(table, query.metric, code, comparators),
    ),
  };
}
