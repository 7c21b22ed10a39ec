import { createHash } from "node:crypto";
import { type AtlasDb, inImportTransaction, listOrganisations } from "@atlas/db";
import {
  type ImportMode,
  type ImportSummary,
  isSyntheticFileName,
  parseChangeLabel,
  SURVEY_FILE_LIMITS,
  type SurveyFileLimits,
  sanitiseFileName,
  validateSurveyTable,
} from "@atlas/domain";
import { applyImport, DryRunRollback, type ImportPlan } from "./apply-import";
import { decodeSurveyFile } from "./decode-file";
import { ImportOptionError, ImportValidationError } from "./errors";

/** What to import and how. Plain data only (structured-clone-able), so it can be handed to a worker. */
export interface ImportInput {
  /** The name the file came with; only its sanitised base name is used and recorded. */
  fileName: string;
  bytes: Uint8Array;
  /**
   * `create` (default): waves that already have returns are refused; `add`: add or update the file's
   * returns and keep the wave's others; `replace`: the wave's returns become exactly the file's.
   */
  mode?: ImportMode;
  /** The older spelling of `mode: "replace"` (`--replace`, `?replace=true`). */
  replace?: boolean;
  /** Validate and report what would happen, storing nothing. */
  dryRun?: boolean;
  /** The workbook sheet to read (XLSX); otherwise the one visible sheet whose first row names survey columns. */
  sheet?: string | undefined;
  /** The technical origin, recorded with the batch: `cli:<user>` or `api:<client address>`. */
  importedBy: string;
  /** Who, as the person importing names themselves (`--by`, `?by=`); checked by parseChangeLabel. */
  by?: string | null;
  /** Marks the waves synthetic. A file whose name contains "synthetic" is always synthetic. */
  synthetic?: boolean;
  /** The waves' recorded source; a default naming the file is used otherwise. */
  source?: string;
  /** Waves the file creates are drafts (not public until published). Refused for a published wave. */
  draft?: boolean;
  /** Marks every wave in the file provisional (its values may still change). */
  provisional?: boolean;
  /** Confirms a replace that removes more than 10% of a wave's stored returns. */
  confirmShrink?: boolean;
  /** Confirms that the file holds exactly these waves (needed when it holds more than one). */
  confirmWaves?: string[];
  limits?: Partial<SurveyFileLimits>;
}

/** The mode asked for, reading `replace: true` as mode `replace`. */
export function importMode(input: Pick<ImportInput, "mode" | "replace">): ImportMode {
  if (input.replace === true && input.mode !== undefined && input.mode !== "replace") {
    throw new ImportOptionError(
      "mode",
      `mode: "${input.mode}" and replace cannot both be asked for; use one mode`,
    );
  }
  return input.mode ?? (input.replace === true ? "replace" : "create");
}

/**
 * Validates and imports a survey file in one transaction: for every wave in it, the file's returns are
 * created, added or replaced (see `mode`) with their import batch, revision history and new data versions,
 * or nothing is stored. Rows already stored exactly so are not written; an import that would change nothing
 * is a no-op that says so.
 * @throws ImportValidationError with every problem found; ImportConfirmationError when the import needs a
 *   confirmation (several waves, a shrinking replace); ImportConflictError when a wave exists and the mode
 *   is `create`, or a draft import names a published wave; ImportOptionError for a bad option.
 */
export async function importSurveyFile(
  database: Pick<AtlasDb, "db" | "kind">,
  input: ImportInput,
): Promise<ImportSummary> {
  const mode = importMode(input);
  const by = parseChangeLabel(input.by ?? undefined);
  if (!by.ok) throw new ImportOptionError("by", by.message);
  const file = sanitiseFileName(input.fileName);
  const limits = { ...SURVEY_FILE_LIMITS, ...input.limits };
  const decoded = await decodeSurveyFile(input.bytes, file, { maxRows: limits.maxRows, sheet: input.sheet });
  if (!decoded.ok) throw new ImportValidationError(file, decoded.problems);
  const organisations = await listOrganisations(database.db);
  const validation = validateSurveyTable(decoded.table, { file, organisations, limits });
  if (!validation.ok) throw new ImportValidationError(file, validation.problems, validation.problemCount);

  const plan: ImportPlan = {
    file,
    checksum: createHash("sha256").update(input.bytes).digest("hex"),
    synthetic: isSyntheticFileName(file) || input.synthetic === true,
    waves: validation.waves,
    rows: validation.rowCount,
    skippedRows: validation.skippedRows,
    mode,
    by: by.label,
    input,
  };
  try {
    return await inImportTransaction(database, (trx) => applyImport(trx, plan));
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    throw error;
  }
}
