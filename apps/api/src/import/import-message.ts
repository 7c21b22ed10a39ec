import { codeList } from "@atlas/domain";
import type { ImportPlan } from "./apply-import";
import type { WaveStep } from "./plan-wave";

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `2 added, 1 changed (RX4: provision, places_offered), 3 removed`: what a wave's diff does. */
function diffText(step: WaveStep): string {
  const { diff } = step;
  const parts: string[] = [];
  if (diff.added.length > 0) parts.push(`${diff.added.length} added (${codeList(diff.added, 10)})`);
  if (diff.changed.length > 0) {
    const shown = diff.changed.slice(0, 5).map((c) => `${c.orgCode}: ${c.fields.join(", ")}`);
    const more = diff.changed.length > 5 ? `; and ${diff.changed.length - 5} more` : "";
    parts.push(`${diff.changed.length} changed (${shown.join("; ")}${more})`);
  }
  if (diff.removed.length > 0) parts.push(`${diff.removed.length} removed (${codeList(diff.removed, 10)})`);
  parts.push(`${diff.unchanged} unchanged`);
  return parts.join(", ");
}

function stateText(step: WaveStep): string {
  const flags = [step.published ? "" : "a draft", step.provisional ? "provisional" : ""].filter(Boolean);
  return flags.length > 0 ? ` as ${flags.join(", ")}` : "";
}

function after(step: WaveStep): number {
  return step.stored.length + step.diff.added.length - step.diff.removed.length;
}

function waveText(step: WaveStep, plan: ImportPlan, dryRun: boolean): string {
  const id = step.wave.waveId;
  if (step.unchanged) return `wave ${id} unchanged (${count(step.stored.length, "return")})`;
  if (!step.existing) {
    const returns = count(step.wave.returns.length, "return");
    return dryRun
      ? `create wave ${id}${stateText(step)} (${returns})`
      : `wave ${id} created${stateText(step)} (${returns})`;
  }
  const verb = plan.mode === "add" ? "update" : "replace";
  const totals = `${step.stored.length} → ${count(after(step), "return")}`;
  return dryRun
    ? `${verb} wave ${id} (${diffText(step)}; ${totals})`
    : `wave ${id} ${verb}d (${diffText(step)}; ${totals})`;
}

const skipped = (plan: ImportPlan) =>
  plan.skippedRows > 0 ? `; ${count(plan.skippedRows, "template row")} left blank skipped` : "";

/** The one-line summary of an import or a dry run. */
export function describeImport(plan: ImportPlan, steps: readonly WaveStep[], dryRun: boolean): string {
  const kind = plan.synthetic ? " as SYNTHETIC data" : "";
  const waves = steps.map((s) => waveText(s, plan, dryRun)).join("; ");
  if (dryRun) {
    return `Dry run: ${plan.file} is valid (${count(plan.rows, "row")}${skipped(plan)}); importing it would ${waves}${kind}. Nothing was stored.`;
  }
  return `Imported ${count(plan.rows, "row")} from ${plan.file}${kind}${skipped(plan)}: ${waves}.`;
}

/** Why an import changed nothing: the same file again, or rows that are stored exactly so already. */
export function describeUnchanged(plan: ImportPlan, steps: readonly WaveStep[]): string {
  const first = steps[0]?.batch;
  if (steps.every((s) => s.batch?.checksum === plan.checksum)) {
    return `${plan.file} is already imported (same checksum; imported by ${first?.importedBy} at ${first?.importedAt}); nothing changed.`;
  }
  const waves = steps.map((s) => `wave ${s.wave.waveId}: ${count(s.diff.unchanged, "return")}`).join("; ");
  return `${plan.file}: every row is stored exactly so already (${waves}); nothing changed.`;
}
