import type { z } from "zod";
import type { JourneyStepSchema } from "../api/responses";
import { blankReturn, type SurveyReturn } from "../survey-return";
import { ANSWERING_PROVISIONS, OFFERING_PROVISIONS, STAGES } from "../vocabulary";
import { type AtlasIndex, waveStartDate } from "./atlas-index";
import { orgNodeId } from "./hierarchy";
import { isSmallCount } from "./small-count";
import { waveTable } from "./wave-table";

export type JourneyStep = z.infer<typeof JourneyStepSchema>;

/** Pivot events in an organisation's journey, derived from consecutive returns. */
export const JOURNEY_EVENTS = [
  "started",
  "restarted",
  "paused",
  "stopped",
  "stage_up",
  "stage_down",
  "champion_arrived",
  "champion_left",
  "funding_barrier",
  "merged",
  "absorbed",
] as const;
export type JourneyEvent = (typeof JOURNEY_EVENTS)[number];
export const JOURNEY_EVENT_LABELS: Record<JourneyEvent, string> = {
  started: "Started offering MBCT",
  restarted: "Restarted MBCT after a break",
  paused: "Paused MBCT",
  stopped: "Stopped MBCT",
  stage_up: "Moved to a later stage",
  stage_down: "Moved back a stage",
  champion_arrived: "A champion arrived",
  champion_left: "The champion left",
  funding_barrier: "Financial pressure became a barrier",
  merged: "Merged into its successor after this wave",
  absorbed: "Took over a merged organisation since its previous return",
};

const isOffering = (r: SurveyReturn) => OFFERING_PROVISIONS.includes(r.provision);
const isAnswering = (r: SurveyReturn) => ANSWERING_PROVISIONS.includes(r.provision);

/**
 * Events at `row`, against the organisation's last answering return before it (`last`). Nothing is said
 * about the first return (what happened before it is unknown) or about withheld and unanswered returns.
 * - started / restarted: offering (routine or limited) now, not at the last answer; restarted if it ever
 *   offered before; paused / stopped: offered at the last answer, now paused / none;
 * - stage_up / stage_down: the stage moved against the last stage given;
 * - champion_arrived / champion_left: champion_present changed between known values;
 * - funding_barrier: financial_pressure named now and not at the last answer.
 */
export function stepEvents(
  row: SurveyReturn,
  last: SurveyReturn | undefined,
  everOffered: boolean,
  lastStage: string | null,
): JourneyEvent[] {
  if (!last || !isAnswering(row)) return [];
  const events: JourneyEvent[] = [];
  if (isOffering(row) && !isOffering(last)) events.push(everOffered ? "restarted" : "started");
  if (!isOffering(row) && isOffering(last)) {
    if (row.provision === "paused") events.push("paused");
    if (row.provision === "none") events.push("stopped");
  }
  if (row.stage !== null && lastStage !== null && row.stage !== lastStage) {
    const order = STAGES as readonly string[];
    events.push(order.indexOf(row.stage) > order.indexOf(lastStage) ? "stage_up" : "stage_down");
  }
  if (last.championPresent === true && row.championPresent === false) events.push("champion_left");
  if (last.championPresent === false && row.championPresent === true) events.push("champion_arrived");
  if (row.barriers.includes("financial_pressure") && !last.barriers.includes("financial_pressure")) {
    events.push("funding_barrier");
  }
  return events;
}

/** A return as it may be published: withheld returns show only that they were withheld. */
function publishable(row: SurveyReturn): Omit<SurveyReturn, "orgCode"> {
  const { orgCode: _org, ...rest } = row;
  if (row.provision !== "withheld") return rest;
  const { orgCode: _code, ...withheld } = blankReturn(row.waveId, row.orgCode, "withheld");
  return withheld;
}

/**
 * An organisation's journey: every return it made, oldest first, as published (withheld returns blanked,
 * counts of people suppressed by the same rule as the metrics, named in `suppressedFields`), with its events.
 * `merged` marks its last return when it later closed into a successor; `absorbed` marks its first return
 * after a predecessor closed into it.
 */
export function organisationJourney(index: AtlasIndex, orgCode: string): JourneyStep[] {
  const org = index.orgByCode.get(orgCode);
  const rows = index.returnsByOrg.get(orgCode) ?? [];
  const predecessorClosures = (index.predecessorsOf.get(orgCode) ?? [])
    .map((p) => p.closedOn)
    .filter((d): d is string => d !== null);
  let last: SurveyReturn | undefined;
  let lastStage: string | null = null;
  let everOffered = false;
  let previousStart: string | null = null;
  return rows.map((row, i) => {
    const wave = index.waveById.get(row.waveId);
    const start = wave ? waveStartDate(wave) : `${row.waveId}-01-01`;
    const events = stepEvents(row, last, everOffered, lastStage);
    if (i === rows.length - 1 && org?.successorCode && org.closedOn) events.push("merged");
    if (previousStart !== null && predecessorClosures.some((d) => d > previousStart! && d <= start))
      events.push("absorbed");
    previousStart = start;
    if (isAnswering(row)) {
      last = row;
      if (row.stage !== null) lastStage = row.stage;
      if (isOffering(row)) everOffered = true;
    }
    const step = { ...publishable(row), events: events as string[], suppressedFields: [] as string[] };
    // Counts that entered the wave's sums follow its suppression pattern; any other count of people (on a
    // return that is not answering, or completed without started) is in no sum, so only the 1–4 rule applies.
    const table = waveTable(index, row.waveId, "recorded");
    const counted = isAnswering(row);
    const node = orgNodeId(orgCode);
    const hideStarted = counted
      ? table.suppression.started.has(node)
      : isSmallCount(step.participantsStarted ?? 0);
    const hideCompleted =
      counted && row.participantsStarted !== null
        ? table.suppression.completion.has(node)
        : isSmallCount(step.participantsCompleted ?? 0);
    if (step.participantsStarted !== null && hideStarted) {
      step.participantsStarted = null;
      step.suppressedFields.push("participantsStarted");
    }
    if (step.participantsCompleted !== null && hideCompleted) {
      step.participantsCompleted = null;
      step.suppressedFields.push("participantsCompleted");
    }
    return step;
  });
}
