import {
  columnLetter,
  type SurveyFileProblem,
  type SurveyTable,
  shownValue,
  WAVE_ID_PATTERN,
} from "@atlas/domain";
import { CsvError, parse } from "csv-parse/sync";
import type { InflateBudget } from "./xlsx/zip";

export type Decoded = { ok: true; table: SurveyTable | null } | { ok: false; problems: SurveyFileProblem[] };

export interface DecodeOptions {
  /** Data rows read at most (one more is kept, so validation reports the excess with its row). */
  maxRows: number;
  /** The workbook sheet to read (XLSX only); otherwise the one visible sheet with a survey header. */
  sheet?: string | undefined;
  /** Counts a workbook's inflated bytes (tests pass their own to see how far inflation got). */
  budget?: InflateBudget | undefined;
}

/**
 * Parses CSV text (comma-separated, RFC 4180 quoting) into a table whose rows are numbered as a spreadsheet
 * numbers them: the header is row 1. Stops reading past `maxRows + 1` data rows; validation reports the excess.
 * A quoted cell that swallowed what look like whole rows (a quote left open) is refused: see `runawayQuotes`.
 */
export function decodeCsv(text: string, file: string, maxRows: number): Decoded {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to: maxRows + 2,
    }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const records = typeof error.records === "number" ? error.records : undefined;
    const row = records === undefined ? undefined : records + 1;
    const message =
      error.code === "CSV_QUOTE_NOT_CLOSED" && row !== undefined
        ? `a quote opened in row ${row} is never closed, so everything after it would be one cell; close the quote where the cell ends, or write a quote meant as text as two quotes ("")`
        : `the CSV cannot be read: ${error.message}`;
    return { ok: false, problems: [{ file, ...(row === undefined ? {} : { row }), message }] };
  }
  const [first, ...rest] = records;
  if (!first) return { ok: true, table: null };
  const runaway = runawayQuotes(records, file);
  if (runaway.length > 0) return { ok: false, problems: runaway };
  return {
    ok: true,
    table: {
      headerRow: 1,
      header: first,
      rows: rest.map((cells, i) => ({ row: i + 2, cells })),
    },
  };
}

/** Looks like an organisation code: capitals and digits, at least one capital (RX4, S08000015, BHSCT). */
const ORG_CODE_LIKE = /^(?=[0-9]*[A-Z])[A-Z0-9]{3,10}$/;
/** A line inside a cell with this many commas is a row, not prose, whatever the header's width. */
const ROW_COMMAS = 8;
const LINE_BREAK = /\r\n|\n|\r/;
const excerpt = (line: string) => (line.length > 60 ? `${line.slice(0, 60)}…` : line);

/**
 * The runaway-quote rule (data/survey-format.md §1). A quoted cell may hold line breaks (notes with
 * paragraphs), but when a line inside it, after a line break, reads as a row of its own, a quote was left
 * open and the rows after it were swallowed into one cell. Such a line either has a wave id and an
 * organisation-code-like value where the header puts `wave` and `org_code` (columns A and B when the header
 * names neither), or has as many commas as the header row and at least eight.
 */
function runawayQuotes(records: readonly string[][], file: string): SurveyFileProblem[] {
  const header = records[0]!.map((h) =>
    h
      .replace(/^\uFEFF/, "")
      .trim()
      .toLowerCase(),
  );
  const waveAt = header.includes("wave") ? header.indexOf("wave") : 0;
  const orgAt = header.includes("org_code") ? header.indexOf("org_code") : 1;
  const rowCommas = Math.max(header.length - 1, ROW_COMMAS);
  const looksLikeRow = (line: string) => {
    const fields = line.split(",").map((f) => f.trim().replace(/^"|"$/g, ""));
    return (
      (WAVE_ID_PATTERN.test(fields[waveAt] ?? "") && ORG_CODE_LIKE.test(fields[orgAt] ?? "")) ||
      fields.length - 1 >= rowCommas
    );
  };
  const problems: SurveyFileProblem[] = [];
  const hasBreak = (cell: string) => cell.includes("\n") || cell.includes("\r");
  // Each record ends with one line break; line breaks inside its cells push later records further down.
  let linesInCells = 0;
  records.forEach((record, index) => {
    if (!record.some(hasBreak)) return;
    const startLine = index + 1 + linesInCells;
    let linesBefore = 0;
    record.forEach((cell, column) => {
      const lines = cell.split(LINE_BREAK);
      const swallowed = lines.findIndex((line, k) => k > 0 && looksLikeRow(line));
      if (swallowed > 0) {
        const row = index + 1;
        const name = header[column] ? header[column] : `column ${columnLetter(column)}`;
        problems.push({
          file,
          row,
          column: name,
          value: shownValue(cell),
          message: `a quoted cell in row ${row} (line ${startLine + linesBefore} of the file) runs over ${lines.length - 1} line ${lines.length === 2 ? "break" : "breaks"} and holds what looks like a row of its own ("${excerpt(lines[swallowed]!)}" on line ${startLine + linesBefore + swallowed}): a quote was probably left open in row ${row}. Close it where the cell ends, or write a quote meant as text as two quotes ("")`,
        });
      }
      linesBefore += lines.length - 1;
    });
    linesInCells += linesBefore;
  });
  return problems;
}
