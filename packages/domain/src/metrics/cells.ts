import type { NeedFigures, ValueStatus } from "../api/responses";
import { capacityFor, placesNeeded } from "../need/model";
import { DEFAULT_NEED_ASSUMPTIONS, type NeedAssumptions } from "../need/parameters";
import { clopperPearsonInterval } from "../stats/clopper-pearson";
import { median } from "../stats/compare";
import type { Interval } from "../stats/interval";
import { exactPoissonInterval } from "../stats/poisson";
import { UK_CODE } from "../vocabulary";
import type { MetricId } from "./catalogue";
import type { HierarchyNode } from "./hierarchy";
import { keptWith } from "./kept-with";
import { type CountSum, PLACES_PER_COURSE_ASSUMED, type Tally } from "./tally";
import type { WaveTable } from "./wave-table";

/** One metric's value at one node: what the API serves for an area (before comparison). */
export interface Cell {
  value: number | null;
  lower: number | null;
  upper: number | null;
  numerator: number | null;
  denominator: number | null;
  status: ValueStatus;
  /** Organisations the value rests on (answering, invited, or reporting the figure, by metric). */
  organisations: number;
  /** The range with missing answers filled in (see AreaValueSchema); undefined where the metric has none. */
  boundLower: number | null | undefined;
  boundUpper: number | null | undefined;
  lowerBound: boolean | undefined;
  upperBound: boolean | undefined;
  need: NeedFigures | undefined;
}

/**
 * Every cell is built here, so all have one shape (the same keys in the same order): the area values built
 * from them, many a second, then read and serialise them without V8's slow path for mixed shapes.
 */
function cellOf(
  value: number | null,
  lower: number | null,
  upper: number | null,
  numerator: number | null,
  denominator: number | null,
  status: ValueStatus,
  organisations: number,
  extra: {
    boundLower?: number | null;
    boundUpper?: number | null;
    lowerBound?: boolean;
    upperBound?: boolean;
    need?: NeedFigures;
  } = NO_EXTRA,
): Cell {
  return {
    value,
    lower,
    upper,
    numerator,
    denominator,
    status,
    organisations,
    boundLower: extra.boundLower,
    boundUpper: extra.boundUpper,
    lowerBound: extra.lowerBound,
    upperBound: extra.upperBound,
    need: extra.need,
  };
}

const NO_EXTRA = {};

const PER = 100_000;

const empty = (status: ValueStatus, organisations = 0): Cell =>
  cellOf(null, null, null, null, null, status, organisations);

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

function percent(x: number, n: number, organisations: number): Cell {
  const ci = clopperPearsonInterval(x, n);
  return cellOf((100 * x) / n, 100 * ci.lower, 100 * ci.upper, x, n, "ok", organisations);
}

/** Share of answering organisations, with non-response bounds (no_response and withheld as unknown). */
function answeringShare(t: Tally, x: number): Cell {
  const unknown = t.noResponse + t.withheld;
  const all = t.answered + unknown;
  const status = baseStatus(t);
  // Built field by field: object spread is an order of magnitude slower here, and this runs per area.
  const cell = status === null ? percent(x, t.answered, t.answered) : empty(status);
  const known = status === null || status === "no_data";
  cell.boundLower = known && all > 0 ? (100 * x) / all : null;
  cell.boundUpper = known && all > 0 ? (100 * (x + unknown)) / all : null;
  return cell;
}

/** Organisations whose figure is unknown: they did not answer, or offer MBCT and left it blank. */
function missingOrganisations(t: Tally, count: CountSum): number {
  return t.noResponse + t.withheld + count.missing;
}

/**
 * The interval of a count that comes in clusters: exact Poisson on the number of clusters, times the mean
 * cluster size (or `sizeWhenNone` where the count is 0, so an area with nothing still has an upper limit).
 */
function clusteredInterval(count: number, clusters: number, sizeWhenNone: number): Interval {
  if (clusters <= 0 || count <= 0) {
    const ci = exactPoissonInterval(0);
    return { lower: 0, upper: ci.upper * sizeWhenNone };
  }
  const ci = exactPoissonInterval(clusters);
  const size = count / clusters;
  return { lower: ci.lower * size, upper: ci.upper * size };
}

type CountKind = "places" | "teachers" | "started";

function countInterval(t: Tally, kind: CountKind): Interval {
  // Exact intervals invert gamma quantiles; a wave's tallies never change, so each is found once (the need
  // metrics ask for the places interval again for every set of assumptions a reader tries).
  return keptWith(COUNT_INTERVALS, t, kind, () =>
    kind === "places"
      ? clusteredInterval(t.places.sum, t.courses, PLACES_PER_COURSE_ASSUMED)
      : kind === "teachers"
        ? clusteredInterval(t.teachers.sum, t.teams, 1)
        : exactPoissonInterval(t.started.sum),
  );
}

const COUNT_INTERVALS = new WeakMap<Tally, Map<CountKind, Readonly<Interval>>>();

/** A count per 100,000 adults; `upperEach` is the most one missing organisation could add (for the bounds). */
function perPopulation(
  t: Tally,
  kind: CountKind,
  node: HierarchyNode,
  hidden: boolean,
  upperEach: number | null,
): Cell {
  const count = t[kind];
  // A wave with no return says so first; otherwise a rate is never meaningful for an organisation.
  if (t.invited === 0) return empty("not_surveyed");
  if (node.level === "organisation") return empty("not_applicable", 1);
  const status = baseStatus(t);
  if (status) return empty(status);
  if (count.known === 0 || node.population <= 0) return empty("no_data");
  if (hidden) return empty("suppressed", count.known);
  const ci = countInterval(t, kind);
  const factor = PER / node.population;
  const missing = missingOrganisations(t, count);
  const extra =
    upperEach === null
      ? { lowerBound: missing > 0 }
      : {
          boundLower: count.sum * factor,
          boundUpper: (count.sum + missing * upperEach) * factor,
          lowerBound: missing > 0,
        };
  return cellOf(
    count.sum * factor,
    ci.lower * factor,
    ci.upper * factor,
    count.sum,
    node.population,
    "ok",
    count.known,
    extra,
  );
}

