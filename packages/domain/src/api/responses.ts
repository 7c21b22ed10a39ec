import { z } from "zod";
import { NEED_PARAMETER_IDS, type NeedParameterId } from "../need/parameters";
import { AreaSchema, OrganisationSchema, WaveSchema } from "../reference";
import { WaveImportSchema } from "../survey-file/import-summary";
import { SurveyReturnSchema } from "../survey-return";
import { AREA_LEVELS, PROVISIONS, REPORT_LEVELS, STAGES } from "../vocabulary";
import { ReturnRevisionSchema, WAVE_STATES } from "./survey-ops";

/**
 * The wire contract of the public API: the server validates and documents with these (OpenAPI 3.1),
 * the web app parses responses with them. Change a shape here and both sides follow.
 */

export const VALUE_STATUSES = ["ok", "no_data", "not_applicable", "suppressed", "not_surveyed"] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

export const COMPARISONS = ["higher", "similar", "lower", "not_compared"] as const;
export type Comparison = (typeof COMPARISONS)[number];

/**
 * Why a value is `not_compared`: it has none (`no_value`); the metric is never compared (`not_comparable`);
 * the comparator is the same area (`same_area`); it rests on too few organisations (`too_few`) or people
 * (`too_few_people`); it is a lower bound that could only be called lower or similar (`lower_bound`); the
 * comparator has no value (`no_comparator`).
 */
export const COMPARISON_REASONS = [
  "no_value",
  "not_comparable",
  "same_area",
  "too_few",
  "too_few_people",
  "lower_bound",
  "no_comparator",
] as const;
export type ComparisonReason = (typeof COMPARISON_REASONS)[number];

export const POLARITIES = ["higher_is_better", "lower_is_better", "neither"] as const;
export type Polarity = (typeof POLARITIES)[number];

/** percent (0–100), a rate per 100,000 adults, weeks, or a count of places. */
export const METRIC_UNITS = ["percent", "per_100k", "weeks", "places"] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

export const ATTRIBUTION_SCHEMA = z.object({
  licence: z.string(),
  licenceUrl: z.string(),
  statements: z.array(z.string()),
});

export const HealthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.enum(["sqlite", "postgres"]),
  dataVersion: z.string(),
  waves: z.number().int(),
  synthetic: z.boolean(),
  version: z.string(),
});
export type Health = z.infer<typeof HealthSchema>;

/**
 * Sent on every response that carries a wave's values (coverage, trends, gaps, organisations in a wave and
 * journeys, factors, transitions, export): which of those waves are provisional (their values may still
 * change), so every view can say so, and with `include=drafts` which are drafts (not public yet).
 */
export const WAVE_FLAG_FIELDS = {
  /** True when any wave whose values this response carries is provisional. */
  provisional: z.boolean().optional(),
  /** The provisional waves among those this response carries, oldest first (empty when none). */
  provisionalWaves: z.array(z.string()).optional(),
  /** Admin reads (`include=drafts`) only: the draft waves among those this response carries. */
  draftWaves: z.array(z.string()).optional(),
};

export const WavesResponseSchema = z.object({
  waves: z.array(
    WaveSchema.extend({
      returns: z.number().int(),
      organisationsInvited: z.number().int(),
      /** Always sent: public reads list published waves only; `include=drafts` adds the drafts. */
      published: z.boolean(),
      provisional: z.boolean(),
      state: z.enum(WAVE_STATES),
      /** When the wave last became public (null for a draft). */
      publishedAt: z.string().nullable(),
    }),
  ),
  synthetic: z.boolean(),
});

export const AreasResponseSchema = z.object({
  level: z.enum(AREA_LEVELS).nullable(),
  areas: z.array(AreaSchema),
  attribution: ATTRIBUTION_SCHEMA,
});

/** Kinds of place in GET /api/places (the GSS geography each name comes from). */
export const PLACE_TYPES = [
  "local_authority_district_2024",
  "county_2023",
  "local_authority_2021",
  "council_area_2019",
  "local_government_district_2021",
] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

/**
 * A place people know by name (a local authority, county, council area or district) and the NHS local
 * area(s) serving it. A place split between areas lists each with its share, largest first; shares are
 * counts of small areas (LSOAs, data zones), not of people: good for "mostly", not for arithmetic.
 */
export const PlaceSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z.enum(PLACE_TYPES),
  nation: z.string(),
  areas: z.array(z.object({ code: z.string(), share: z.number().gt(0).lte(1) })).min(1),
  shareBasis: z.string(),
});
export type Place = z.infer<typeof PlaceSchema>;

export const PlacesResponseSchema = z.object({
  places: z.array(PlaceSchema),
  attribution: ATTRIBUTION_SCHEMA,
});

