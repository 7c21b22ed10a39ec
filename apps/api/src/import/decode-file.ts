import type { SurveyFileProblem } from "@atlas/domain";
import { type Decoded, decodeCsv } from "./decode-csv";
import { decodeXlsx } from "./decode-xlsx";
import { sniffFile } from "./sniff";

/**
 * Turns a file's bytes into a table, by what the bytes are (not by name or content type):
 * an XLSX workbook's first sheet, or CSV text. Anything else is a problem naming the file.
 */
export async function decodeSurveyFile(bytes: Uint8Array, file: string, maxRows: number): Promise<Decoded> {
  const sniffed = sniffFile(bytes);
  switch (sniffed.kind) {
    case "empty":
      return { ok: true, table: null };
    case "xlsx":
      return decodeXlsx(bytes, file, maxRows);
    case "text":
      return decodeCsv(sniffed.text, file, maxRows);
    case "refused": {
      const problem: SurveyFileProblem = { file, message: sniffed.message };
      if (sniffed.row !== undefined) problem.row = sniffed.row;
      return { ok: false, problems: [problem] };
    }
  }
}