/** How the need metrics are computed: the assumptions in force. */
export interface NeedContext {
  assumptions: NeedAssumptions;
}

export const DEFAULT_NEED_CONTEXT: NeedContext = { assumptions: DEFAULT_NEED_ASSUMPTIONS };

/**
 * Places needed at a node: its adults' share of the UK's need; an organisation takes an equal share of its
 * local area's, among the organisations there with a return that is not not_applicable (or, in a wave
 * where nobody there has a row, among the organisations the reference places there).
 */
export function nodePlacesNeeded(table: WaveTable, node: HierarchyNode, need: NeedContext): number | null {
  const ukAdults = table.hierarchy.nodes.get(UK_CODE)!.population;
  if (ukAdults <= 0) return null;
  if (node.level !== "organisation") return placesNeeded(node.population, ukAdults, need.assumptions);
  const area = table.hierarchy.nodes.get(node.parentCode ?? "");
  const areaTally = area ? table.tallies.get(area.id) : undefined;
  if (!area || !areaTally) return null;
  // With no row in the area this wave (not surveyed), share among the organisations the register places there.
  const rows = areaTally.invited - areaTally.notApplicable;
  const serving = areaTally.invited > 0 ? rows : area.children.length;
  if (serving <= 0) return null;
  return placesNeeded(area.population, ukAdults, need.assumptions) / serving;
}

/** need_met_pct and unmet_places: places offered against places needed, with the gap to close. */
function needCell(
  table: WaveTable,
  t: Tally,
  node: HierarchyNode,
  metric: "need_met_pct" | "unmet_places",
  need: NeedContext,
): Cell {
  const status = baseStatus(t);
  if (status) return empty(status);
  const needed = nodePlacesNeeded(table, node, need);
  if (t.places.known === 0 || needed === null || needed <= 0) return empty("no_data");
  const offered = t.places.sum;
  const ci = countInterval(t, "places");
  const missing = missingOrganisations(t, t.places);
  const most = table.tallies.get(UK_CODE)?.places.max ?? 0;
  const upperOffered = offered + missing * most;
  const unmet = Math.max(0, needed - offered);
  const figures: NeedFigures = {
    placesNeeded: needed,
    placesOffered: offered,
    unmetPlaces: unmet,
    toClose: capacityFor(unmet, need.assumptions),
  };
  if (metric === "need_met_pct") {
    return cellOf(
      (100 * offered) / needed,
      (100 * ci.lower) / needed,
      (100 * ci.upper) / needed,
      offered,
      needed,
      "ok",
      t.places.known,
      {
        boundLower: (100 * offered) / needed,
        boundUpper: (100 * upperOffered) / needed,
        lowerBound: missing > 0,
        need: figures,
      },
    );
  }
  return cellOf(
    unmet,
    Math.max(0, needed - ci.upper),
    Math.max(0, needed - ci.lower),
    null,
    null,
    "ok",
    t.places.known,
    {
      boundLower: Math.max(0, needed - upperOffered),
      boundUpper: unmet,
      upperBound: missing > 0,
      need: figures,
    },
  );
}

/** Computes `metric` at node `id` from a wave table. See the catalogue for each definition. */
export function metricCell(
  table: WaveTable,
  metric: MetricId,
  id: string,
  need: NeedContext = DEFAULT_NEED_CONTEXT,
): Cell {
  const t = table.tallies.get(id);
  const node = table.hierarchy.nodes.get(id);
  if (!t || !node) return empty("not_surveyed");
  const waveMax = table.tallies.get(UK_CODE);
  switch (metric) {
    case "offering_pct":
      return answeringShare(t, t.offering);
    case "routine_pct":
      return answeringShare(t, t.routine);
    case "sustainable_pct":
      return answeringShare(t, t.sustainable);
    case "response_pct":
      return t.invited === 0 ? empty("not_surveyed") : percent(t.replied, t.invited, t.invited);
    case "places_per_100k":
      return perPopulation(t, "places", node, false, waveMax?.places.max ?? 0);
    case "teachers_per_100k":
      return perPopulation(t, "teachers", node, false, waveMax?.teachers.max ?? 0);
    case "participants_per_100k":
      // No bounds: the most one organisation started may itself be a hidden count of people.
      return perPopulation(t, "started", node, table.suppression.started.has(id), null);
    case "completion_pct": {
      const status = baseStatus(t);
      if (status) return empty(status);
      if (t.pairOrganisations === 0 || t.pairStarted === 0) return empty("no_data");
      if (table.suppression.completion.has(id)) return empty("suppressed", t.pairOrganisations);
      return percent(t.pairCompleted, t.pairStarted, t.pairOrganisations);
    }
    case "median_wait_weeks": {
      const status = baseStatus(t);
      if (status) return empty(status);
      const value = median(t.waits);
      if (value === null) return empty("no_data");
      return cellOf(value, null, null, null, t.waits.length, "ok", t.waits.length);
    }
    case "need_met_pct":
    case "unmet_places":
      return needCell(table, t, node, metric, need);
  }
}