export const MetricSchema = z.object({
  id: z.string(),
  title: z.string(),
  definition: z.string(),
  numerator: z.string(),
  denominator: z.string(),
  unit: z.enum(METRIC_UNITS),
  polarity: z.enum(POLARITIES),
  fields: z.array(z.string()),
  /**
   * exact_binomial: Clopper–Pearson on a count of organisations or people; exact_poisson: Garwood on a count;
   * exact_poisson_clustered: Garwood on the count of courses (places) or teams (teachers), scaled up; none.
   */
  interval: z.enum(["exact_binomial", "exact_poisson", "exact_poisson_clustered", "none"]),
  countsPeople: z.boolean(),
  /** The smallest base on which values are compared (higher/lower); null: never compared. */
  comparison: z
    .object({ minOrganisations: z.number().int(), minPeople: z.number().int().nullable() })
    .nullable(),
  /** Need-model assumptions the metric depends on (query parameters of the same ids). */
  assumptions: z.array(z.enum(NEED_PARAMETER_IDS)).optional(),
  /** How the value and its interval are computed, in plain English (docs/statistics.md has the detail). */
  method: z.string().optional(),
  /** What a reader must know before comparing values (non-response, suppression, lower bounds). */
  caveats: z.array(z.string()).optional(),
});
export type Metric = z.infer<typeof MetricSchema>;

export const NeedParameterSchema = z.object({
  id: z.enum(NEED_PARAMETER_IDS),
  label: z.string(),
  unit: z.string(),
  default: z.number(),
  min: z.number(),
  max: z.number(),
  integer: z.boolean(),
  source: z.string(),
  note: z.string(),
});
/** The assumptions in force for a response (defaults unless the query changed them). */
export const NeedAssumptionsSchema = z.object(
  Object.fromEntries(NEED_PARAMETER_IDS.map((id) => [id, z.number()])) as Record<
    NeedParameterId,
    z.ZodNumber
  >,
);
export const MetricsResponseSchema = z.object({
  metrics: z.array(MetricSchema),
  /** The need model behind need_met_pct and unmet_places: its parameters and what the UK needs with them. */
  needModel: z.object({
    description: z.string(),
    parameters: z.array(NeedParameterSchema),
    assumptions: NeedAssumptionsSchema,
    uk: z.object({
      adults: z.number().int(),
      placesNeeded: z.number(),
      courses: z.number().int(),
      teachers: z.number().int(),
      cost: z.number(),
    }),
  }),
});

export const ComparatorSchema = z.object({
  code: z.string(),
  name: z.string(),
  value: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
});

/** What closing an area's gap would take a year, by the need model's assumptions. */
export const NeedFiguresSchema = z.object({
  /** Places needed a year (need model). */
  placesNeeded: z.number(),
  /** Places offered in the wave (a lower bound where lowerBound is true). */
  placesOffered: z.number().int(),
  /** Places needed minus offered, never below 0 (an upper bound where places offered are a lower bound). */
  unmetPlaces: z.number(),
  /** To close the gap: whole places, courses and trained teachers, and the cost a year (2015 prices). */
  toClose: z.object({
    places: z.number().int(),
    courses: z.number().int(),
    teachers: z.number().int(),
    cost: z.number(),
  }),
});
export type NeedFigures = z.infer<typeof NeedFiguresSchema>;

/** One estimate with its 95% interval, the counts behind it and why it may be missing: shared by every view. */
const ESTIMATE_FIELDS = {
  value: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  status: z.enum(VALUE_STATUSES),
  /** How many organisations the value rests on (answering, or reporting the figure), so small bases show. */
  organisations: z.number().int().optional(),
  /** Counts: some organisations did not answer or left the figure blank, so the value is at least this. */
  lowerBound: z.boolean().optional(),
  /** unmet_places: the places offered are a lower bound, so the unmet places are at most this. */
  upperBound: z.boolean().optional(),
  /** Need metrics (need_met_pct, unmet_places): the places needed and what closing the gap would take. */
  need: NeedFiguresSchema.optional(),
};

