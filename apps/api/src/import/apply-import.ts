import { randomUUID } from "node:crypto";
import {
  bumpDataVersion,
  deleteReturns,
  deleteWaveReturns,
  type Executor,
  insertImportBatch,
  insertReturns,
  insertRevisions,
  markWaveBatchesReplaced,
  type NewReturnRevisionRow,
  upsertWave,
} from "@atlas/db";
import {
  confirmationsNeeded,
  type ImportMode,
  type ImportSummary,
  type ParsedWave,
  type WaveImport,
  waveLabel,
} from "@atlas/domain";
import { ImportConfirmationError, ImportConflictError, type WaveConflict } from "./errors";
import { describeImport, describeUnchanged } from "./import-message";
import type { ImportInput } from "./import-survey";
import { planWave, toWaveImport, type WaveStep } from "./plan-wave";

/** A validated file, ready to be applied to the database. */
export interface ImportPlan {
  file: string;
  checksum: string;
  synthetic: boolean;
  waves: ParsedWave[];
  rows: number;
  skippedRows: number;
  mode: ImportMode;
  by: string | null;
  input: ImportInput;
}

/** Thrown inside the transaction to roll a dry run back, carrying what it would have done. */
export class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super("dry run");
  }
}

/**
 * Applies a validated file inside the import transaction. Reads happen under the import lock, so a
 * concurrent import of the same wave is seen before anything is decided.
 */
export async function applyImport(trx: Executor, plan: ImportPlan): Promise<ImportSummary> {
  const { file, checksum, synthetic, input, mode } = plan;
  const dryRun = input.dryRun === true;
  const base = {
    dryRun,
    mode,
    file,
    checksum,
    synthetic,
    rows: plan.rows,
    skippedRows: plan.skippedRows,
    importedBy: input.importedBy,
    by: plan.by,
  };

  const steps: WaveStep[] = [];
  for (const wave of plan.waves) steps.push(await planWave(trx, plan, wave));

  if (steps.every((s) => s.unchanged)) {
    return {
      ...base,
      status: "unchanged",
      waves: steps.map((s) => toWaveImport(s, mode, s.batch?.id ?? null)),
      importedAt: null,
      dataVersion: null,
      publicDataVersion: null,
      message: describeUnchanged(plan, steps),
    };
  }

  const reasons = confirmationsNeeded({
    mode,
    waves: steps.map((s) => ({
      rows: {
        waveId: s.wave.waveId,
        rows: s.wave.rows,
        orgCodes: s.wave.returns.map((r) => r.orgCode),
      },
      storedRows: s.stored.length,
      diff: s.diff,
    })),
    confirmShrink: input.confirmShrink === true,
    confirmWaves: input.confirmWaves ?? null,
  });
  if (reasons.length > 0) {
    throw new ImportConfirmationError(
      file,
      reasons,
      steps.map((s) => toWaveImport(s, mode, null)),
    );
  }

  const conflicts: WaveConflict[] = steps
    .filter((s) => !s.unchanged)
    .flatMap((s): WaveConflict[] => {
      const stored = {
        waveId: s.wave.waveId,
        storedRows: s.stored.length,
        storedFrom: s.batch?.fileName ?? null,
        storedAt: s.batch?.importedAt ?? null,
      };
      if (input.draft === true && s.existing?.published) return [{ ...stored, kind: "published" }];
      if (mode === "create" && s.stored.length > 0) return [{ ...stored, kind: "has_returns" }];
      return [];
    });
  if (conflicts.length > 0) throw new ImportConflictError(file, conflicts);

  const importedAt = new Date().toISOString();
  const who = plan.by ?? input.importedBy;
  const waves: WaveImport[] = [];
  for (const step of steps) {
    if (step.unchanged) {
      waves.push(toWaveImport(step, mode, step.batch?.id ?? null));
      continue;
    }
    const batchId = await writeWave(trx, plan, step, { importedAt, who });
    waves.push(toWaveImport(step, mode, batchId));
  }
  const publicChanged = steps.some((s) => !s.unchanged && s.published);
  const dataVersion = await bumpDataVersion(trx, { publicData: publicChanged });
  const summary: ImportSummary = {
    ...base,
    status: dryRun ? "validated" : "imported",
    waves,
    importedAt: dryRun ? null : importedAt,
    dataVersion: dryRun ? null : dataVersion,
    publicDataVersion: dryRun || !publicChanged ? null : dataVersion,
    message: describeImport(plan, steps, dryRun),
  };
  if (dryRun) throw new DryRunRollback({ ...summary, waves: waves.map((w) => ({ ...w, batchId: null })) });
  return summary;
}

/** Writes one wave: its record, a batch, the changed returns and their revisions. Returns the batch id. */
async function writeWave(
  trx: Executor,
  plan: ImportPlan,
  step: WaveStep,
  at: { importedAt: string; who: string },
): Promise<string> {
  const { wave, existing, diff } = step;
  const { input, mode } = plan;
  const firstPublished = !existing && step.published;
  await upsertWave(
    trx,
    {
      id: wave.waveId,
      label: waveLabel(wave.waveId, step.synthetic),
      // Fieldwork dates are not in the file: keep any recorded ones.
      fieldworkStart: existing?.fieldworkStart ?? null,
      fieldworkEnd: existing?.fieldworkEnd ?? null,
      synthetic: step.synthetic,
      source:
        input.source ?? defaultSource(plan.file, step.synthetic, mode === "add" && step.stored.length > 0),
    },
    {
      published: step.published,
      provisional: step.provisional,
      ...(firstPublished ? { publishedAt: at.importedAt, publishedBy: at.who } : {}),
    },
  );
  if (mode !== "add") await markWaveBatchesReplaced(trx, wave.waveId);
  const batchId = randomUUID();
  await insertImportBatch(trx, {
    id: batchId,
    fileName: plan.file,
    checksum: plan.checksum,
    waveId: wave.waveId,
    rowCount: wave.returns.length,
    importedBy: input.importedBy,
    importedAt: at.importedAt,
    status: "imported",
    mode,
    byLabel: plan.by,
  });
  if (mode === "add") {
    const changed = new Set(diff.changed.map((c) => c.orgCode));
    const added = new Set(diff.added);
    await deleteReturns(trx, wave.waveId, [...changed]);
    await insertReturns(
      trx,
      wave.returns.filter((r) => changed.has(r.orgCode) || added.has(r.orgCode)),
      batchId,
    );
  } else {
    // The wave becomes exactly the file's returns, all from this batch: readers see the old wave or the new.
    await deleteWaveReturns(trx, wave.waveId);
    await insertReturns(trx, wave.returns, batchId);
  }
  const revision = (
    orgCode: string,
    action: string,
    fields: readonly string[] = [],
  ): NewReturnRevisionRow => ({
    batchId,
    waveId: wave.waveId,
    orgCode,
    action,
    changedFields: fields.join(";"),
  });
  await insertRevisions(trx, [
    ...diff.added.map((code) => revision(code, "added")),
    ...diff.changed.map((c) => revision(c.orgCode, "changed", c.fields)),
    ...diff.removed.map((code) => revision(code, "removed")),
  ]);
  return batchId;
}

function defaultSource(file: string, synthetic: boolean, added: boolean): string {
  const from = added ? `several files, the latest ${file}` : file;
  return synthetic
    ? `Synthetic data, not real survey returns (imported from ${from})`
    : `Survey returns imported from ${from}`;
}
