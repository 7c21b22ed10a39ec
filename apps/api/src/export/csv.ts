/** A value in an export row. */
export type Cell = string | number | boolean | null;

/** Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"), plus tab and CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a text cell that a spreadsheet would run as a formula, e.g. `=HYPERLINK(...)`, by a leading
 * apostrophe. Numbers are written as numbers and never altered.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function formatCell(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "true" : "false";
  const text = neutraliseCell(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV (CRLF line ends) with a UTF-8 byte-order mark so spreadsheets read accents correctly, and
 * `#` comment lines before the header for the export's metadata.
 */
export function toCsv(
  comments: readonly string[],
  columns: readonly string[],
  rows: readonly Record<string, Cell>[],
): string {
  const lines = [
    // Comment lines are written whole (not quoted), so readers that skip `#` lines skip all of each.
    ...comments.map((c) => `# ${c.replace(/[\r\n]+/g, " ")}`),
    columns.map((c) => formatCell(c)).join(","),
    ...rows.map((row) => columns.map((c) => formatCell(row[c] ?? null)).join(",")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
