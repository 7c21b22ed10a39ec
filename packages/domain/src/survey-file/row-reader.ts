import type { SurveyColumn } from "../survey-columns";
import type { SurveyReturn } from "../survey-return";
import {
  BARRIERS,
  DELIVERY_MODE_LABELS,
  DELIVERY_MODES,
  FACILITATORS,
  FUNDING_SOURCES,
  PROVISION_LABELS,
  PROVISIONS,
  STAGE_LABELS,
  STAGES,
} from "../vocabulary";
import {
  type CellResult,
  findControlCharacter,
  readCode,
  readCount,
  readList,
  readSupport,
  readWave,
  readWeeks,
  readYesNo,
} from "./cells";
import type { SurveyFileLimits } from "./limits";

/** A row's cells by column name, and a way to report a problem in one of them. */
export interface RowCells {
  get(column: SurveyColumn): string;
  report(column: SurveyColumn, message: string, allowed?: string[]): void;
}

/** The fields of a return read from one row; undefined where the cell had a problem. */
export type ReadFields = { [K in keyof SurveyReturn]: SurveyReturn[K] | undefined };

const LIST_COLUMNS: readonly SurveyColumn[] = ["facilitators", "barriers", "funding_sources"];

const COUNT_COLUMNS = [
  ["courses_run", "coursesRun"],
  ["places_offered", "placesOffered"],
  ["participants_started", "participantsStarted"],
  ["participants_completed", "participantsCompleted"],
  ["teachers_trained", "teachersTrained"],
  ["teachers_active", "teachersActive"],
] as const;

/**
 * Reads every cell of one row into return fields, reporting each bad cell. Blank optional cells are null
 * (empty lists); blank required cells are problems. Cross-field rules are checked by the caller.
 */
export function readRowFields(cells: RowCells, limits: SurveyFileLimits): ReadFields {
  const read = <T>(column: SurveyColumn, parse: (raw: string) => CellResult<T>, required = false) => {
    const raw = cells.get(column);
    const freeText = column === "notes";
    const limit = freeText
      ? limits.maxNotesLength
      : LIST_COLUMNS.includes(column)
        ? limits.maxListLength
        : limits.maxCellLength;
    if (raw.length > limit) {
      cells.report(column, `is ${raw.length} characters long; the limit for ${column} is ${limit}`);
      return undefined;
    }
    const control = findControlCharacter(raw, freeText);
    if (control) {
      cells.report(column, `contains a control character (${control}); remove it`);
      return undefined;
    }
    if (raw.trim() === "") {
      if (required) cells.report(column, `${column} is required`);
      return required ? undefined : null;
    }
    const result = parse(raw);
    if (result.ok) return result.value;
    cells.report(column, result.message, result.allowed);
    return undefined;
  };
  const list = <T extends string>(
    column: SurveyColumn,
    vocabulary: readonly T[],
    what: string,
  ): T[] | undefined => {
    const value = read(column, (raw) => readList(raw, vocabulary, what));
    return value === null ? [] : value;
  };

  const fields: Partial<ReadFields> = {
    waveId: read("wave", readWave, true) ?? undefined,
    orgCode: read("org_code", (raw) => ({ ok: true, value: raw.trim() }), true) ?? undefined,
    provision:
      read("provision", (raw) => readCode(raw, PROVISIONS, "provision", PROVISION_LABELS), true) ?? undefined,
    stage: read("stage", (raw) => readCode(raw, STAGES, "stage", STAGE_LABELS)),
    medianWaitWeeks: read("median_wait_weeks", (raw) => readWeeks(raw, limits.maxWaitWeeks)),
    deliveryMode: read("delivery_mode", (raw) =>
      readCode(raw, DELIVERY_MODES, "delivery mode", DELIVERY_MODE_LABELS),
    ),
    championPresent: read("champion_present", readYesNo),
    leadershipSupport: read("leadership_support", readSupport),
    commissionerSupport: read("commissioner_support", readSupport),
    facilitators: list("facilitators", FACILITATORS, "facilitator"),
    barriers: list("barriers", BARRIERS, "barrier"),
    fundingSources: list("funding_sources", FUNDING_SOURCES, "funding source"),
    notes: read("notes", (raw) => ({ ok: true, value: raw.trim() })),
  };
  for (const [column, key] of COUNT_COLUMNS) {
    fields[key] = read(column, (raw) => readCount(raw, limits.maxCount));
  }
  return fields as ReadFields;
}

/** The return, when every field was read. */
export function completeReturn(fields: ReadFields): SurveyReturn | undefined {
  for (const value of Object.values(fields)) if (value === undefined) return undefined;
  return fields as SurveyReturn;
}
