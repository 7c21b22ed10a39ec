/** A value in an export row. */
export type CsvCell = string | number | boolean | null;

/** Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"), plus tab and CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a text cell that a spreadsheet would run as a formula, e.g. `=HYPERLINK(...)`, by a leading
 * apostrophe. Numbers are written as numbers and never altered.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function formatCell(cell: CsvCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "true" : "false";
  const text = neutraliseCell(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV: the header on the first line, CRLF line ends, UTF-8 without a byte-order mark, nothing
 * before the header. R's read.csv, pandas.read_csv and Excel's column detection all read it as a table
 * with their default settings; the metadata travel in columns of every row (see routes/export.ts).
 */
export function toCsv(columns: readonly string[], rows: readonly Record<string, CsvCell>[]): string {
  const lines = [
    columns.map((c) => formatCell(c)).join(","),
    ...rows.map((row) => columns.map((c) => formatCell(row[c] ?? null)).join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
