/** What a file's bytes say it is, whatever its name or declared content type. */
export type FileKind =
  | { kind: "empty" }
  | { kind: "xlsx" }
  | { kind: "text"; text: string }
  | { kind: "refused"; message: string; row?: number };

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const UTF16_LE = [0xff, 0xfe];
const UTF16_BE = [0xfe, 0xff];
const SAVE_AS = 'save it as "CSV UTF-8 (comma delimited)" or as an Excel workbook (.xlsx)';

/**
 * Sniffs the bytes: an XLSX workbook (a ZIP), or UTF-8 text (BOM optional), or a clear refusal for
 * legacy .xls, UTF-16, binary data and invalid UTF-8, naming the byte offset (and row) where it went wrong.
 */
export function sniffFile(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return { kind: "empty" };
  if (startsWith(bytes, ZIP)) return { kind: "xlsx" };
  if (startsWith(bytes, OLE))
    return { kind: "refused", message: `this is a legacy Excel (.xls) file; ${SAVE_AS}` };
  if (startsWith(bytes, UTF16_LE) || startsWith(bytes, UTF16_BE)) {
    return { kind: "refused", message: `this is UTF-16 text; ${SAVE_AS}` };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      kind: "refused",
      message: `this is binary data, not a CSV or XLSX file (a NUL byte at byte offset ${nul})`,
      row: rowAt(bytes, nul),
    };
  }
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) {
    const byte = bytes[invalid]!.toString(16).toUpperCase().padStart(2, "0");
    return {
      kind: "refused",
      message: `this is not UTF-8 text: byte 0x${byte} at byte offset ${invalid} (row ${rowAt(bytes, invalid)}) is not valid UTF-8; ${SAVE_AS}`,
      row: rowAt(bytes, invalid),
    };
  }
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  return text.trim() === "" ? { kind: "empty" } : { kind: "text", text };
}

/** The 1-based line holding a byte offset (the spreadsheet row, unless a quoted cell spans lines). */
function rowAt(bytes: Uint8Array, offset: number): number {
  let row = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) row++;
  return row;
}

/** The offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}
