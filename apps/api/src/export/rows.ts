import {
  byName,
  COMPARISON_REASON_WORDS,
  COMPARISON_WORDS,
  type CoverageResponse,
  type FactorsResponse,
  type GapsResponse,
  type OrganisationsResponse,
  STATUS_WORDS,
  type TransitionsResponse,
  type TrendsResponse,
} from "@atlas/domain";
import type { Cell } from "./csv";

type Row = Record<string, Cell>;

export interface ExportTable {
  columns: string[];
  rows: Row[];
}

function table(columns: string[], rows: Row[]): ExportTable {
  return { columns, rows };
}

/**
 * One row per area of the coverage view, in the order given (the screen's), with the UK comparator
 * alongside. `status` and `comparison` are the screen's words; `status_code` is the vocabulary code.
 */
export function coverageRows(view: CoverageResponse, areas = view.areas): ExportTable {
  return table(
    [
      "wave",
      "level",
      "metric",
      "code",
      "name",
      "parent_code",
      "nation_code",
      "value",
      "lower",
      "upper",
      "numerator",
      "denominator",
      "status",
      "status_code",
      "organisations",
      "lower_bound",
      "comparison",
      "comparison_reason",
      "assessment",
      "nation_comparison",
      "nation_comparison_reason",
      "invited",
      "answered",
      "bound_lower",
      "bound_upper",
      "places_needed",
      "places_offered",
      "unmet_places",
      "courses_to_close",
      "teachers_to_close",
      "cost_to_close",
      "uk_value",
      "uk_lower",
      "uk_upper",
      "synthetic",
      "provisional",
    ],
    areas.map((a) => ({
      wave: view.wave,
      level: view.level,
      metric: view.metric,
      code: a.code,
      name: a.name,
      parent_code: a.parentCode,
      nation_code: a.nationCode ?? null,
      value: a.value,
      lower: a.lower,
      upper: a.upper,
      numerator: a.numerator,
      denominator: a.denominator,
      status: STATUS_WORDS[a.status],
      status_code: a.status,
      organisations: a.organisations ?? null,
      lower_bound: a.lowerBound ?? a.upperBound ?? null,
      comparison: COMPARISON_WORDS[a.comparison],
      comparison_reason: a.comparisonReason ? COMPARISON_REASON_WORDS[a.comparisonReason] : null,
      assessment: a.assessment,
      nation_comparison: a.nationComparison ? COMPARISON_WORDS[a.nationComparison] : null,
      nation_comparison_reason: a.nationComparisonReason
        ? COMPARISON_REASON_WORDS[a.nationComparisonReason]
        : null,
      invited: a.invited,
      answered: a.answered,
      bound_lower: a.boundLower ?? null,
      bound_upper: a.boundUpper ?? null,
      places_needed: a.need?.placesNeeded ?? null,
      places_offered: a.need?.placesOffered ?? null,
      unmet_places: a.need?.unmetPlaces ?? null,
      courses_to_close: a.need?.toClose.courses ?? null,
      teachers_to_close: a.need?.toClose.teachers ?? null,
      cost_to_close: a.need?.toClose.cost ?? null,
      uk_value: view.comparator.value,
      uk_lower: view.comparator.lower,
      uk_upper: view.comparator.upper,
      synthetic: view.synthetic,
      provisional: view.provisional ?? false,
    })),
  );
}

/** One row per area and wave of the trends view. */
export function trendsRows(
  view: TrendsResponse,
  syntheticWaves: ReadonlySet<string>,
  provisionalWaves: ReadonlySet<string> = new Set(),
): ExportTable {
  return table(
    [
      "metric",
      "level",
      "basis",
      "code",
      "name",
      "wave",
      "value",
      "lower",
      "upper",
      "numerator",
      "denominator",
      "status",
      "status_code",
      "organisations",
      "lower_bound",
      "changed",
      "rebased",
      "synthetic",
      "provisional",
    ],
    view.series.flatMap((s) =>
      s.points.map((p) => ({
        metric: view.metric,
        level: view.level,
        basis: view.basis,
        code: s.code,
        name: s.name,
        wave: p.wave,
        value: p.value,
        lower: p.lower,
        upper: p.upper,
        numerator: p.numerator,
        denominator: p.denominator,
        status: STATUS_WORDS[p.status],
        status_code: p.status,
        organisations: p.organisations ?? null,
        lower_bound: p.lowerBound ?? p.upperBound ?? null,
        changed: p.changed,
        rebased: p.rebased ?? null,
        synthetic: syntheticWaves.has(p.wave),
        provisional: provisionalWaves.has(p.wave),
      })),
    ),
  );
}