export const AreaValueSchema = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  ...ESTIMATE_FIELDS,
  comparison: z.enum(COMPARISONS),
  /** Why the value is not compared with the UK; null when it is. */
  comparisonReason: z.enum(COMPARISON_REASONS).nullable(),
  /** `better`, `worse` or `similar` by the metric's polarity; `not_compared` where it has none or no value. */
  assessment: z.enum(["better", "similar", "worse", "not_compared"]),
  /** Organisations invited (rows in the wave) and answering (provision routine/limited/paused/none). */
  invited: z.number().int(),
  answered: z.number().int(),
  /**
   * The range the value could take with the missing answers filled in. Shares: every non-respondent offering
   * (upper) or none (lower). Places, teachers, need_met_pct and unmet_places: each missing organisation
   * offering as many as the most any organisation reported in the wave (upper) or none (lower).
   */
  boundLower: z.number().nullable().optional(),
  boundUpper: z.number().nullable().optional(),
  /** The nation the area is in (null for a nation) and the value classed against that nation's. */
  nationCode: z.string().nullable().optional(),
  nationComparison: z.enum(COMPARISONS).optional(),
  nationComparisonReason: z.enum(COMPARISON_REASONS).nullable().optional(),
});
export type AreaValue = z.infer<typeof AreaValueSchema>;

export const CoverageResponseSchema = z.object({
  wave: z.string(),
  level: z.enum(REPORT_LEVELS),
  metric: z.string(),
  synthetic: z.boolean(),
  /** Need metrics: the assumptions the figures were computed with. */
  assumptions: NeedAssumptionsSchema.optional(),
  ...WAVE_FLAG_FIELDS,
  comparator: ComparatorSchema,
  nations: z.array(ComparatorSchema),
  areas: z.array(AreaValueSchema),
});
export type CoverageResponse = z.infer<typeof CoverageResponseSchema>;

export const TrendPointSchema = z.object({
  wave: z.string(),
  ...ESTIMATE_FIELDS,
  /** True where the area's organisations changed (a merger) between the previous wave and this one. */
  changed: z.boolean(),
  /** basis=current only: true where the point counts returns moved here from a predecessor's place. */
  rebased: z.boolean().optional(),
});
export const TrendsResponseSchema = z.object({
  metric: z.string(),
  level: z.enum(REPORT_LEVELS),
  basis: z.enum(["recorded", "current"]),
  synthetic: z.boolean(),
  /** Need metrics: the assumptions the figures were computed with. */
  assumptions: NeedAssumptionsSchema.optional(),
  ...WAVE_FLAG_FIELDS,
  series: z.array(z.object({ code: z.string(), name: z.string(), points: z.array(TrendPointSchema) })),
});
export type TrendsResponse = z.infer<typeof TrendsResponseSchema>;

/**
 * no_offer: organisations answered and none offers MBCT; unmet_need: places offered fall short of the places
 * needed; lost_provision: an organisation that offered MBCT last wave no longer does; low_places: places per
 * 100,000 far below the UK's (and the comparison can carry it); unknown: nobody answered.
 */
export const GAP_REASONS = ["no_offer", "unmet_need", "lost_provision", "low_places", "unknown"] as const;
const GapCommonFields = {
  code: z.string(),
  name: z.string(),
  reasons: z.array(z.enum(GAP_REASONS)),
  /** The reasons in words, with the counts behind them. */
  detail: z.string(),
  adultPopulation: z.number().int(),
  invited: z.number().int(),
  answered: z.number().int(),
  placesNeeded: z.number(),
};
export const GapsResponseSchema = z.object({
  wave: z.string(),
  level: z.enum(REPORT_LEVELS),
  synthetic: z.boolean(),
  ...WAVE_FLAG_FIELDS,
  assumptions: NeedAssumptionsSchema,
  /** Areas (or organisations) where something is known to be missing, ranked by unmet places, largest first. */
  gaps: z.array(
    z.object({
      rank: z.number().int(),
      ...GapCommonFields,
      unmetPlaces: z.number(),
      needMetPct: z.number(),
      placesOffered: z.number().int(),
      /** Some organisations did not answer or left places blank: places offered are at least, unmet at most. */
      lowerBound: z.boolean(),
      toClose: NeedFiguresSchema.shape.toClose,
      offeringPct: z.number().nullable(),
      placesPer100k: z.number().nullable(),
      comparatorPlacesPer100k: z.number().nullable(),
    }),
  ),
  /** Areas where nobody answered (or nobody was surveyed): listed apart, never ranked among the known. */
  unknown: z.array(z.object(GapCommonFields)),
});

/**
 * A real national series shown beside the survey as context (GET /api/context): a different measure, with its
 * own source and licence; never synthetic and never merged with survey values.
 */
export const ContextSeriesSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** What is counted, exactly. */
  measure: z.string(),
  /** How it differs from the survey's measures (so nobody reads one as the other). */
  differsFromSurvey: z.string(),
  geography: z.string(),
  unit: z.string(),
  synthetic: z.literal(false),
  publisher: z.string(),
  source: z.string(),
  sourceColumn: z.string(),
  licence: z.string(),
  licenceUrl: z.string(),
  attribution: z.string(),
  points: z.array(
    z.object({
      /** Financial year, e.g. 2023-24. */
      period: z.string(),
      start: z.string(),
      end: z.string(),
      value: z.number().int(),
      /** The same count for every therapy type, for scale. */
      allTherapyTypes: z.number().int(),
    }),
  ),
});
export type ContextSeries = z.infer<typeof ContextSeriesSchema>;
export const ContextResponseSchema = z.object({ series: z.array(ContextSeriesSchema) });

