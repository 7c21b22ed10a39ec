import { once } from "node:events";
import { createDeflateRaw, deflateRawSync } from "node:zlib";

/**
 * Test and benchmark support: workbooks written byte by byte, so a test can build what no spreadsheet
 * program writes (a part that lies about its size), and minimal workbooks with chosen sheets and states.
 */
export interface ZipPart {
  name: string;
  /** Deflate-compressed bytes. */
  deflated: Uint8Array;
  /** What they inflate to, in bytes. */
  size: number;
  /** What the archive's directory claims they inflate to (a lie when it differs from `size`). */
  declaredSize?: number;
  crc32?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A part from its text, deflated honestly. */
export function textPart(name: string, text: string): ZipPart {
  const bytes = new TextEncoder().encode(text);
  return { name, deflated: deflateRawSync(bytes), size: bytes.byteLength, crc32: crc32(bytes) };
}

/** A ZIP archive (local headers, data, central directory) holding the parts in order. */
export function zipArchive(parts: readonly ZipPart[]): Uint8Array<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = new TextEncoder().encode(part.name);
    const declared = part.declaredSize ?? part.size;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, 8, true); // deflate
    local.setUint32(14, part.crc32 ?? 0, true);
    local.setUint32(18, part.deflated.byteLength, true);
    local.setUint32(22, declared, true);
    local.setUint16(26, name.byteLength, true);
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, 20, true);
    entry.setUint16(6, 20, true);
    entry.setUint16(10, 8, true);
    entry.setUint32(16, part.crc32 ?? 0, true);
    entry.setUint32(20, part.deflated.byteLength, true);
    entry.setUint32(24, declared, true);
    entry.setUint16(28, name.byteLength, true);
    entry.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, part.deflated);
    central.push(new Uint8Array(entry.buffer), name);
    offset += 30 + name.byteLength + part.deflated.byteLength;
  }
  const centralSize = central.reduce((n, c) => n + c.byteLength, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return new Uint8Array(Buffer.concat([...chunks, ...central, new Uint8Array(end.buffer)]));
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface SheetSpec {
  name: string;
  state?: "visible" | "hidden" | "veryHidden";
  /** Rows from row 1, as inline strings; or a prepared part for the sheet's XML. */
  rows?: readonly (readonly string[])[];
  part?: ZipPart;
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** The XML of rows of inline-string cells (no shared strings needed). */
export function sheetRowsXml(rows: readonly (readonly string[])[], firstRow = 1): string {
  return rows
    .map(
      (cells, i) =>
        `<row r="${firstRow + i}">${cells
          .map((v, c) =>
            v === ""
              ? ""
              : `<c r="${String.fromCharCode(65 + c)}${firstRow + i}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`,
          )
          .join("")}</row>`,
    )
    .join("");
}

/** A minimal workbook with these sheets, in tab order, each visible unless its state says otherwise. */
export function workbookWithSheets(sheets: readonly SheetSpec[]): Uint8Array<ArrayBuffer> {
  const parts: ZipPart[] = [
    textPart(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
    ),
    textPart(
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    textPart(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets>${sheets
        .map(
          (s, i) =>
            `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state && s.state !== "visible" ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
        )
        .join("")}</sheets></workbook>`,
    ),
    textPart(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELS}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}</Relationships>`,
    ),
  ];
  sheets.forEach((s, i) => {
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    parts.push(
      s.part
        ? { ...s.part, name }
        : textPart(
            name,
            `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${sheetRowsXml(s.rows ?? [])}</sheetData></worksheet>`,
          ),
    );
  });
  return zipArchive(parts);
}

/**
 * A sheet part that inflates to `inflatesTo` bytes of rows (a survey header, then one data row repeated)
 * while the archive declares only `declares` bytes: the zip bomb that a reader trusting the directory
 * inflates whole. Deflated as a stream, so building it never holds the inflated bytes.
 */
export async function lyingSheetPart(inflatesTo: number, declares: number): Promise<ZipPart> {
  const head = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${sheetRowsXml([["wave", "org_code", "provision"]])}`;
  const row = '<row><c t="inlineStr"><is><t>2026</t></is></c><c t="inlineStr"><is><t>RV3</t></is></c></row>';
  const block = Buffer.from(row.repeat(Math.ceil((64 * 1024) / row.length)));
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on("data", (chunk: Buffer) => out.push(chunk));
  let written = 0;
  const write = async (bytes: Buffer) => {
    written += bytes.byteLength;
    if (!deflater.write(bytes)) await once(deflater, "drain");
  };
  await write(Buffer.from(head));
  while (written + block.byteLength <= inflatesTo) await write(block);
  const done = once(deflater, "end");
  deflater.end();
  await done;
  return {
    name: "xl/worksheets/sheet1.xml",
    deflated: Buffer.concat(out),
    size: written,
    declaredSize: declares,
  };
}
