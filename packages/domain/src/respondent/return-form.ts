import { ANSWER_COLUMNS, type AnswerColumn, type SurveyColumn } from "../survey-columns";
import { SURVEY_FILE_LIMITS, type SurveyFileLimits } from "../survey-file/limits";
import {
  checkReturn,
  type RegisterLookup,
  type ReturnCheck,
  type ReturnProblem,
} from "../survey-file/return-rules";
import { surveyRowCells } from "../survey-file/write-csv";
import type { SurveyReturn } from "../survey-return";

/** A return as the form holds it: each answer column's text, as a survey file's cell would hold it. */
export type AnswerCells = Partial<Record<AnswerColumn, string>>;

/** Whose return it is: fixed by the respondent's link, never typed. */
export interface ReturnScope {
  waveId: string;
  orgCode: string;
}

/**
 * The respondent form's check of a whole return: the importer's rules (checkReturn) on the form's cells,
 * with the wave and organisation the link is for. The page calls it as the respondent types; the server
 * calls it (with the register) on every draft and submission, whatever the page did.
 */
export function checkFormReturn(
  cells: AnswerCells,
  scope: ReturnScope,
  options: { limits?: Partial<SurveyFileLimits>; register?: RegisterLookup } = {},
): ReturnCheck {
  const cell = (column: SurveyColumn) =>
    column === "wave" ? scope.waveId : column === "org_code" ? scope.orgCode : (cells[column] ?? "");
  return checkReturn(cell, {
    limits: { ...SURVEY_FILE_LIMITS, ...options.limits },
    ...(options.register ? { register: options.register } : {}),
  });
}

/** Problems grouped by the field they belong to, in the order found. */
export function problemsByColumn(problems: readonly ReturnProblem[]): Map<SurveyColumn, ReturnProblem[]> {
  const out = new Map<SurveyColumn, ReturnProblem[]>();
  for (const p of problems) out.set(p.column, [...(out.get(p.column) ?? []), p]);
  return out;
}

/** A stored return's answers as the form's cells (the survey format's spelling: `yes`, `a;b`, `7.5`). */
export function answerCells(r: SurveyReturn): Record<AnswerColumn, string> {
  const row = surveyRowCells(r);
  return Object.fromEntries(ANSWER_COLUMNS.map((c) => [c, row[c]])) as Record<AnswerColumn, string>;
}

/** The form's cells with every answer column present (blank where not given), in column order. */
export function completeCells(cells: AnswerCells): Record<AnswerColumn, string> {
  return Object.fromEntries(ANSWER_COLUMNS.map((c) => [c, cells[c] ?? ""])) as Record<AnswerColumn, string>;
}

/** Whether any answer is filled in. */
export function hasAnswers(cells: AnswerCells): boolean {
  return ANSWER_COLUMNS.some((c) => (cells[c] ?? "").trim() !== "");
}
