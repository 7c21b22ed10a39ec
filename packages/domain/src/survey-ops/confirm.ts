import type { WaveDiff } from "./diff";

/** A replace may remove at most this share of a wave's stored returns without `confirmShrink`. */
export const SHRINK_LIMIT = 0.1;

/** Row numbers and organisations a file gives one wave (for naming the rows of an unexpected wave). */
export interface WaveRows {
  waveId: string;
  rows: number[];
  orgCodes: string[];
}

/** Why an import was refused until someone confirms it; plain data, so it can cross a worker boundary. */
export type ConfirmationReason =
  | {
      kind: "several_waves";
      /** Every wave the file's rows name, the largest first. */
      waves: WaveRows[];
      /** The waves a confirmation named, when one was given but does not match the file. */
      confirmed: string[] | null;
    }
  | {
      kind: "shrink";
      waveId: string;
      storedRows: number;
      fileRows: number;
      /** Organisations whose stored returns the replace would delete. */
      removed: string[];
    };

export interface ConfirmationInput {
  mode: "create" | "add" | "replace";
  /** The file's waves, each with its rows, and the diff against what is stored. */
  waves: { rows: WaveRows; storedRows: number; diff: WaveDiff }[];
  confirmShrink: boolean;
  /** The waves the user confirmed a file may hold (`--confirm-waves`), or null. */
  confirmWaves: readonly string[] | null;
}

/**
 * What must be confirmed before this import may go ahead: a file whose rows name more than one wave
 * (unless `confirmWaves` names exactly those waves), and a replace that would remove more than
 * SHRINK_LIMIT of a wave's stored returns (unless `confirmShrink`). Empty when it may go ahead.
 */
export function confirmationsNeeded(input: ConfirmationInput): ConfirmationReason[] {
  const reasons: ConfirmationReason[] = [];
  const ids = input.waves.map((w) => w.rows.waveId);
  if (ids.length > 1) {
    const confirmed = input.confirmWaves ? [...new Set(input.confirmWaves)].sort() : null;
    const matches = confirmed !== null && confirmed.join(",") === [...ids].sort().join(",");
    if (!matches) {
      const waves = input.waves.map((w) => w.rows).sort((a, b) => b.rows.length - a.rows.length);
      reasons.push({ kind: "several_waves", waves, confirmed });
    }
  }
  if (input.mode === "replace" && !input.confirmShrink) {
    for (const w of input.waves) {
      const removed = w.diff.removed.length;
      if (w.storedRows > 0 && removed / w.storedRows > SHRINK_LIMIT) {
        reasons.push({
          kind: "shrink",
          waveId: w.rows.waveId,
          storedRows: w.storedRows,
          fileRows: w.rows.rows.length,
          removed: w.diff.removed,
        });
      }
    }
  }
  return reasons;
}

/** `2–5, 9, 12–13`: sorted row numbers as ranges, shortened after `max` ranges. */
export function rowRanges(rows: readonly number[], max = 12): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    ranges.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return ranges.length <= max
    ? ranges.join(", ")
    : `${ranges.slice(0, max).join(", ")} and ${ranges.length - max} more ranges`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Names a list of codes, the first `max` of them. */
export function codeList(codes: readonly string[], max = 20): string {
  return codes.length <= max
    ? codes.join(", ")
    : `${codes.slice(0, max).join(", ")} and ${codes.length - max} more`;
}

/** One wave's rows in a message: `wave 2026 in row 85 (RX4)`, `wave 2027 in rows 2–84, 86 (83 rows)`. */
function describeWaveRows(w: WaveRows): string {
  const where = `${w.rows.length === 1 ? "row" : "rows"} ${rowRanges(w.rows)}`;
  const what = w.rows.length <= 10 ? codeList(w.orgCodes) : plural(w.rows.length, "row");
  return `wave ${w.waveId} in ${where} (${what})`;
}

/**
 * A sentence per reason, saying what and where and how to confirm (`how` gives the spelling of the
 * confirmation for the CLI or the API).
 */
export function describeConfirmation(
  reason: ConfirmationReason,
  how: { waves: (ids: string) => string; shrink: string; add: string },
): string {
  if (reason.kind === "several_waves") {
    const ids = reason.waves
      .map((w) => w.waveId)
      .sort()
      .join(",");
    const said = reason.confirmed ? ` (the confirmation named ${reason.confirmed.join(",") || "none"})` : "";
    return `the file's rows name ${reason.waves.length} waves: ${reason.waves.map(describeWaveRows).join("; ")}${said}. A file normally holds one wave, so check the wave column of those rows; if the file really holds several waves, confirm with ${how.waves(ids)}`;
  }
  const pct = Math.round((reason.removed.length / reason.storedRows) * 1000) / 10;
  return `replacing wave ${reason.waveId} would remove ${reason.removed.length} of its ${plural(reason.storedRows, "stored return")} (${pct}%, more than ${SHRINK_LIMIT * 100}%): ${codeList(reason.removed)}; the file holds ${plural(reason.fileRows, "row")} for that wave. To add or update returns and keep the others, use ${how.add}; to remove them, confirm with ${how.shrink}`;
}
