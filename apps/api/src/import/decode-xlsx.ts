import { SURVEY_COLUMNS, type SurveyFileProblem, type SurveyTable } from "@atlas/domain";
import type { Decoded, DecodeOptions } from "./decode-csv";
import { readSheetRows, type SheetRow } from "./xlsx/sheet-rows";
import { readWorkbookParts, type SheetInfo, WorkbookArchive, type WorkbookParts } from "./xlsx/workbook";
import { InflateBudget, WorkbookRefusal } from "./xlsx/zip";

const CHOOSE = "choose one with --sheet NAME (command line) or ?sheet=NAME (API)";

/**
 * Reads the survey sheet of an XLSX workbook as a stream: every part is inflated in chunks and counted
 * against the budget as it inflates, and rows stop being read past the row cap. Hidden sheets are never
 * read. Without `sheet`, the one visible sheet whose first row names survey columns is read (more than one
 * is refused, naming them); failing that, the first visible sheet with any values, so its header problems
 * are reported. Row 1 is the header. Formulas are never evaluated (see ./xlsx/sheet-rows.ts).
 */
export async function decodeXlsx(bytes: Uint8Array, file: string, options: DecodeOptions): Promise<Decoded> {
  try {
    const archive = new WorkbookArchive(bytes, options.budget ?? new InflateBudget());
    const parts = await readWorkbookParts(archive);
    const chosen = await chooseSheet(archive, parts, file, options.sheet);
    if ("problem" in chosen) return { ok: false, problems: [chosen.problem] };
    return { ok: true, table: await readTable(archive, parts, chosen.sheet, options.maxRows) };
  } catch (error) {
    if (error instanceof WorkbookRefusal) return { ok: false, problems: [{ file, message: error.message }] };
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { ok: false, problems: [{ file, message: `this is not a readable XLSX workbook (${reason})` }] };
  }
}

type ReadableSheet = SheetInfo & { part: string };
type Choice = { sheet: ReadableSheet } | { problem: SurveyFileProblem };

const quoted = (sheets: readonly SheetInfo[]) =>
  sheets.length === 0 ? "(none)" : sheets.map((s) => `"${s.name}"`).join(", ");

async function chooseSheet(
  archive: WorkbookArchive,
  parts: WorkbookParts,
  file: string,
  wanted: string | undefined,
): Promise<Choice> {
  const visible = parts.sheets.filter(
    (s): s is ReadableSheet => s.state === "visible" && s.part !== undefined,
  );
  const hidden = parts.sheets.filter((s) => s.state !== "visible");
  if (wanted !== undefined) return pickByName(parts.sheets, visible, file, wanted);

  const probes: { sheet: ReadableSheet; first: SheetRow | undefined }[] = [];
  for (const sheet of visible) probes.push({ sheet, first: await firstRow(archive, parts, sheet) });
  const withHeader = probes.filter((p) => p.first && namesSurveyColumns(p.first.cells));
  if (withHeader.length > 1) {
    return {
      problem: {
        file,
        message: `more than one visible sheet has a survey header row: ${withHeader.map((p) => `"${p.sheet.name}" (row ${p.first!.row})`).join(", ")}; ${CHOOSE}, or delete the sheets that are not returns`,
      },
    };
  }
  const found = withHeader[0] ?? probes.find((p) => p.first);
  if (found) return { sheet: found.sheet };
  const hiddenNote =
    hidden.length > 0
      ? `; hidden sheets are never read, and this workbook hides ${quoted(hidden)}: unhide the sheet that holds the returns (right-click a sheet tab, Unhide)`
      : "";
  return {
    problem: {
      file,
      row: 1,
      message: `the workbook is empty: no visible sheet has any values (visible: ${quoted(visible)})${hiddenNote}; expected a header row naming the columns`,
    },
  };
}

function pickByName(
  sheets: readonly SheetInfo[],
  visible: readonly SheetInfo[],
  file: string,
  wanted: string,
): Choice {
  const fold = (s: string) => s.trim().toLowerCase();
  const exact = sheets.find((s) => s.name === wanted);
  const loose = sheets.filter((s) => fold(s.name) === fold(wanted));
  const sheet = exact ?? (loose.length === 1 ? loose[0] : undefined);
  const problem = (message: string): Choice => ({
    problem: { file, column: "sheet", value: wanted, message },
  });
  if (!sheet)
    return problem(`there is no sheet named "${wanted}"; the visible sheets are ${quoted(visible)}`);
  if (sheet.state !== "visible") {
    return problem(
      `sheet "${sheet.name}" is hidden; hidden sheets are never read. Unhide it in Excel (right-click a sheet tab, Unhide) and import again, or choose a visible sheet: ${quoted(visible)}`,
    );
  }
  if (sheet.part === undefined) {
    return problem(
      `sheet "${sheet.name}" is a chart or dialog sheet, not a worksheet; the visible sheets are ${quoted(visible)}`,
    );
  }
  return { sheet: sheet as ReadableSheet };
}

/** A row names survey columns when at least two of its cells are column names (case and spaces aside). */
function namesSurveyColumns(cells: readonly string[]): boolean {
  const names = new Set<string>(SURVEY_COLUMNS);
  return (
    cells.filter((c) =>
      names.has(
        c
          .replace(/^\uFEFF/, "")
          .trim()
          .toLowerCase(),
      ),
    ).length >= 2
  );
}

async function firstRow(archive: WorkbookArchive, parts: WorkbookParts, sheet: ReadableSheet) {
  let first: SheetRow | undefined;
  await readSheetRows(archive, parts, sheet, (row) => {
    first = row;
    return false;
  });
  return first;
}

async function readTable(
  archive: WorkbookArchive,
  parts: WorkbookParts,
  sheet: ReadableSheet,
  maxRows: number,
): Promise<SurveyTable> {
  let header: string[] = [];
  const rows: SheetRow[] = [];
  // One data row past the cap is kept, so validation reports the excess with its row number.
  await readSheetRows(archive, parts, sheet, (row) => {
    if (row.row === 1) header = row.cells;
    else rows.push(row);
    return rows.length <= maxRows;
  });
  return { headerRow: 1, header, rows, sheet: sheet.name };
}
