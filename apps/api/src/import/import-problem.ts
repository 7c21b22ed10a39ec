import { describeConfirmation, rowRanges } from "@atlas/domain";
import { type ProblemDetail, ProblemError } from "../problem";
import {
  API_SPELLING,
  describeConflict,
  ImportConfirmationError,
  ImportConflictError,
  ImportOptionError,
  ImportValidationError,
} from "./errors";

/** Problem details listed for the rows of an unexpected wave, at most. */
const MAX_ROW_DETAILS = 500;

/**
 * The HTTP answer to an import error: 422 for an invalid file (every problem), 409 for a conflict or an
 * import that needs a confirmation (naming the rows and organisations, with the diff in `waves`), 400 for a
 * bad option. Anything else is returned as it is, for app.onError.
 */
export function importProblem(error: unknown): unknown {
  if (error instanceof ImportValidationError) {
    return new ProblemError("unprocessable", error.message, error.problems);
  }
  if (error instanceof ImportOptionError) {
    return new ProblemError("bad_request", error.detail, [
      { parameter: error.parameter, message: error.detail },
    ]);
  }
  if (error instanceof ImportConflictError) {
    return new ProblemError(
      "conflict",
      `${error.file}: ${error.conflicts.map((c) => describeConflict(c, API_SPELLING)).join("; ")}. Nothing was imported.`,
      error.conflicts.map((w) => ({
        parameter: w.kind === "published" ? "draft" : "mode",
        message:
          w.kind === "published"
            ? `wave ${w.waveId} is published`
            : `wave ${w.waveId} already has ${w.storedRows} ${w.storedRows === 1 ? "return" : "returns"}${w.storedFrom ? ` from ${w.storedFrom}` : ""}`,
      })),
    );
  }
  if (error instanceof ImportConfirmationError) {
    const details: ProblemDetail[] = [];
    for (const reason of error.reasons) {
      if (reason.kind === "shrink") {
        details.push({
          parameter: "confirmShrink",
          message: `wave ${reason.waveId}: ${reason.removed.length} of ${reason.storedRows} stored returns would be removed: ${reason.removed.join(", ")}`,
        });
        continue;
      }
      // Every row of the waves other than the largest: the rows that differ.
      const [main, ...others] = reason.waves;
      for (const w of others) {
        w.rows.forEach((row, i) => {
          if (details.length >= MAX_ROW_DETAILS) return;
          details.push({
            parameter: "confirmWaves",
            file: error.file,
            row,
            column: "wave",
            value: w.waveId,
            message: `row ${row} (${w.orgCodes[i]}) is in wave ${w.waveId}; ${main ? `the file's other ${main.rows.length} rows are in wave ${main.waveId} (rows ${rowRanges(main.rows)})` : ""}`,
          });
        });
      }
    }
    return new ProblemError(
      "confirmation_required",
      `${error.file}: refused: ${error.reasons.map((r) => describeConfirmation(r, API_SPELLING)).join(". Also, ")}. Nothing was imported.`,
      details,
      {},
      { waves: error.waves },
    );
  }
  return error;
}
