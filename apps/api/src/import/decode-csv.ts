import type { SurveyFileProblem, SurveyTable } from "@atlas/domain";
import { CsvError, parse } from "csv-parse/sync";

export type Decoded = { ok: true; table: SurveyTable | null } | { ok: false; problems: SurveyFileProblem[] };

/**
 * Parses CSV text (comma-separated, RFC 4180 quoting) into a table whose rows are numbered as a spreadsheet
 * numbers them: the header is row 1. Stops reading past `maxRows + 1` data rows; validation reports the excess.
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
    return {
      ok: false,
      problems: [
        {
          file,
          ...(records === undefined ? {} : { row: records + 1 }),
          message: `the CSV cannot be read: ${error.message}`,
        },
      ],
    };
  }
  const [header, ...rows] = records;
  if (!header) return { ok: true, table: null };
  return {
    ok: true,
    table: { headerRow: 1, header, rows: rows.map((cells, i) => ({ row: i + 2, cells })) },
  };
}
