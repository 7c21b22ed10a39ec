import { createHash, randomUUID } from "node:crypto";
import {
  type AtlasDb,
  bumpDataVersion,
  countReturns,
  deleteWaveReturns,
  type Executor,
  findCurrentWaveBatch,
  findWave,
  inImportTransaction,
  insertImportBatch,
  insertReturns,
  listOrganisations,
  markWaveBatchesReplaced,
  upsertWave,
} from "@atlas/db";
import {
  type ImportSummary,
  isSyntheticFileName,
  type ParsedWave,
  SURVEY_FILE_LIMITS,
  type SurveyFileLimits,
  sanitiseFileName,
  validateSurveyTable,
  waveLabel,
} from "@atlas/domain";
import { decodeSurveyFile } from "./decode-file";
import { ImportConflictError, ImportValidationError, type WaveConflict } from "./errors";

export interface ImportInput {
  /** The name the file came with; only its sanitised base name is used and recorded. */
  fileName: string;
  bytes: Uint8Array;
  /** Replace waves that already have returns (otherwise they are refused). */
  replace?: boolean;
  /** Validate and report what would happen, storing nothing. */
  dryRun?: boolean;
  /** The workbook sheet to read (XLSX); otherwise the one visible sheet whose first row names survey columns. */
  sheet?: string | undefined;
  /** Who imported it, recorded with the batch, e.g. `cli:alice` or `api:203.0.113.9`. */
  importedBy: string;
  /** Marks the waves synthetic. A file whose name contains "synthetic" is always synthetic. */
  synthetic?: boolean;
  /** The waves' recorded source; a default naming the file is used otherwise. */
  source?: string;
  limits?: Partial<SurveyFileLimits>;
}

/** Thrown inside the transaction to roll a dry run back, carrying what it would have done. */
class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super("dry run");
  }
}

/**
 * Validates and imports a survey file in one transaction: every wave in it is created, or replaced when
 * `replace` is set, together with its import batch and a new data version, or nothing is stored.
 * An identical file (same SHA-256) that is already the stored source of all its waves is a no-op.
 * @throws ImportValidationError with every problem found; ImportConflictError when a wave exists and
 *   `replace` is not set.
 */
export async function importSurveyFile(
  database: Pick<AtlasDb, "db" | "kind">,
  input: ImportInput,
): Promise<ImportSummary> {
  const file = sanitiseFileName(input.fileName);
  const limits = { ...SURVEY_FILE_LIMITS, ...input.limits };
  const decoded = await decodeSurveyFile(input.bytes, file, { maxRows: limits.maxRows, sheet: input.sheet });
  if (!decoded.ok) throw new ImportValidationError(file, decoded.problems);
  const organisations = await listOrganisations(database.db);
  const validation = validateSurveyTable(decoded.table, { file, organisations, limits });
  if (!validation.ok) throw new ImportValidationError(file, validation.problems, validation.problemCount);

  const plan: Plan = {
    file,
    checksum: createHash("sha256").update(input.bytes).digest("hex"),
    synthetic: isSyntheticFileName(file) || input.synthetic === true,
    waves: validation.waves,
    rows: validation.rowCount,
    input,
  };
  try {
    return await inImportTransaction(database, (trx) => importInTransaction(trx, plan));
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    throw error;
  }
}

interface Plan {
  file: string;
  checksum: string;
  synthetic: boolean;
  waves: ParsedWave[];
  rows: number;
  input: ImportInput;
}

