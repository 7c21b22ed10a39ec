import type { SurveyColumn } from "../survey-columns";
import type { SurveyReturn } from "../survey-return";
import { columnLetter, readHeader } from "./header";
import { SURVEY_FILE_LIMITS, type SurveyFileLimits } from "./limits";
import { type SurveyFileProblem, shownValue } from "./problem";
import { ProblemList } from "./problem-list";
import { checkReturn, type KnownOrganisation, registerLookup } from "./return-rules";

/** A decoded survey file: the header row and the data rows, with their spreadsheet row numbers. */
export interface SurveyTable {
  /** The workbook sheet the rows come from (XLSX); every problem found in them names it. */
  sheet?: string;
  headerRow: number;
  header: string[];
  rows: { row: number; cells: string[] }[];
}

/** The returns of one wave found in a file. */
export interface ParsedWave {
  waveId: string;
  returns: SurveyReturn[];
  /** The spreadsheet row of each return (same order as `returns`). */
  rows: number[];
}

export type SurveyValidation =
  | {
      ok: true;
      waves: ParsedWave[];
      rowCount: number;
      /** Rows of a pre-filled template left blank: only wave, org_code and org_name filled in; not returns. */
      skippedRows: number;
    }
  | { ok: false; problems: SurveyFileProblem[]; problemCount: number };

export interface ValidateOptions {
  /** The (sanitised) file name that every problem names. */
  file: string;
  organisations: readonly KnownOrganisation[];
  limits?: Partial<SurveyFileLimits>;
}

/**
 * Validates a whole survey file and either returns every return, grouped by wave (waves in id order),
 * or every problem found (up to the limit), each naming file, row and column. Pure: no I/O.
 * `table` is null when the file held nothing at all.
 */
export function validateSurveyTable(table: SurveyTable | null, options: ValidateOptions): SurveyValidation {
  const limits = { ...SURVEY_FILE_LIMITS, ...options.limits };
  const { file } = options;
  const problems = new ProblemList(file, limits.maxProblems, table?.sheet);
  const fail = (): SurveyValidation => ({
    ok: false,
    problems: problems.report(),
    problemCount: problems.count,
  });

  if (!table || table.header.every((h) => h.replace(/^\uFEFF/, "").trim() === "")) {
    const hasRows = table?.rows.some((r) => r.cells.some((c) => c.trim() !== "")) ?? false;
    problems.add({
      file,
      row: table?.headerRow ?? 1,
      message: hasRows
        ? `row ${table!.headerRow} (the header row) is empty; put the column names in the first row`
        : "the file is empty: expected a header row naming the columns",
    });
    return fail();
  }
  const layout = readHeader(table.header, table.headerRow, file);
  for (const p of layout.problems) problems.add(p);

  const nonBlank = table.rows.filter((r) => r.cells.some((c) => c.trim() !== ""));
  // A pre-filled template (it has the org_name helper column) has a row for every organisation invited;
  // a row nobody has filled in yet (nothing beyond wave, org_code and org_name) is not a return.
  const prefilled = [
    layout.columns.get("wave"),
    layout.columns.get("org_code"),
    ...layout.helpers.values(),
  ].filter((i): i is number => i !== undefined);
  const isUnfilled = (cells: string[]) => cells.every((c, i) => prefilled.includes(i) || c.trim() === "");
  const rows = layout.helpers.has("org_name") ? nonBlank.filter((r) => !isUnfilled(r.cells)) : nonBlank;
  const skippedRows = nonBlank.length - rows.length;
  if (rows.length === 0) {
    problems.add({
      file,
      row: table.headerRow + 1,
      message:
        skippedRows > 0
          ? `no return is filled in: each of the ${skippedRows} rows has only wave, org_code and org_name; fill in provision (at least) for each organisation that has answered`
          : "the file has a header row but no data rows",
    });
    return fail();
  }
  if (rows.length > limits.maxRows) {
    problems.add({
      file,
      row: rows[limits.maxRows]!.row,
      message: `the file has more than ${limits.maxRows} data rows, the most one file may hold; split it (e.g. one file per wave)`,
    });
    return fail();
  }

  const register = registerLookup(options.organisations);
  const seen = new Map<string, number>();
  const reportedBlank = new Set<number>();
  const waves = new Map<string, { returns: SurveyReturn[]; rows: number[] }>();

  // A row's problems are listed in the order of its columns, as a person reads the row.
  const position = (column: string) =>
    layout.columns.get(column as SurveyColumn) ?? table.header.length + column.length;
  for (const { row, cells } of rows) {
    const rowProblems: SurveyFileProblem[] = [];
    const add = (column: string, message: string, value?: string, allowed?: string[]) => {
      rowProblems.push({
        file,
        row,
        column,
        message,
        ...(value === undefined ? {} : { value: shownValue(value) }),
        ...(allowed ? { allowed } : {}),
      });
    };

    // Values under a column with no name cannot be read: say so once per column.
    cells.forEach((cell, index) => {
      const named = index < table.header.length && !layout.blank.includes(index);
      if (named || cell.trim() === "" || reportedBlank.has(index)) return;
      reportedBlank.add(index);
      add(
        `column ${columnLetter(index)}`,
        `column ${columnLetter(index)} has values but no name in the header row`,
        cell,
      );
    });

    // The rules of one return, shared with the respondent form. A column the file does not have reads as
    // blank; a problem with it (a required column) is the header's, reported once above.
    const checked = checkReturn(
      (column) => {
        const index = layout.columns.get(column);
        return index === undefined ? "" : (cells[index] ?? "");
      },
      { limits, register },
    );
    for (const p of checked.problems) {
      if (layout.columns.has(p.column)) add(p.column, p.message, p.value, p.allowed);
    }

    const { waveId, orgCode } = checked.fields;
    if (orgCode !== undefined && waveId !== undefined) {
      const key = `${waveId}\u0000${orgCode}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, row);
      else
        add(
          "org_code",
          `organisation ${orgCode} appears twice in wave ${waveId} (rows ${first} and ${row}); keep one row per organisation per wave`,
          orgCode,
        );
    }

    rowProblems.sort((a, b) => position(a.column ?? "") - position(b.column ?? ""));
    for (const p of rowProblems) problems.add(p);

    const parsed = checked.value;
    if (rowProblems.length === 0 && parsed) {
      const wave = waves.get(parsed.waveId) ?? { returns: [], rows: [] };
      wave.returns.push(parsed);
      wave.rows.push(row);
      waves.set(parsed.waveId, wave);
    }
  }

  if (problems.count > 0) return fail();
  const grouped = [...waves.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([waveId, wave]) => ({ waveId, ...wave }));
  return { ok: true, waves: grouped, rowCount: rows.length, skippedRows };
}
