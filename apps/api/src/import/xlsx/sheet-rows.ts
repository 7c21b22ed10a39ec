import type { WorkbookArchive, WorkbookParts } from "./workbook";
import { readXml } from "./xml";
import { WorkbookRefusal } from "./zip";

/** Columns a survey sheet may use (A to IV); a value further right is refused, so no row can grow huge. */
export const MAX_SHEET_COLUMNS = 256;

export interface SheetRow {
  /** The spreadsheet's row number (1-based). */
  row: number;
  /** Cell text by column (A = 0), as the survey team reads it; trailing blank cells left out. */
  cells: string[];
}

/** A formula shared down a range: its text as written in the master cell, and where that cell is. */
interface SharedFormula {
  formula: string;
  row: number;
  column: number;
}

/**
 * Streams a worksheet's rows that hold at least one value, in order. `onRow` returning false stops reading
 * (and inflating) there, so a probe for the header row or the row cap never reads the rest of the sheet.
 * Formulas are never evaluated: a formula cell reads as its formula text (`=HYPERLINK(…)`), shared formulas
 * translated to the cell, as Excel shows them.
 */
export async function readSheetRows(
  archive: WorkbookArchive,
  parts: WorkbookParts,
  sheet: { name: string; part: string },
  onRow: (row: SheetRow) => boolean | undefined,
): Promise<void> {
  const shared = new Map<string, SharedFormula>();
  let stopped = false;
  let rowNumber = 0;
  let cells: string[] = [];
  let column = 0;
  let type = "n";
  let style = 0;
  let value = "";
  let formula: string | undefined;
  let sharedIndex: string | undefined;
  let capture: "v" | "f" | "t" | undefined;
  let phonetic = 0;

  const finishCell = () => {
    if (formula === undefined && sharedIndex !== undefined) {
      const master = shared.get(sharedIndex);
      if (master) formula = slideFormula(master.formula, rowNumber - master.row, column - master.column);
    }
    const text =
      formula !== undefined && formula !== "" ? `=${formula}` : cellText(type, value, style, parts);
    if (text === "") return;
    if (column > MAX_SHEET_COLUMNS) {
      throw new WorkbookRefusal(
        `sheet "${sheet.name}" row ${rowNumber} has a value in column ${columnName(column)}; a survey sheet uses at most ${MAX_SHEET_COLUMNS} columns (up to ${columnName(MAX_SHEET_COLUMNS)})`,
      );
    }
    while (cells.length < column - 1) cells.push("");
    cells[column - 1] = text;
  };

  await readXml(
    archive.chunks(sheet.part),
    sheet.part,
    {
      // After a stop, the rest of the chunk already handed to the parser is ignored.
      open(name, a) {
        if (stopped) return;
        switch (name) {
          case "row":
            rowNumber = a.r ? Number.parseInt(a.r, 10) : rowNumber + 1;
            cells = [];
            column = 0;
            return;
          case "c":
            column = a.r ? columnOf(a.r) : column + 1;
            type = a.t ?? "n";
            style = a.s ? Number.parseInt(a.s, 10) : 0;
            value = "";
            formula = undefined;
            sharedIndex = undefined;
            return;
          case "v":
            capture = "v";
            return;
          case "f":
            capture = "f";
            if (a.t === "shared" && a.si !== undefined) sharedIndex = a.si;
            return;
          case "rPh":
            phonetic++;
            return;
          case "t":
            if (phonetic === 0) capture = "t";
            return;
        }
      },
      text(text) {
        if (stopped) return;
        if (capture === "v" || capture === "t") value += text;
        else if (capture === "f") formula = (formula ?? "") + text;
      },
      close(name) {
        if (stopped) return;
        switch (name) {
          case "v":
          case "t":
            capture = undefined;
            return;
          case "f":
            capture = undefined;
            // The master cell of a shared formula carries the text; the others refer to it by index.
            if (sharedIndex !== undefined && formula !== undefined && formula !== "") {
              shared.set(sharedIndex, { formula, row: rowNumber, column });
            }
            return;
          case "rPh":
            phonetic--;
            return;
          case "c":
            finishCell();
            return;
          case "row":
            if (cells.length > 0 && onRow({ row: rowNumber, cells }) === false) stopped = true;
            return;
        }
      },
    },
    () => stopped,
  );
}

/** The text of a cell's stored value, without evaluating anything: numbers as written, dates as YYYY-MM-DD. */
function cellText(type: string, value: string, style: number, parts: WorkbookParts): string {
  switch (type) {
    case "s":
      return parts.sharedStrings[Number.parseInt(value, 10)] ?? "";
    case "inlineStr":
    case "str":
    case "e":
      return value;
    case "b":
      return value === "" ? "" : value === "1" || value === "true" ? "yes" : "no";
    case "d": {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : date.toISOString().slice(0, 10);
    }
    default: {
      if (value === "") return "";
      const number = Number.parseFloat(value);
      if (!Number.isFinite(number)) return value;
      if (parts.dateStyles[style]) return excelDate(number, parts.date1904);
      return String(number);
    }
  }
}

/** An Excel date serial as YYYY-MM-DD (day 25,569 is 1970-01-01 in the 1900 system). */
function excelDate(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
}

/** The 1-based column of a cell reference: `B5` → 2, `AA1` → 27. */
function columnOf(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

function columnName(column: number): string {
  let n = column;
  let name = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

const REFERENCE = /(\$?)([A-Z]{1,3})(\$?)([1-9][0-9]*)(?![0-9A-Za-z_(!])/g;

/**
 * A shared formula as it reads in a cell `rows` down and `columns` across from its master: relative
 * references move, `$`-anchored parts stay (as Excel shows it; nothing is evaluated).
 */
export function slideFormula(formula: string, rows: number, columns: number): string {
  // References inside string literals ("A1") are text, not references: leave quoted runs alone.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece.replace(
            REFERENCE,
            (match, colAnchor: string, letters: string, rowAnchor: string, digits: string, at: number) => {
              if (at > 0 && /[A-Za-z0-9_.]/.test(piece[at - 1]!)) return match; // part of a longer name
              const col = colAnchor ? columnOf(letters) : columnOf(letters) + columns;
              const row = rowAnchor ? Number(digits) : Number(digits) + rows;
              if (col < 1 || row < 1) return "#REF!";
              return `${colAnchor}${columnName(col)}${rowAnchor}${row}`;
            },
          ),
    )
    .join("");
}
