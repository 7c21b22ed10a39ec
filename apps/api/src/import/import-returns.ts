import { createHash } from "node:crypto";
import type { Executor } from "@atlas/db";
import { formatSurveyCsv, type ImportSummary, type SurveyReturn } from "@atlas/domain";
import { applyImport, type ImportPlan } from "./apply-import";

/** Returns already checked by the rules of one return (checkReturn), to add to one wave. */
export interface ReturnsToAdd {
  waveId: string;
  returns: SurveyReturn[];
  /** Recorded as the batch's file name (e.g. `respondent form`). */
  source: string;
  /** The technical origin, recorded with the batch (e.g. `link:<link id>`). */
  importedBy: string;
  /** Who, as named: recorded with every revision (`respondent link`). */
  by: string;
  /** A wave these returns create is a draft; a published wave is refused (ImportConflictError). */
  draft: boolean;
}

/**
 * Adds returns that did not come in a file (the respondent form) through exactly the path of
 * `pnpm atlas import --add`: the same plan, diff, batch, revisions and data-version bumps, inside the
 * caller's import transaction (so the caller can check and record more under the same lock). The batch's
 * checksum is the SHA-256 of the returns written as a survey file.
 * @throws ImportConflictError when `draft` and the wave is published
 */
export async function addReturns(trx: Executor, input: ReturnsToAdd): Promise<ImportSummary> {
  const csv = formatSurveyCsv(input.returns);
  const bytes = new TextEncoder().encode(csv);
  const plan: ImportPlan = {
    file: input.source,
    checksum: createHash("sha256").update(bytes).digest("hex"),
    synthetic: false,
    waves: [{ waveId: input.waveId, returns: input.returns, rows: input.returns.map((_r, i) => i + 2) }],
    rows: input.returns.length,
    skippedRows: 0,
    mode: "add",
    by: input.by,
    input: {
      fileName: input.source,
      bytes,
      mode: "add",
      importedBy: input.importedBy,
      by: input.by,
      draft: input.draft,
    },
  };
  return applyImport(trx, plan);
}
