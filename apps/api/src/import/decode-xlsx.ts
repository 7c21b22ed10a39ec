import ExcelJS from "exceljs";
import type { Decoded } from "./decode-csv";
import { zipRefusal } from "./zip-guard";

/**
 * Reads the first worksheet of an XLSX workbook into a table; row 1 is the header.
 * Formulas are never evaluated: a formula cell reads as its formula text (`=HYPERLINK(…)`), which is
 * kept as text in notes and is an invalid value in any coded column.
 */
export async function decodeXlsx(bytes: Uint8Array, file: string, maxRows: number): Promise<Decoded> {
  const refusal = zipRefusal(bytes);
  if (refusal) return { ok: false, problems: [{ file, message: refusal }] };
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types want a Node Buffer; a view on the same memory avoids a copy.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { ok: false, problems: [{ file, message: `this is not a readable XLSX workbook (${reason})` }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problems: [{ file, message: "the workbook has no worksheet" }] };
  if (sheet.actualRowCount > maxRows + 1) {
    return {
      ok: false,
      problems: [
        {
          file,
          message: `the first worksheet has ${sheet.actualRowCount - 1} data rows; the most one file may hold is ${maxRows}`,
        },
      ],
    };
  }
  let header: string[] = [];
  const rows: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = Array.from({ length: row.cellCount }, () => "");
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      // cell.formula is the formula text, shared formulas translated to this cell.
      cells[column - 1] = cell.formula ? `=${cell.formula}` : cellText(cell.value);
    });
    if (rowNumber === 1) header = cells;
    else rows.push({ row: rowNumber, cells });
  });
  if (header.length === 0 && rows.length === 0) return { ok: true, table: null };
  return { ok: true, table: { headerRow: 1, header, rows } };
}

/** The text of a cell as a survey team would read it in the spreadsheet, without evaluating anything. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if ("formula" in value && typeof value.formula === "string") return `=${value.formula}`;
  if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((t) => t.text).join("");
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("error" in value) return String(value.error);
  return "";
}
