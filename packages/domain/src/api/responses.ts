import { z } from "zod";
import { AreaSchema, OrganisationSchema, WaveSchema } from "../reference";
import { SurveyReturnSchema } from "../survey-return";
import { AREA_LEVELS, PROVISIONS, REPORT_LEVELS, STAGES } from "../vocabulary";

/**
 * The wire contract of the public API: the server validates and documents with these (OpenAPI 3.1),
 * the web app parses responses with them. Change a shape here and both sides follow.
 */

export const VALUE_STATUSES = ["ok", "no_data", "not_applicable", "suppressed", "not_surveyed"] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

export const COMPARISONS = ["higher", "similar", "lower", "not_compared"] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const POLARITIES = ["higher_is_better", "lower_is_better", "neither"] as const;
export type Polarity = (typeof POLARITIES)[number];

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

export const WavesResponseSchema = z.object({
  waves: z.array(WaveSchema.extend({ returns: z.number().int(), organisationsInvited: z.number().int() })),
  synthetic: z.boolean(),
});

export const AreasResponseSchema = z.object({
  level: z.enum(AREA_LEVELS).nullable(),
  areas: z.array(AreaSchema),
  attribution: ATTRIBUTION_SCHEMA,
});

export const MetricSchema = z.object({
  id: z.string(),
  title: z.string(),
  definition: z.string(),
  numerator: z.string(),
  denominator: z.string(),
  unit: z.enum(["percent", "per_100k", "weeks"]),
  polarity: z.enum(POLARITIES),
  fields: z.array(z.string()),
  interval: z.enum(["wilson", "byar", "poisson", "none"]),
  countsPeople: z.boolean(),
  /** How the value and its interval are computed, in plain English (docs/statistics.md has the detail). */
  method: z.string().optional(),
  /** What a reader must know before comparing values (non-response, suppression, lower bounds). */
  caveats: z.array(z.string()).optional(),
});
export type Metric = z.infer<typeof MetricSchema>;
export const MetricsResponseSchema = z.object({ metrics: z.array(MetricSchema) });

export const ComparatorSchema = z.object({
  code: z.string(),
  name: z.string(),
  value: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
});

/** One estimate with its 95% interval, the counts behind it and why it may be missing: shared by every view. */
const ESTIMATE_FIELDS = {
  value: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  status: z.enum(VALUE_STATUSES),
};

export const AreaValueSchema = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  ...ESTIMATE_FIELDS,
  comparison: z.enum(COMPARISONS),
  /** `better`, `worse` or `similar` by the metric's polarity; `not_compared` where it has none or no value. */
  assessment: z.enum(["better", "similar", "worse", "not_compared"]),
  /** Organisations invited (rows in the wave) and answering (provision routine/limited/paused/none). */
  invited: z.number().int(),
  answered: z.number().int(),
  /** Non-response bounds for proportion metrics: the value if every non-respondent offered, and if none did. */
  boundLower: z.number().nullable().optional(),
  boundUpper: z.number().nullable().optional(),
  /** The nation the area is in (null for a nation) and the value classed against that nation's. */
  nationCode: z.string().nullable().optional(),
  nationComparison: z.enum(COMPARISONS).optional(),
});
export type AreaValue = z.infer<typeof AreaValueSchema>;

export const CoverageResponseSchema = z.object({
  wave: z.string(),
  level: z.enum(REPORT_LEVELS),
  metric: z.string(),
  synthetic: z.boolean(),
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
  series: z.array(z.object({ code: z.string(), name: z.string(), points: z.array(TrendPointSchema) })),
});
export type TrendsResponse = z.infer<typeof TrendsResponseSchema>;

export const GAP_REASONS = ["no_offer", "low_places", "lost_provision", "unknown"] as const;
export const GapsResponseSchema = z.object({
  wave: z.string(),
  level: z.enum(REPORT_LEVELS),
  synthetic: z.boolean(),
  gaps: z.array(
    z.object({
      rank: z.number().int(),
      code: z.string(),
      name: z.string(),
      reasons: z.array(z.enum(GAP_REASONS)),
      detail: z.string(),
      offeringPct: z.number().nullable(),
      placesPer100k: z.number().nullable(),
      comparatorPlacesPer100k: z.number().nullable(),
      adultPopulation: z.number().int(),
    }),
  ),
});

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
});
export const OrganisationsResponseSchema = z.object({
  wave: z.string(),
  area: z.string().nullable(),
  synthetic: z.boolean(),
  organisations: z.array(OrganisationSummarySchema),
});
export type OrganisationsResponse = z.infer<typeof OrganisationsResponseSchema>;
export const OrganisationDetailSchema = z.object({
  organisation: OrganisationSchema,
  area: AreaSchema,
  predecessors: z.array(OrganisationSchema),
  successor: OrganisationSchema.nullable(),
  synthetic: z.boolean(),
  journey: z.array(JourneyStepSchema),
});

export const FactorsResponseSchema = z.object({
  wave: z.string(),
  synthetic: z.boolean(),
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
  /** Present when synthetic: a plain statement that the values are not real survey results. */
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
});
export type Problem = z.infer<typeof ProblemSchema>;
