import {
  type Executor,
  findCurrentWaveBatch,
  findWave,
  type ImportBatchRow,
  listReturns,
  type WaveRecord,
} from "@atlas/db";
import {
  diffWaveReturns,
  type ImportMode,
  isEmptyDiff,
  type ParsedWave,
  type SurveyReturn,
  type WaveDiff,
  type WaveImport,
} from "@atlas/domain";
import type { ImportPlan } from "./apply-import";

/** One wave of the file against what is stored, and what the wave will be after the import. */
export interface WaveStep {
  wave: ParsedWave;
  existing: WaveRecord | undefined;
  stored: SurveyReturn[];
  batch: ImportBatchRow | undefined;
  diff: WaveDiff;
  synthetic: boolean;
  provisional: boolean;
  published: boolean;
  /** Nothing to write: no return changes and the wave's flags stay as they are. */
  unchanged: boolean;
}

export async function planWave(trx: Executor, plan: ImportPlan, wave: ParsedWave): Promise<WaveStep> {
  const { input, mode } = plan;
  const existing = await findWave(trx, wave.waveId);
  const stored = existing ? await listReturns(trx, { waveIds: [wave.waveId] }) : [];
  const diff = diffWaveReturns(stored, wave.returns, mode);
  // Adding to a wave keeps what it holds, so it stays synthetic if it was; replacing takes the file's word.
  const synthetic = mode === "add" && existing ? existing.synthetic || plan.synthetic : plan.synthetic;
  const provisional = input.provisional === true || (existing?.provisional ?? false);
  // A new wave is a draft when asked; an existing one keeps its state (publish and unpublish change it).
  const published = existing ? existing.published : input.draft !== true;
  const unchanged =
    existing !== undefined &&
    isEmptyDiff(diff) &&
    synthetic === existing.synthetic &&
    provisional === existing.provisional;
  return {
    wave,
    existing,
    stored,
    batch: await findCurrentWaveBatch(trx, wave.waveId),
    diff,
    synthetic,
    provisional,
    published,
    unchanged,
  };
}

export function toWaveImport(step: WaveStep, mode: ImportMode, batchId: string | null): WaveImport {
  const { diff } = step;
  const action = step.unchanged
    ? "unchanged"
    : !step.existing
      ? "created"
      : mode === "add"
        ? "updated"
        : isEmptyDiff(diff)
          ? "updated"
          : "replaced";
  return {
    waveId: step.wave.waveId,
    rows: step.wave.returns.length,
    action,
    previousRows: step.stored.length,
    batchId,
    diff: {
      counts: {
        added: diff.added.length,
        changed: diff.changed.length,
        removed: diff.removed.length,
        unchanged: diff.unchanged,
      },
      added: diff.added,
      changed: diff.changed,
      removed: diff.removed,
    },
    state: step.published ? "published" : "draft",
    provisional: step.provisional,
  };
}
