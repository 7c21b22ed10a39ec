import { createInflateRaw } from "node:zlib";

/** Largest total of bytes a workbook's parts may inflate to, counted as they inflate (zip bombs). */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
const MAX_ENTRIES = 10_000;
/** Inflated bytes are handed on in chunks of this size, so no part is ever held whole. */
const CHUNK_BYTES = 64 * 1024;

/** A workbook the reader refuses to open or to read further (damaged, hostile, too large); the message says why. */
export class WorkbookRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookRefusal";
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** What the central directory claims; never trusted, only compared with what inflation produces. */
  declaredSize: number;
  localHeaderOffset: number;
}

/**
 * Counts every byte inflated from one workbook against a limit. Shared by all the workbook's parts, so
 * many small bombs add up; `inflated` says how far inflation got (tests read it).
 */
export class InflateBudget {
  inflated = 0;
  constructor(readonly limit = MAX_XLSX_UNCOMPRESSED_BYTES) {}

  spend(bytes: number, part: string): void {
    this.inflated += bytes;
    if (this.inflated > this.limit) {
      throw new WorkbookRefusal(
        `the workbook inflates to more than ${megabytes(this.limit)} MB (stopped while reading ${part}); the limit protects the server`,
      );
    }
  }
}

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

/**
 * Reads a ZIP's central directory without inflating anything. Refuses archives that cannot be an XLSX
 * workbook, or that declare more than the budget; what they declare is checked again as they inflate.
 */
export function readZipDirectory(
  bytes: Uint8Array,
  limit = MAX_XLSX_UNCOMPRESSED_BYTES,
): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  if (end < 0)
    throw new WorkbookRefusal("it is a ZIP file without a readable directory, not an XLSX workbook");
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    throw new WorkbookRefusal("the workbook uses ZIP64 (over 4 GB or 65,535 parts); it is too large");
  }
  if (count > MAX_ENTRIES)
    throw new WorkbookRefusal(`the workbook has ${count} parts; the limit is ${MAX_ENTRIES}`);
  const entries = new Map<string, ZipEntry>();
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== 0x02014b50) {
      throw new WorkbookRefusal("it is a damaged ZIP file, not a readable XLSX workbook");
    }
    const flags = view.getUint16(offset + 8, true);
    const nameLength = view.getUint16(offset + 28, true);
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      declaredSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    };
    if (entry.declaredSize === 0xffffffff || entry.compressedSize === 0xffffffff) {
      throw new WorkbookRefusal("the workbook uses ZIP64 (over 4 GB uncompressed); it is too large");
    }
    if ((flags & 1) !== 0) throw new WorkbookRefusal("the workbook is encrypted; save it without a password");
    declared += entry.declaredSize;
    if (declared > limit) {
      throw new WorkbookRefusal(
        `the workbook is larger than ${megabytes(limit)} MB uncompressed; the limit protects the server`,
      );
    }
    entries.set(entry.name, entry);
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/**
 * Inflates one part, yielding chunks of at most 64 KiB. Every byte is counted as it is produced: inflation
 * stops as soon as the part outgrows what the directory declared for it, or the workbook outgrows the budget.
 * Stopping early (a consumer that breaks out) stops inflation too.
 */
export async function* inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
): AsyncGenerator<Buffer> {
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    if (data.byteLength !== entry.declaredSize) throw damaged(entry);
    for (let at = 0; at < data.byteLength; at += CHUNK_BYTES) {
      const chunk = Buffer.from(
        data.buffer,
        data.byteOffset + at,
        Math.min(CHUNK_BYTES, data.byteLength - at),
      );
      budget.spend(chunk.byteLength, entry.name);
      yield chunk;
    }
    return;
  }
  if (entry.method !== 8) {
    throw new WorkbookRefusal(
      `part ${entry.name} uses ZIP compression method ${entry.method}; Excel uses deflate`,
    );
  }
  const inflater = createInflateRaw({ chunkSize: CHUNK_BYTES });
  inflater.end(data);
  let produced = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      produced += chunk.byteLength;
      if (produced > entry.declaredSize) {
        throw new WorkbookRefusal(
          `part ${entry.name} inflates to more than the ${entry.declaredSize} bytes the workbook declares for it; the file is damaged or built to exhaust memory`,
        );
      }
      budget.spend(chunk.byteLength, entry.name);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof WorkbookRefusal) throw error;
    throw new WorkbookRefusal(
      `part ${entry.name} cannot be inflated (${(error as Error).message}); the file is damaged`,
    );
  } finally {
    inflater.destroy();
  }
  if (produced !== entry.declaredSize) throw damaged(entry);
}

function damaged(entry: ZipEntry): WorkbookRefusal {
  return new WorkbookRefusal(
    `part ${entry.name} is shorter or longer than the workbook declares; the file is damaged`,
  );
}

/** The compressed bytes of a part, found through its local header (whose own sizes are not used). */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== 0x04034b50) throw damaged(entry);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.byteLength) throw damaged(entry);
  return bytes.subarray(start, start + entry.compressedSize);
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let i = last; i >= first; i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}
