import { REQUIRED_SURVEY_COLUMNS, SURVEY_COLUMNS, type SurveyColumn } from "../survey-return";
import { nearest } from "./levenshtein";
import type { SurveyFileProblem } from "./problem";

/** Spreadsheet column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * Helper columns the importer reads past: the pre-filled templates carry `org_name` beside `org_code` so a
 * person can find their row; its cells are never validated or stored.
 */
export const HELPER_SURVEY_COLUMNS = ["org_name"] as const;
export type HelperSurveyColumn = (typeof HELPER_SURVEY_COLUMNS)[number];

/** Where each known column is in the rows, and what is wrong with the header. */
export interface HeaderLayout {
  columns: Map<SurveyColumn, number>;
  /** Positions of helper columns (e.g. org_name): their values are ignored. */
  helpers: Map<HelperSurveyColumn, number>;
  /** Positions whose header cell is blank: values under them are reported, not read. */
  blank: number[];
  problems: SurveyFileProblem[];
}

const looksLike = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

/**
 * Reads the header row: every cell must be a documented column name, each at most once, and the
 * required columns must be there. Unknown names get the nearest valid name as a suggestion.
 */
export function readHeader(header: readonly string[], headerRow: number, file: string): HeaderLayout {
  const columns = new Map<SurveyColumn, number>();
  const helpers = new Map<HelperSurveyColumn, number>();
  const blank: number[] = [];
  const problems: SurveyFileProblem[] = [];
  const problem = (column: string, message: string, value?: string) =>
    problems.push({ file, row: headerRow, column, message, ...(value === undefined ? {} : { value }) });

  header.forEach((cell, index) => {
    const name = cell.replace(/^\uFEFF/, "").trim();
    if (name === "") {
      blank.push(index);
      return;
    }
    // Spreadsheet users capitalise headings ("Wave", "ORG_CODE"): case is not a mistake worth refusing.
    const lower = name.toLowerCase();
    const helper = (HELPER_SURVEY_COLUMNS as readonly string[]).includes(lower)
      ? (lower as HelperSurveyColumn)
      : undefined;
    if (helper) {
      const first = helpers.get(helper);
      if (first === undefined) helpers.set(helper, index);
      else
        problem(
          helper,
          `column "${helper}" appears twice (columns ${columnLetter(first)} and ${columnLetter(index)}); keep one`,
        );
      return;
    }
    const known = (SURVEY_COLUMNS as readonly string[]).includes(lower) ? (lower as SurveyColumn) : undefined;
    if (known) {
      const first = columns.get(known);
      if (first === undefined) columns.set(known, index);
      else
        problem(
          known,
          `column "${known}" appears twice (columns ${columnLetter(first)} and ${columnLetter(index)}); keep one`,
        );
      return;
    }
    const unused = SURVEY_COLUMNS.filter((c) => !header.some((h) => h.trim().toLowerCase() === c));
    const candidates = [...unused, ...HELPER_SURVEY_COLUMNS.filter((c) => !helpers.has(c))];
    const suggestion = nearest(looksLike(name), candidates) ?? nearest(looksLike(name), SURVEY_COLUMNS);
    const separatorHint =
      header.length === 1 && /[;\t]/.test(name) ? "; columns must be separated by commas (,)" : "";
    problem(
      `column ${columnLetter(index)}`,
      suggestion
        ? `unknown column "${name}"; did you mean "${suggestion}"?${separatorHint}`
        : `unknown column "${name}"${separatorHint}; the columns are: ${SURVEY_COLUMNS.join(", ")}`,
      name,
    );
  });

  for (const required of REQUIRED_SURVEY_COLUMNS) {
    if (!columns.has(required)) {
      problem(
        required,
        `required column "${required}" is missing; the header must name wave, org_code and provision`,
      );
    }
  }
  return { columns, helpers, blank, problems };
}
