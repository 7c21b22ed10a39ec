import type { SurveyReturn } from "../survey-return";
import { ANSWERING_PROVISIONS, OFFERING_PROVISIONS } from "../vocabulary";

/**
 * A count summed over answering organisations. A blank value counts as 0 where the organisation does not
 * offer MBCT (paused or none: nothing to count) and as unknown where it does (routine or limited).
 */
export interface CountSum {
  sum: number;
  /** Answering organisations whose value is known (reported, or implied 0). */
  known: number;
  /** Answering organisations that reported the value (implied zeros are public knowledge, not data). */
  reported: number;
  /** Offering organisations that left it blank. */
  missing: number;
  /** The largest value one organisation reported (0 when none did). */
  max: number;
}

/** What one node's returns add up to. Withheld returns add only to `invited`, `replied` and `withheld`. */
export interface Tally {
  invited: number;
  replied: number;
  answered: number;
  notApplicable: number;
  noResponse: number;
  withheld: number;
  offering: number;
  routine: number;
  sustainable: number;
  places: CountSum;
  teachers: CountSum;
  started: CountSum;
  /**
   * Courses behind the known places: courses_run where reported, else one per 12 places (at least one
   * where places were offered); the counting unit of the places interval.
   */
  courses: number;
  /** Organisations with at least one active teacher: the counting unit (teams) of the teachers interval. */
  teams: number;
  /** Organisations that reported both participants_started and participants_completed, and their sums. */
  pairOrganisations: number;
  pairStarted: number;
  pairCompleted: number;
  /** Offering organisations' own median waits. */
  waits: number[];
}

/** Places per course assumed where an organisation gave places but not courses (NICE's 8–15, middle). */
export const PLACES_PER_COURSE_ASSUMED = 12;

const emptyCount = (): CountSum => ({ sum: 0, known: 0, reported: 0, missing: 0, max: 0 });

export function emptyTally(): Tally {
  return {
    invited: 0,
    replied: 0,
    answered: 0,
    notApplicable: 0,
    noResponse: 0,
    withheld: 0,
    offering: 0,
    routine: 0,
    sustainable: 0,
    places: emptyCount(),
    teachers: emptyCount(),
    started: emptyCount(),
    courses: 0,
    teams: 0,
    pairOrganisations: 0,
    pairStarted: 0,
    pairCompleted: 0,
    waits: [],
  };
}

function addCount(target: CountSum, value: number | null, offering: boolean): void {
  if (value !== null) {
    target.sum += value;
    target.known += 1;
    target.reported += 1;
    target.max = Math.max(target.max, value);
  } else if (offering) target.missing += 1;
  else target.known += 1;
}

/** Courses one organisation's known places count as (see Tally.courses). */
function coursesFor(row: SurveyReturn): number {
  const places = row.placesOffered ?? 0;
  if (places === 0) return 0;
  return row.coursesRun ?? Math.max(1, Math.round(places / PLACES_PER_COURSE_ASSUMED));
}

/** Adds one return to a tally. */
export function addReturn(tally: Tally, row: SurveyReturn): void {
  tally.invited += 1;
  if (row.provision !== "no_response") tally.replied += 1;
  if (row.provision === "not_applicable") tally.notApplicable += 1;
  if (row.provision === "no_response") tally.noResponse += 1;
  if (row.provision === "withheld") tally.withheld += 1;
  if (!ANSWERING_PROVISIONS.includes(row.provision)) return;
  const offering = OFFERING_PROVISIONS.includes(row.provision);
  tally.answered += 1;
  if (offering) tally.offering += 1;
  if (row.provision === "routine") tally.routine += 1;
  if (row.stage === "sustainable") tally.sustainable += 1;
  addCount(tally.places, row.placesOffered, offering);
  addCount(tally.teachers, row.teachersActive, offering);
  addCount(tally.started, row.participantsStarted, offering);
  tally.courses += coursesFor(row);
  if ((row.teachersActive ?? 0) > 0) tally.teams += 1;
  if (row.participantsStarted !== null && row.participantsCompleted !== null) {
    tally.pairOrganisations += 1;
    tally.pairStarted += row.participantsStarted;
    tally.pairCompleted += row.participantsCompleted;
  }
  if (offering && row.medianWaitWeeks !== null) tally.waits.push(row.medianWaitWeeks);
}

/** Adds a child's tally into its parent's. */
export function addTally(target: Tally, source: Tally): void {
  for (const key of [
    "invited",
    "replied",
    "answered",
    "notApplicable",
    "noResponse",
    "withheld",
    "offering",
    "routine",
    "sustainable",
    "courses",
    "teams",
    "pairOrganisations",
    "pairStarted",
    "pairCompleted",
  ] as const) {
    target[key] += source[key];
  }
  for (const key of ["places", "teachers", "started"] as const) {
    target[key].sum += source[key].sum;
    target[key].known += source[key].known;
    target[key].reported += source[key].reported;
    target[key].missing += source[key].missing;
    target[key].max = Math.max(target[key].max, source[key].max);
  }
  for (const w of source.waits) target.waits.push(w);
}
