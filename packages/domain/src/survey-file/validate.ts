import type { SurveyColumn, SurveyReturn } from "../survey-return";
import { columnLetter, readHeader } from "./header";
import { nearest } from "./levenshtein";
import { SURVEY_FILE_LIMITS, type SurveyFileLimits } from "./limits";
import { type SurveyFileProblem, shownValue } from "./problem";
import { ProblemList } from "./problem-list";
import { completeReturn, readRowFields } from "./row-reader";
import { isOpenDuringWave, wavePeriod } from "./wave-period";

/** A decoded survey file: the header row and the data rows, with their spreadsheet row numbers. */
export interface SurveyTable {
  /** The workbook sheet the rows come from (XLSX); every problem found in them names it. */
  sheet?: string;
  headerRow: number;
  header: string[];
  rows: { row: number; cells: string[] }[];
}

/** What validation needs to know about an organisation in the reference data. */
export interface KnownOrganisation {
  code: string;
  name: string;
  openedOn: string | null;
  closedOn: string | null;
  successorCode: string | null;
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

  const organisations = new Map(options.organisations.map((o) => [o.code, o]));
  const codes = [...organisations.keys()];
  const seen = new Map<string, number>();
  const reportedBlank = new Set<number>();
  const waves = new Map<string, { returns: SurveyReturn[]; rows: number[] }>();

  // A row's problems are listed in the order of its columns, as a person reads the row.
  const position = (column: string) =>
    layout.columns.get(column as SurveyColumn) ?? table.header.length + column.length;
  for (const { row, cells } of rows) {
    let rowOk = true;
    const rowProblems: SurveyFileProblem[] = [];
    const add = (column: string, message: string, value?: string, allowed?: string[]) => {
      rowOk = false;
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

    const get = (column: SurveyColumn) => {
      const index = layout.columns.get(column);
      return index === undefined ? "" : (cells[index] ?? "");
    };
    const fields = readRowFields(
      {
        get,
        report: (column, message, allowed) => {
          if (layout.columns.has(column)) add(column, message, get(column), allowed);
        },
      },
      limits,
    );

    const { waveId, orgCode } = fields;
    if (orgCode !== undefined) {
      const org = organisations.get(orgCode);
      if (!org) {
        const suggestion = nearest(orgCode.toUpperCase(), codes, 1);
        const hint = suggestion
          ? `did you mean "${suggestion}" (${organisations.get(suggestion)!.name})?`
          : "organisation codes are listed in data/reference/organisations.csv";
        add("org_code", `unknown organisation code "${orgCode}"; ${hint}`, orgCode);
      } else if (waveId !== undefined && !isOpenDuringWave(org, waveId)) {
        add("org_code", notOpenMessage(org, waveId, organisations), orgCode);
      }
      if (waveId !== undefined) {
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
    }

    const { participantsStarted: started, participantsCompleted: completed, placesOffered: places } = fields;
    if (typeof completed === "number" && typeof started === "number" && completed > started) {
      add(
        "participants_completed",
        `participants_completed (${completed}) is more than participants_started (${started})`,
        String(completed),
      );
    }
    if (typeof started === "number" && typeof places === "number" && started > places) {
      add(
        "participants_started",
        `participants_started (${started}) is more than places_offered (${places})`,
        String(started),
      );
    }

    rowProblems.sort((a, b) => position(a.column ?? "") - position(b.column ?? ""));
    for (const p of rowProblems) problems.add(p);

    const parsed = completeReturn(fields);
    if (rowOk && parsed) {
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

function notOpenMessage(
  org: KnownOrganisation,
  waveId: string,
  organisations: ReadonlyMap<string, KnownOrganisation>,
): string {
  const period = wavePeriod(waveId)!;
  if (org.closedOn !== null && org.closedOn < period.start) {
    const chain = successorChain(org, organisations);
    const current = chain.find((o) => isOpenDuringWave(o, waveId)) ?? chain.at(-1);
    const via = chain.length > 1 && current !== chain[0] ? ` (via ${chain[0]!.code})` : "";
    const instead = current
      ? `; report it under its successor ${current.code} (${current.name})${via}`
      : org.successorCode
        ? `; its successor ${org.successorCode} is not in the reference data`
        : "; it has no successor in the reference data";
    return `organisation ${org.code} (${org.name}) closed on ${org.closedOn}, before wave ${waveId}${instead}`;
  }
  return `organisation ${org.code} (${org.name}) opened on ${org.openedOn}, after wave ${waveId}; it cannot have a return in that wave`;
}

/** The organisations that followed `org`, nearest first, stopping at a gap or a loop. */
function successorChain(
  org: KnownOrganisation,
  organisations: ReadonlyMap<string, KnownOrganisation>,
): KnownOrganisation[] {
  const chain: KnownOrganisation[] = [];
  let next = org.successorCode ? organisations.get(org.successorCode) : undefined;
  while (next && !chain.includes(next) && next !== org) {
    chain.push(next);
    next = next.successorCode ? organisations.get(next.successorCode) : undefined;
  }
  return chain;
}