export const JourneyStepSchema = SurveyReturnSchema.omit({ orgCode: true }).extend({
  /** Pivot events derived from the change since the organisation's previous return. */
  events: z.array(z.string()),
  /** Fields nulled by disclosure control (counts of people from 1 to 4, and secondary suppression). */
  suppressedFields: z.array(z.string()).optional(),
});
export const OrganisationSummarySchema = OrganisationSchema.extend({
  areaName: z.string(),
  provision: z.enum(PROVISIONS).nullable(),
  stage: z.enum(STAGES).nullable(),
  placesOffered: z.number().int().nullable(),
  /** The successor's name beside its code (null without one). Always sent by the API. */
  successorName: z.string().nullable().optional(),
});
/**
 * GET /api/organisations: with `wave`, the organisations that existed in that wave with their answers;
 * without it, the register: every organisation in the reference data (`wave: null`, no answers).
 */
export const OrganisationsResponseSchema = z.object({
  wave: z.string().nullable(),
  area: z.string().nullable(),
  synthetic: z.boolean(),
  ...WAVE_FLAG_FIELDS,
  organisations: z.array(OrganisationSummarySchema),
});
export type OrganisationsResponse = z.infer<typeof OrganisationsResponseSchema>;
export const OrganisationDetailSchema = z.object({
  organisation: OrganisationSchema,
  area: AreaSchema,
  predecessors: z.array(OrganisationSchema),
  successor: OrganisationSchema.nullable(),
  synthetic: z.boolean(),
  ...WAVE_FLAG_FIELDS,
  journey: z.array(JourneyStepSchema),
  /**
   * Every recorded change to this organisation's returns (added, changed, removed), newest first, in the
   * waves the caller may see: when, which file, who, what action and which fields. Always sent by the API.
   */
  revisions: z.array(ReturnRevisionSchema).optional(),
});

export const FactorsResponseSchema = z.object({
  wave: z.string(),
  synthetic: z.boolean(),
  ...WAVE_FLAG_FIELDS,
  stages: z.array(z.object({ stage: z.enum(STAGES), organisations: z.number().int() })),
  factors: z.array(
    z.object({
      kind: z.enum(["facilitator", "barrier"]),
      factor: z.string(),
      byStage: z.array(
        z.object({ stage: z.enum(STAGES), count: z.number().int(), share: z.number().nullable() }),
      ),
      total: z.number().int(),
    }),
  ),
});

export const TransitionsResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  synthetic: z.boolean(),
  ...WAVE_FLAG_FIELDS,
  stages: z.array(z.object({ from: z.string(), to: z.string(), count: z.number().int() })),
  provision: z.array(z.object({ from: z.string(), to: z.string(), count: z.number().int() })),
});

export const EXPORT_VIEWS = [
  "coverage",
  "trends",
  "gaps",
  "organisations",
  "transitions",
  "factors",
] as const;
/** GET /api/export?format=json: exactly the rows of a view, with where they came from and on what terms. */
export const ExportResponseSchema = z.object({
  view: z.enum(EXPORT_VIEWS),
  synthetic: z.boolean(),
  ...WAVE_FLAG_FIELDS,
  /** Warnings the rows need: that they are synthetic (not real survey results), provisional, or from draft waves. */
  notice: z.string().nullable(),
  sources: z.array(z.string()),
  licence: z.string(),
  licenceUrl: z.string(),
  attribution: z.array(z.string()),
  /** The view's parameters after defaults, e.g. { wave: "2024", level: "local", metric: "offering_pct" }. */
  filters: z.record(z.string(), z.string()),
  exportedAt: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
});
export type ExportResponse = z.infer<typeof ExportResponseSchema>;

/** RFC 9457 problem details, with where the problem was. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z
    .array(
      z.object({
        message: z.string(),
        parameter: z.string().optional(),
        file: z.string().optional(),
        /** The workbook sheet (XLSX survey files). */
        sheet: z.string().optional(),
        row: z.number().int().optional(),
        column: z.string().optional(),
        /** The offending value (survey file cells: shortened to 100 characters). */
        value: z.string().optional(),
        allowed: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  /** An import refused until confirmed: what it would have done to each wave (the diff), as in a dry run. */
  waves: z.array(WaveImportSchema).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
