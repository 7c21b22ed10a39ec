import type { ValueStatus } from "../api/responses";
import { median } from "../stats/compare";
import { exactPoissonInterval } from "../stats/poisson";
import { wilsonInterval } from "../stats/wilson";
import type { MetricId } from "./catalogue";
import type { HierarchyNode } from "./hierarchy";
import type { CountSum, Tally } from "./tally";
import type { WaveTable } from "./wave-table";

/** One metric's value at one node: what the API serves for an area (before comparison). */
export interface Cell {
  value: number | null;
  lower: number | null;
  upper: number | null;
  numerator: number | null;
  denominator: number | null;
  status: ValueStatus;
  /** offering/routine/sustainable only: the value if every non-respondent offered (upper) or none did (lower). */
  boundLower?: number | null;
  boundUpper?: number | null;
}

const PER = 100_000;

const empty = (status: ValueStatus): Cell => ({
  value: null,
  lower: null,
  upper: null,
  numerator: null,
  denominator: null,
  status,
});

/**
 * Statuses shared by every metric except response_pct, in this order:
 * `not_surveyed` no organisation under the node has a row in the wave;
 * `not_applicable` every row is not_applicable;
 * `no_data` rows exist but no organisation answered (all no_response, withheld or not_applicable).
 */
function baseStatus(t: Tally): ValueStatus | null {
  if (t.invited === 0) return "not_surveyed";
  if (t.notApplicable === t.invited) return "not_applicable";
  if (t.answered === 0) return "no_data";
  return null;
}

function percent(x: number, n: number): Cell {
  const ci = wilsonInterval(x, n);
  return {
    value: (100 * x) / n,
    lower: 100 * ci.lower,
    upper: 100 * ci.upper,
    numerator: x,
    denominator: n,
    status: "ok",
  };
}

/** Share of answering organisations, with non-response bounds (no_response and withheld as unknown). */
function answeringShare(t: Tally, x: number): Cell {
  const unknown = t.noResponse + t.withheld;
  const all = t.answered + unknown;
  const bounds =
    all > 0
      ? { boundLower: (100 * x) / all, boundUpper: (100 * (x + unknown)) / all }
      : { boundLower: null, boundUpper: null };
  const status = baseStatus(t);
  if (status === "not_surveyed" || status === "not_applicable")
    return { ...empty(status), boundLower: null, boundUpper: null };
  if (status === "no_data") return { ...empty(status), ...bounds };
  return { ...percent(x, t.answered), ...bounds };
}

function perPopulation(t: Tally, count: CountSum, node: HierarchyNode, hidden: boolean): Cell {
  if (node.level === "organisation") return empty("not_applicable");
  const status = baseStatus(t);
  if (status) return empty(status);
  if (count.known === 0 || node.population <= 0) return empty("no_data");
  if (hidden) return { ...empty("suppressed"), denominator: node.population };
  const ci = exactPoissonInterval(count.sum);
  const factor = PER / node.population;
  return {
    value: count.sum * factor,
    lower: ci.lower * factor,
    upper: ci.upper * factor,
    numerator: count.sum,
    denominator: node.population,
    status: "ok",
  };
}

/** Computes `metric` at `code` from a wave table. See the catalogue for each definition. */
export function metricCell(table: WaveTable, metric: MetricId, code: string): Cell {
  const t = table.tallies.get(code);
  const node = table.hierarchy.nodes.get(code);
  if (!t || !node) return empty("not_surveyed");
  switch (metric) {
    case "offering_pct":
      return answeringShare(t, t.offering);
    case "routine_pct":
      return answeringShare(t, t.routine);
    case "sustainable_pct":
      return answeringShare(t, t.sustainable);
    case "response_pct":
      return t.invited === 0 ? empty("not_surveyed") : percent(t.replied, t.invited);
    case "places_per_100k":
      return perPopulation(t, t.places, node, false);
    case "teachers_per_100k":
      return perPopulation(t, t.teachers, node, false);
    case "participants_per_100k":
      return perPopulation(t, t.started, node, table.suppression.started.has(code));
    case "completion_pct": {
      const status = baseStatus(t);
      if (status) return empty(status);
      if (t.pairOrganisations === 0 || t.pairStarted === 0) return empty("no_data");
      if (table.suppression.completion.has(code)) return empty("suppressed");
      return percent(t.pairCompleted, t.pairStarted);
    }
    case "median_wait_weeks": {
      const status = baseStatus(t);
      if (status) return empty(status);
      const value = median(t.waits);
      if (value === null) return empty("no_data");
      return { value, lower: null, upper: null, numerator: null, denominator: t.waits.length, status: "ok" };
    }
  }
}
