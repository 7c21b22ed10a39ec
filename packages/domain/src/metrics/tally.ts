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
  /** Offering organisations that left it blank. */
  missing: number;
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
  /** Organisations that reported both participants_started and participants_completed, and their sums. */
  pairOrganisations: number;
  pairStarted: number;
  pairCompleted: number;
  /** Offering organisations' own median waits. */
  waits: number[];
}

const emptyCount = (): CountSum => ({ sum: 0, known: 0, missing: 0 });

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
  } else if (offering) target.missing += 1;
  else target.known += 1;
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
    "pairOrganisations",
    "pairStarted",
    "pairCompleted",
  ] as const) {
    target[key] += source[key];
  }
  for (const key of ["places", "teachers", "started"] as const) {
    target[key].sum += source[key].sum;
    target[key].known += source[key].known;
    target[key].missing += source[key].missing;
  }
  for (const w of source.waits) target.waits.push(w);
}
