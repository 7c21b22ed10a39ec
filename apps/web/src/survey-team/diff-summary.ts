import type { ImportSummary, WaveImport } from "@atlas/domain";

/** Organisation names by code (the register), to name organisations beside their codes. */
export type OrganisationNames = ReadonlyMap<string, string>;

export interface DiffLine {
  kind: "added" | "changed" | "removed" | "unchanged";
  count: number;
  /** E.g. "2 added: RV3 (Leeds and York Partnership NHS Foundation Trust), RX4 (…)". */
  text: string;
}

const named = (code: string, names: OrganisationNames) => {
  const name = names.get(code);
  return name ? `${code} (${name})` : code;
};

/**
 * One line per kind of change a file makes to a wave, each naming its organisations (with the columns
 * that change for a changed return).
 * @example diffLines(wave, new Map([["RV3", "Leeds"]]))[0].text // "1 added: RV3 (Leeds)"
 */
export function diffLines(wave: Pick<WaveImport, "diff">, names: OrganisationNames): DiffLine[] {
  const { counts, added, changed, removed } = wave.diff;
  const list = (codes: readonly string[]) => codes.map((code) => named(code, names)).join(", ");
  const line = (kind: DiffLine["kind"], count: number, who: string): DiffLine => ({
    kind,
    count,
    text: `${count} ${kind}${count > 0 && who ? `: ${who}` : ""}`,
  });
  return [
    line("added", counts.added, list(added)),
    line(
      "changed",
      counts.changed,
      changed.map((c) => `${named(c.orgCode, names)}: ${c.fields.join(", ")}`).join("; "),
    ),
    line("removed", counts.removed, list(removed)),
    line("unchanged", counts.unchanged, ""),
  ];
}

const ACTION_WORDS: Record<WaveImport["action"], string> = {
  created: "a new wave",
  replaced: "replaced",
  updated: "updated",
  unchanged: "unchanged",
};

/**
 * The heading of a wave's diff: what happens to it and its state after the import.
 * @example waveHeading({ waveId: "2027", action: "created", state: "draft", previousRows: 0, ... })
 *   // "Wave 2027: a new wave, draft (0 → 2 returns)"
 */
export function waveHeading(wave: WaveImport): string {
  const { counts } = wave.diff;
  const after = wave.previousRows + counts.added - counts.removed;
  const state = `${wave.state}${wave.provisional ? ", provisional" : ""}`;
  return `Wave ${wave.waveId}: ${ACTION_WORDS[wave.action]}, ${state} (${wave.previousRows} → ${after} returns)`;
}

/**
 * What a dry run or an import did, in one sentence for the status line.
 * @example importHeadline({ status: "validated", waves: [...] }) // "Dry run: nothing was stored. Importing would add 2 returns, change 0 and remove 0."
 */
export function importHeadline(summary: Pick<ImportSummary, "status" | "waves">): string {
  const total = (kind: "added" | "changed" | "removed") =>
    summary.waves.reduce((sum, w) => sum + w.diff.counts[kind], 0);
  const [added, changed, removed] = [total("added"), total("changed"), total("removed")];
  const returns = (n: number) => `${n} ${n === 1 ? "return" : "returns"}`;
  switch (summary.status) {
    case "validated":
      return added + changed + removed === 0
        ? "Dry run: nothing was stored. The file changes nothing: every row is stored exactly so already."
        : `Dry run: nothing was stored. Importing would add ${returns(added)}, change ${changed} and remove ${removed}.`;
    case "imported":
      return `Imported: ${returns(added)} added, ${changed} changed, ${removed} removed.`;
    case "unchanged":
      return "Nothing to import: every row is stored exactly so already.";
  }
}
