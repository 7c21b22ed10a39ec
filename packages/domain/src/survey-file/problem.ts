import { z } from "zod";

/**
 * One thing wrong with a survey file. `row` counts the header as row 1, as a spreadsheet does;
 * file-level problems (empty file, wrong encoding) may have no row or column.
 */
export const SurveyFileProblemSchema = z.object({
  file: z.string(),
  /** The workbook sheet the problem is on (XLSX files). */
  sheet: z.string().optional(),
  row: z.number().int().positive().optional(),
  column: z.string().optional(),
  /** The offending cell value, shortened to 100 characters. */
  value: z.string().optional(),
  message: z.string(),
  /** The allowed values, where the column has a vocabulary. */
  allowed: z.array(z.string()).optional(),
});
export type SurveyFileProblem = z.infer<typeof SurveyFileProblemSchema>;

const SHOWN_VALUE_LENGTH = 100;

/** Shortens a cell value for a message, so a huge cell is never echoed back whole. */
export function shownValue(value: string): string {
  return value.length <= SHOWN_VALUE_LENGTH
    ? value
    : `${value.slice(0, SHOWN_VALUE_LENGTH)}… (${value.length} characters)`;
}

/**
 * `file:row:column: message`, the one-line form the CLI prints; missing parts are left empty. A workbook's
 * sheet follows the file in brackets (`returns.xlsx[2026]:3:wave: …`), which Excel forbids in sheet names.
 */
export function formatProblemLine(p: SurveyFileProblem): string {
  const where = p.sheet === undefined ? p.file : `${p.file}[${p.sheet}]`;
  return `${where}:${p.row ?? ""}:${p.column ?? ""}: ${p.message}`;
}
