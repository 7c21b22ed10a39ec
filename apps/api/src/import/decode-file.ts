import type { SurveyFileProblem } from "@atlas/domain";
import { type Decoded, type DecodeOptions, decodeCsv } from "./decode-csv";
import { decodeXlsx } from "./decode-xlsx";
import { sniffFile } from "./sniff";

/**
 * Turns a file's bytes into a table, by what the bytes are (not by name or content type): an XLSX
 * workbook's survey sheet, or CSV text. Anything else is a problem naming the file.
 */
export async function decodeSurveyFile(
  bytes: Uint8Array,
  file: string,
  options: DecodeOptions,
): Promise<Decoded> {
  const sniffed = sniffFile(bytes);
  if (options.sheet !== undefined && sniffed.kind !== "xlsx" && sniffed.kind !== "refused") {
    return {
      ok: false,
      problems: [
        {
          file,
          value: options.sheet,
          message: `a sheet ("${options.sheet}") was chosen, but this file is not an XLSX workbook; only workbooks have sheets`,
        },
      ],
    };
  }
  switch (sniffed.kind) {
    case "empty":
      return { ok: true, table: null };
    case "xlsx":
      return decodeXlsx(bytes, file, options);
    case "text":
      return decodeCsv(sniffed.text, file, options.maxRows);
    case "refused": {
      const problem: SurveyFileProblem = { file, message: sniffed.message };
      if (sniffed.row !== undefined) problem.row = sniffed.row;
      return { ok: false, problems: [problem] };
    }
  }
}
