/** Largest total uncompressed size of a workbook's parts, so a small "zip bomb" cannot exhaust memory. */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

/**
 * Reads a ZIP's central directory (without inflating anything) and says why it must not be opened:
 * unreadable, too many parts, or too large once uncompressed. Undefined when it looks safe.
 */
export function zipRefusal(
  bytes: Uint8Array,
  maxUncompressed = MAX_XLSX_UNCOMPRESSED_BYTES,
): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  if (end < 0) return "it is a ZIP file without a readable directory, not an XLSX workbook";
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (entries > MAX_ENTRIES) return `the workbook has ${entries} parts; the limit is ${MAX_ENTRIES}`;
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== 0x02014b50) {
      return "it is a damaged ZIP file, not a readable XLSX workbook";
    }
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return "the workbook uses ZIP64 (over 4 GB uncompressed); it is too large";
    total += size;
    if (total > maxUncompressed) {
      return `the workbook is larger than ${Math.round(maxUncompressed / 1024 / 1024)} MB uncompressed; the limit protects the server`;
    }
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true);
  }
  return undefined;
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let i = last; i >= first; i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}
