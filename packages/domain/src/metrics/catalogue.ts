import type { Metric } from "../api/responses";

/** Every metric the atlas computes, in the order they are offered to people. */
export const METRIC_IDS = [
  "offering_pct",
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

const NON_RESPONSE_CAVEAT =
  "Organisations that did not respond (no_response) or withheld their return are not in the denominator; the non-response bounds show the value if all of them, or none of them, offered MBCT.";
const LOWER_BOUND_CAVEAT =
  "Counts only organisations that answered and reported the figure, so where some did not it is a lower bound; see `answered` against `invited`.";
const POISSON_CAVEAT =
  "The interval treats the count as a Poisson count; places and teachers come in groups (courses, teams), so the true variation is larger than the interval shows.";
const PER_100K_ORG =
  "At organisation level a rate per 100,000 is not meaningful (several organisations can serve one population), so it is reported as not_applicable.";
const SUPPRESSION_CAVEAT =
  "Counts of people from 1 to 4 are suppressed (status suppressed) at every level, with further cells suppressed where a small count could otherwise be worked out by subtraction.";

/**
 * The metric catalogue served at GET /api/metrics. Definitions are exact: the aggregation code in this
 * folder implements them word for word, and docs/statistics.md repeats them with the sources.
 */
export const METRICS: readonly Metric[] = [
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
    interval: "wilson",
    countsPeople: false,
    method: "95% Wilson score interval (Newcombe 1998), as Fingertips uses for proportions.",
    caveats: [NON_RESPONSE_CAVEAT],
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
    interval: "wilson",
    countsPeople: false,
    method: "95% Wilson score interval.",
    caveats: [NON_RESPONSE_CAVEAT],
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
    interval: "wilson",
    countsPeople: false,
    method: "95% Wilson score interval.",
    caveats: [NON_RESPONSE_CAVEAT],
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
    interval: "wilson",
    countsPeople: false,
    method: "95% Wilson score interval.",
    caveats: [],
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
    fields: ["provision", "places_offered"],
    interval: "poisson",
    countsPeople: false,
    method: "95% exact Poisson interval on the count (Garwood 1936), scaled to the population.",
    caveats: [LOWER_BOUND_CAVEAT, POISSON_CAVEAT, PER_100K_ORG],
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
    interval: "poisson",
    countsPeople: false,
    method: "95% exact Poisson interval on the count, scaled to the population.",
    caveats: [LOWER_BOUND_CAVEAT, POISSON_CAVEAT, PER_100K_ORG],
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
    interval: "poisson",
    countsPeople: true,
    method: "95% exact Poisson interval on the count (Garwood 1936), scaled to the population.",
    caveats: [LOWER_BOUND_CAVEAT, SUPPRESSION_CAVEAT, PER_100K_ORG],
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
    interval: "wilson",
    countsPeople: true,
    method: "95% Wilson score interval, treating participants as independent.",
    caveats: [SUPPRESSION_CAVEAT],
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
    caveats: ["Organisations weigh equally whatever their size."],
  },
];

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