/** One row per gap, ranked gaps first (by unmet places), then the areas whose need is unknown (rank empty). */
export function gapsRows(view: GapsResponse): ExportTable {
  const common = (g: GapsResponse["unknown"][number]) => ({
    wave: view.wave,
    level: view.level,
    code: g.code,
    name: g.name,
    reasons: g.reasons.join(";"),
    detail: g.detail,
    places_needed: g.placesNeeded,
    invited: g.invited,
    answered: g.answered,
    adult_population: g.adultPopulation,
    synthetic: view.synthetic,
    provisional: view.provisional ?? false,
  });
  return table(
    [
      "wave",
      "level",
      "rank",
      "code",
      "name",
      "reasons",
      "detail",
      "unmet_places",
      "need_met_pct",
      "places_needed",
      "places_offered",
      "lower_bound",
      "courses_to_close",
      "teachers_to_close",
      "cost_to_close",
      "offering_pct",
      "places_per_100k",
      "uk_places_per_100k",
      "invited",
      "answered",
      "adult_population",
      "synthetic",
      "provisional",
    ],
    [
      ...view.gaps.map((g) => ({
        ...common(g),
        rank: g.rank,
        unmet_places: g.unmetPlaces,
        need_met_pct: g.needMetPct,
        places_offered: g.placesOffered,
        lower_bound: g.lowerBound,
        courses_to_close: g.toClose.courses,
        teachers_to_close: g.toClose.teachers,
        cost_to_close: g.toClose.cost,
        offering_pct: g.offeringPct,
        places_per_100k: g.placesPer100k,
        uk_places_per_100k: g.comparatorPlacesPer100k,
      })),
      ...view.unknown.map((g) => ({
        ...common(g),
        rank: null,
        unmet_places: null,
        need_met_pct: null,
        places_offered: null,
        lower_bound: null,
        courses_to_close: null,
        teachers_to_close: null,
        cost_to_close: null,
        offering_pct: null,
        places_per_100k: null,
        uk_places_per_100k: null,
      })),
    ],
  );
}

/** One row per organisation of the organisations view, by name as the organisation list shows them. */
export function organisationsRows(view: OrganisationsResponse): ExportTable {
  return table(
    [
      "wave",
      "code",
      "name",
      "type",
      "area_code",
      "area_name",
      "provision",
      "stage",
      "places_offered",
      "lat",
      "lon",
      "opened_on",
      "closed_on",
      "successor_code",
      "successor_name",
      "synthetic",
      "provisional",
    ],
    [...view.organisations].sort(byName).map((o) => ({
      wave: view.wave,
      code: o.code,
      name: o.name,
      type: o.type,
      area_code: o.areaCode,
      area_name: o.areaName,
      provision: o.provision,
      stage: o.stage,
      places_offered: o.placesOffered,
      lat: o.lat,
      lon: o.lon,
      opened_on: o.openedOn,
      closed_on: o.closedOn,
      successor_code: o.successorCode,
      successor_name: o.successorName ?? null,
      synthetic: view.synthetic,
      provisional: view.provisional ?? false,
    })),
  );
}

/** One row per movement between the two waves: stage moves first, then provision moves. */
export function transitionsRows(view: TransitionsResponse): ExportTable {
  const row = (dimension: string) => (t: { from: string; to: string; count: number }) => ({
    from_wave: view.from,
    to_wave: view.to,
    dimension,
    from: t.from,
    to: t.to,
    organisations: t.count,
    synthetic: view.synthetic,
    provisional: view.provisional ?? false,
  });
  return table(
    ["from_wave", "to_wave", "dimension", "from", "to", "organisations", "synthetic", "provisional"],
    [...view.stages.map(row("stage")), ...view.provision.map(row("provision"))],
  );
}

/** One row per facilitator or barrier and stage, with the count and the share of that stage's organisations. */
export function factorsRows(view: FactorsResponse): ExportTable {
  const organisations = new Map(view.stages.map((s) => [s.stage, s.organisations]));
  return table(
    ["wave", "kind", "factor", "stage", "count", "stage_organisations", "share", "synthetic", "provisional"],
    view.factors.flatMap((f) =>
      f.byStage.map((b) => ({
        wave: view.wave,
        kind: f.kind,
        factor: f.factor,
        stage: b.stage,
        count: b.count,
        stage_organisations: organisations.get(b.stage) ?? 0,
        share: b.share,
        synthetic: view.synthetic,
        provisional: view.provisional ?? false,
      })),
    ),
  );
}