async function importInTransaction(trx: Executor, plan: Plan): Promise<ImportSummary> {
  const { file, checksum, synthetic, input } = plan;
  const dryRun = input.dryRun === true;
  const base = { dryRun, file, checksum, synthetic, rows: plan.rows, importedBy: input.importedBy };

  // Read under the lock, so a concurrent import of the same wave is seen before anything is decided.
  const current = [];
  for (const wave of plan.waves) {
    current.push({
      wave,
      batch: await findCurrentWaveBatch(trx, wave.waveId),
      stored: await countReturns(trx, wave.waveId),
    });
  }
  if (current.every((c) => c.batch?.checksum === checksum)) {
    const first = current[0]?.batch;
    return {
      ...base,
      status: "unchanged",
      waves: current.map((c) => ({
        waveId: c.wave.waveId,
        rows: c.wave.returns.length,
        action: "unchanged" as const,
        previousRows: c.stored,
        batchId: c.batch?.id ?? null,
      })),
      importedAt: first?.importedAt ?? null,
      dataVersion: null,
      message: `${file} is already imported (same checksum; imported by ${first?.importedBy} at ${first?.importedAt}); nothing changed.`,
    };
  }
  const conflicts: WaveConflict[] = current
    .filter((c) => c.stored > 0 && input.replace !== true)
    .map((c) => ({
      waveId: c.wave.waveId,
      storedRows: c.stored,
      storedFrom: c.batch?.fileName ?? null,
      storedAt: c.batch?.importedAt ?? null,
    }));
  if (conflicts.length > 0) throw new ImportConflictError(file, conflicts);

  const importedAt = new Date().toISOString();
  const waves: ImportSummary["waves"] = [];
  for (const { wave, stored } of current) {
    const existing = await findWave(trx, wave.waveId);
    await upsertWave(trx, {
      id: wave.waveId,
      label: waveLabel(wave.waveId, synthetic),
      // Fieldwork dates are not in the file: keep any recorded ones.
      fieldworkStart: existing?.fieldworkStart ?? null,
      fieldworkEnd: existing?.fieldworkEnd ?? null,
      synthetic,
      source: input.source ?? defaultSource(file, synthetic),
    });
    await markWaveBatchesReplaced(trx, wave.waveId);
    await deleteWaveReturns(trx, wave.waveId);
    const batchId = randomUUID();
    await insertImportBatch(trx, {
      id: batchId,
      fileName: file,
      checksum,
      waveId: wave.waveId,
      rowCount: wave.returns.length,
      importedBy: input.importedBy,
      importedAt,
      status: "imported",
    });
    await insertReturns(trx, wave.returns, batchId);
    waves.push({
      waveId: wave.waveId,
      rows: wave.returns.length,
      action: stored > 0 ? "replaced" : "created",
      previousRows: stored,
      batchId,
    });
  }
  const dataVersion = await bumpDataVersion(trx);
  const summary: ImportSummary = {
    ...base,
    status: dryRun ? "validated" : "imported",
    waves,
    importedAt: dryRun ? null : importedAt,
    dataVersion: dryRun ? null : dataVersion,
    message: describe(file, plan.rows, waves, synthetic, dryRun),
  };
  if (dryRun) throw new DryRunRollback({ ...summary, waves: waves.map((w) => ({ ...w, batchId: null })) });
  return summary;
}

function defaultSource(file: string, synthetic: boolean): string {
  return synthetic
    ? `Synthetic data, not real survey returns (imported from ${file})`
    : `Survey returns imported from ${file}`;
}

const rowsText = (n: number) => `${n} ${n === 1 ? "row" : "rows"}`;

function describe(
  file: string,
  rows: number,
  waves: ImportSummary["waves"],
  synthetic: boolean,
  dryRun: boolean,
): string {
  const kind = synthetic ? " as SYNTHETIC data" : "";
  if (dryRun) {
    const would = waves.map((w) =>
      w.action === "replaced"
        ? `replace wave ${w.waveId} (${rowsText(w.previousRows)} stored, ${w.rows} in the file)`
        : `create wave ${w.waveId} (${rowsText(w.rows)})`,
    );
    return `Dry run: ${file} is valid (${rowsText(rows)}); importing it would ${would.join(", ")}${kind}. Nothing was stored.`;
  }
  const done = waves.map((w) =>
    w.action === "replaced"
      ? `wave ${w.waveId} replaced (${rowsText(w.previousRows)} before, ${w.rows} now)`
      : `wave ${w.waveId} created (${rowsText(w.rows)})`,
  );
  return `Imported ${rowsText(rows)} from ${file}${kind}: ${done.join(", ")}.`;
}
