/**
 * Limits on a survey file, so that a hostile or mistaken file is refused with a clear message
 * instead of exhausting memory or the database. Documented in data/survey-format.md.
 */
export interface SurveyFileLimits {
  /** Data rows per file (the header not counted). */
  maxRows: number;
  /** Characters in a `notes` cell. */
  maxNotesLength: number;
  /** Characters in a list cell (facilitators, barriers, funding sources): room for every value. */
  maxListLength: number;
  /** Characters in any other cell. */
  maxCellLength: number;
  /** Largest count (courses, places, participants, teachers) accepted. */
  maxCount: number;
  /** Largest median wait, in weeks (ten years). */
  maxWaitWeeks: number;
  /** Problems listed in one report; the rest are counted. */
  maxProblems: number;
}

export const SURVEY_FILE_LIMITS: SurveyFileLimits = {
  maxRows: 100_000,
  maxNotesLength: 2_000,
  maxListLength: 1_000,
  maxCellLength: 200,
  maxCount: 100_000,
  maxWaitWeeks: 520,
  maxProblems: 500,
};
