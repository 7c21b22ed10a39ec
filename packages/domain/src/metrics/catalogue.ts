import type { Metric } from "../api/responses";
import { NEED_PARAMETER_IDS } from "../need/parameters";
import { MIN_ORGANISATIONS_TO_COMPARE, MIN_PEOPLE_TO_COMPARE } from "./compare-rules";

/** Every metric the atlas computes, in the order they are offered to people. */
export const METRIC_IDS = [
  "offering_pct",
  "need_met_pct",
  "unmet_places",
  "routine_pct",
  "sustainable_pct",
  "response_pct",
  "places_per_100k",
  "teachers_per_100k",
  "participants_per_100k",
  "completion_pct",
  "median_wait_weeks",
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/** Organisations that count as answering: provision `routine`, `limited`, `paused` or `none`. */
const ANSWERING_DENOMINATOR =
  "Answering organisations: provision routine, limited, paused or none (not_applicable, no_response and withheld returns are left out)";

/** The value if every organisation that did not answer had (upper) or had not (lower) been counted. */
const nonResponseCaveat = (counted: string) =>
  `Organisations that did not respond (no_response) or withheld their return are not in the denominator; the non-response bounds show the value if all of them, or none of them, ${counted}.`;
const LOWER_BOUND_CAVEAT =
  "Counts only organisations that answered and reported the figure, so where some did not it is a lower bound (lowerBound: true); see `answered` against `invited`.";
const PLACES_INTERVAL_CAVEAT =
  "Places come in courses, so the interval counts courses (courses_run, or one per 12 places where it was not given), not places, as the independent unit.";
const TEACHERS_INTERVAL_CAVEAT =
  "Teachers work in teams, so the interval counts teams (organisations with at least one active teacher), not teachers, as the independent unit.";
const PER_100K_ORG =
  "At organisation level a rate per 100,000 is not meaningful (several organisations can serve one population), so it is reported as not_applicable.";
const SUPPRESSION_CAVEAT =
  "Counts of people from 1 to 4 are suppressed (status suppressed) at every level, with further cells suppressed where a small count could otherwise be worked out from any combination of published figures.";
const COMPARISON_CAVEAT = `Values resting on fewer than ${MIN_ORGANISATIONS_TO_COMPARE} answering organisations are not compared (comparisonReason too_few).`;
const PEOPLE_COMPARISON_CAVEAT = `Values resting on fewer than ${MIN_ORGANISATIONS_TO_COMPARE} answering organisations or fewer than ${MIN_PEOPLE_TO_COMPARE} people are not compared (too_few, too_few_people).`;
const NEED_CAVEAT =
  "Places needed come from the need model (GET /api/metrics `needModel`): a modelled estimate from national figures scaled by adult population, not a local count of people waiting. Change the assumptions with the query parameters named there.";
const NEED_ORG =
  "At organisation level the places needed are its local area's, shared equally among the organisations there that have a return in the wave and are not not_applicable.";

const SHARE_COMPARISON = { minOrganisations: MIN_ORGANISATIONS_TO_COMPARE, minPeople: null };
const PEOPLE_COMPARISON = {
  minOrganisations: MIN_ORGANISATIONS_TO_COMPARE,
  minPeople: MIN_PEOPLE_TO_COMPARE,
};
const EXACT_BINOMIAL = `95% exact (Clopper–Pearson) interval on the count of organisations, as the counts are small: most local areas rest on one to four organisations.`;

/**
 * The metric catalogue served at GET /api/metrics (ordered as METRIC_IDS). Definitions are exact: the aggregation code in this
 * folder implements them word for word, and docs/statistics.md repeats them with the sources.
 */
const UNORDERED: readonly Metric[] = [
  {
    id: "offering_pct",
    title: "Organisations offering MBCT",
    definition:
      "The percentage of answering organisations whose provision is routine or limited. Answering organisations are those whose provision is routine, limited, paused or none.",
    numerator: "Organisations with provision routine or limited",
    denominator: ANSWERING_DENOMINATOR,
    unit: "percent",
    polarity: "higher_is_better",
    fields: ["provision"],
    interval: "exact_binomial",
    countsPeople: false,
    method: EXACT_BINOMIAL,
    comparison: SHARE_COMPARISON,
    caveats: [nonResponseCaveat("offered MBCT"), COMPARISON_CAVEAT],
  },
  {
    id: "routine_pct",
    title: "Organisations offering MBCT routinely",
    definition:
      "The percentage of answering organisations whose provision is routine (courses run as part of a care pathway).",
    numerator: "Organisations with provision routine",
    denominator: ANSWERING_DENOMINATOR,
    unit: "percent",
    polarity: "higher_is_better",
    fields: ["provision"],
    interval: "exact_binomial",
    countsPeople: false,
    method: EXACT_BINOMIAL,
    comparison: SHARE_COMPARISON,
    caveats: [nonResponseCaveat("offered MBCT routinely"), COMPARISON_CAVEAT],
  },
  {
    id: "sustainable_pct",
    title: "Organisations at the sustainable stage",
    definition:
      "The percentage of answering organisations whose implementation stage is sustainable (ASPIRE stages). An answering organisation that gave no stage counts as not sustainable.",
    numerator: "Answering organisations with stage sustainable",
    denominator: ANSWERING_DENOMINATOR,
    unit: "percent",
    polarity: "higher_is_better",
    fields: ["provision", "stage"],
    interval: "exact_binomial",
    countsPeople: false,
    method: EXACT_BINOMIAL,
    comparison: SHARE_COMPARISON,
    caveats: [nonResponseCaveat("were at the sustainable stage"), COMPARISON_CAVEAT],
  },
  {
    id: "response_pct",
    title: "Survey response",
    definition:
      "The percentage of invited organisations (those with a row in the wave) that replied: every provision except no_response counts as a reply, including not_applicable and withheld.",
    numerator: "Invited organisations whose provision is not no_response",
    denominator: "Organisations invited in the wave (every row of the wave)",
    unit: "percent",
    polarity: "higher_is_better",
    fields: ["provision"],
    interval: "exact_binomial",
    countsPeople: false,
    method: "95% exact (Clopper–Pearson) interval on the count of invited organisations.",
    comparison: SHARE_COMPARISON,
    caveats: [
      `Values resting on fewer than ${MIN_ORGANISATIONS_TO_COMPARE} invited organisations are not compared (too_few).`,
    ],
  },
  {
    id: "places_per_100k",
    title: "MBCT places per 100,000 adults",
    definition:
      "Places offered on MBCT courses in the wave's year by answering organisations in the area, per 100,000 adults (18+) living in the area. A blank places_offered counts as 0 where provision is paused or none and as unknown (left out) where it is routine or limited.",
    numerator: "Sum of places_offered over answering organisations in the area",
    denominator: "Adult (18+) population of the area (reference data)",
    unit: "per_100k",
    polarity: "higher_is_better",
    fields: ["provision", "places_offered", "courses_run"],
    interval: "exact_poisson_clustered",
    countsPeople: false,
    method:
      "95% exact Poisson interval (Garwood 1936) on the number of courses, times the places per course, scaled to the population.",
    comparison: SHARE_COMPARISON,
    caveats: [LOWER_BOUND_CAVEAT, PLACES_INTERVAL_CAVEAT, COMPARISON_CAVEAT, PER_100K_ORG],
  },
  {
    id: "teachers_per_100k",
    title: "Active MBCT teachers per 100,000 adults",
    definition:
      "Teachers currently delivering MBCT (teachers_active) at answering organisations in the area, per 100,000 adults (18+) living in the area. A blank counts as 0 where provision is paused or none and as unknown where it is routine or limited.",
    numerator: "Sum of teachers_active over answering organisations in the area",
    denominator: "Adult (18+) population of the area (reference data)",
    unit: "per_100k",
    polarity: "higher_is_better",
    fields: ["provision", "teachers_active"],
    interval: "exact_poisson_clustered",
    countsPeople: false,
    method:
      "95% exact Poisson interval on the number of teams (organisations with active teachers), times the teachers per team, scaled to the population.",
    comparison: SHARE_COMPARISON,
    caveats: [LOWER_BOUND_CAVEAT, TEACHERS_INTERVAL_CAVEAT, COMPARISON_CAVEAT, PER_100K_ORG],
  },
  {
    id: "participants_per_100k",
    title: "People starting MBCT per 100,000 adults",
    definition:
      "Participants who started an MBCT course (participants_started) at answering organisations in the area, per 100,000 adults (18+) living in the area. A blank counts as 0 where provision is paused or none and as unknown where it is routine or limited.",
    numerator: "Sum of participants_started over answering organisations in the area",
    denominator: "Adult (18+) population of the area (reference data)",
    unit: "per_100k",
    polarity: "higher_is_better",
    fields: ["provision", "participants_started"],
    interval: "exact_poisson",
    countsPeople: true,
    method: "95% exact Poisson interval (Garwood 1936) on the count of people, scaled to the population.",
    comparison: PEOPLE_COMPARISON,
    caveats: [LOWER_BOUND_CAVEAT, SUPPRESSION_CAVEAT, PEOPLE_COMPARISON_CAVEAT, PER_100K_ORG],
  },
  {
    id: "completion_pct",
    title: "Course completion",
    definition:
      "Of the participants who started MBCT at answering organisations that reported both participants_started and participants_completed, the percentage who completed the course.",
    numerator: "Sum of participants_completed (organisations reporting both counts)",
    denominator: "Sum of participants_started (the same organisations)",
    unit: "percent",
    polarity: "higher_is_better",
    fields: ["provision", "participants_started", "participants_completed"],
    interval: "exact_binomial",
    countsPeople: true,
    method:
      "95% exact (Clopper–Pearson) interval, treating participants as independent (they are grouped in courses, so the true variation is larger).",
    comparison: PEOPLE_COMPARISON,
    caveats: [SUPPRESSION_CAVEAT, PEOPLE_COMPARISON_CAVEAT],
  },
  {
    id: "median_wait_weeks",
    title: "Median wait for MBCT",
    definition:
      "The median, across organisations offering MBCT (provision routine or limited) that reported one, of each organisation's median wait in weeks from referral to the start of a course. It is a median of medians, not the median wait of all patients.",
    numerator: "Each offering organisation's median_wait_weeks",
    denominator: "Offering organisations that reported a median wait",
    unit: "weeks",
    polarity: "lower_is_better",
    fields: ["provision", "median_wait_weeks"],
    interval: "none",
    countsPeople: false,
    method:
      "No interval: organisations report only their median, so the spread of waits is unknown. Not compared.",
    comparison: null,
    caveats: ["Organisations weigh equally whatever their size."],
  },
  {
    id: "need_met_pct",
    title: "Need met: places offered as a share of places needed",
    definition:
      "Places offered on MBCT courses in the wave (as in places_per_100k) as a percentage of the places needed a year by the need model: adults at risk of recurrent depression × the share to commission, scaled to the area by its adult population.",
    numerator: "Sum of places_offered over answering organisations in the area",
    denominator: "Places needed a year (need model)",
    unit: "percent",
    polarity: "higher_is_better",
    fields: ["provision", "places_offered", "courses_run"],
    interval: "exact_poisson_clustered",
    countsPeople: false,
    method:
      "The places interval (exact Poisson on courses, times places per course) divided by the places needed; the need itself is an assumption, not an estimate with an interval.",
    comparison: SHARE_COMPARISON,
    assumptions: [...NEED_PARAMETER_IDS],
    caveats: [NEED_CAVEAT, LOWER_BOUND_CAVEAT, PLACES_INTERVAL_CAVEAT, COMPARISON_CAVEAT, NEED_ORG],
  },
  {
    id: "unmet_places",
    title: "Unmet need: places a year still to provide",
    definition:
      "Places needed a year by the need model minus the places offered in the wave, never below 0. The panel also gives what closing the gap would take: courses, trained teachers and cost a year.",
    numerator: "Places needed (need model) minus the sum of places_offered",
    denominator: "None: a count of places",
    unit: "places",
    polarity: "lower_is_better",
    fields: ["provision", "places_offered", "courses_run"],
    interval: "exact_poisson_clustered",
    countsPeople: false,
    method:
      "Places needed minus the places interval. Not compared with other areas: a count of places grows with the population, so the UK's is no benchmark; compare need_met_pct instead.",
    comparison: null,
    assumptions: [...NEED_PARAMETER_IDS],
    caveats: [
      NEED_CAVEAT,
      "Where returns are missing the places offered are a lower bound, so the unmet places are an upper bound (upperBound: true).",
      NEED_ORG,
    ],
  },
];

export const METRICS: readonly Metric[] = [...UNORDERED].sort(
  (a, b) => METRIC_IDS.indexOf(a.id as MetricId) - METRIC_IDS.indexOf(b.id as MetricId),
);

const BY_ID = new Map(METRICS.map((m) => [m.id, m]));

/** The catalogue entry for an id; throws for an unknown id (callers validate input first). */
export function getMetric(id: MetricId): Metric {
  const metric = BY_ID.get(id);
  if (!metric) throw new Error(`unknown metric ${id}`);
  return metric;
}

export function isMetricId(id: string): id is MetricId {
  return BY_ID.has(id);
}
