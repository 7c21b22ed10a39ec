import type { Problem } from "@atlas/domain";
import { ApiError, ApiUnreachableError } from "../api/client";

/** What went wrong, in the team's terms: the server's own message when it sent one. */
export function errorText(error: unknown): string {
  if (error instanceof ApiUnreachableError)
    return "The server cannot be reached. Nothing was changed; try again.";
  if (error instanceof ApiError) {
    if (error.status === 401)
      return "The server refused the admin token. Lock the page and unlock it with the right token.";
    if (error.problem) return error.problem.detail;
    return `The server answered ${error.status}.`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The message for a token that did not unlock the page. */
export function unlockErrorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401)
      return "That is not the admin token: the server refused it. Check it (copy it again, without spaces) and try again.";
    if (error.status === 403)
      return "Admin requests are off on this server: it has no ATLAS_ADMIN_TOKEN. Ask whoever runs it to set one.";
    if (error.status === 429)
      return `Too many wrong tokens from this address. ${error.problem?.detail ?? ""}`.trim();
  }
  return errorText(error);
}

/** Whether the problem is an import refused until it is confirmed (confirmShrink, confirmWaves). */
export function isConfirmationRequired(problem: Problem | null): problem is Problem {
  return problem?.type.endsWith("/confirmation-required") ?? false;
}

/** The confirmations a refused import asks for: a shrink, and the waves when the file names several. */
export function confirmationsAsked(problem: Problem): { shrink: string[]; waves: string[] | null } {
  const errors = problem.errors ?? [];
  const shrink = errors.filter((e) => e.parameter === "confirmShrink").map((e) => e.message);
  const waves = errors.some((e) => e.parameter === "confirmWaves")
    ? (problem.waves ?? []).map((w) => w.waveId)
    : null;
  return { shrink, waves };
}

/** A survey-file problem as the CLI prints it: where (file, sheet, row, column), then what. */
export function problemLine(p: NonNullable<Problem["errors"]>[number]): string {
  const where = [
    p.file,
    p.sheet ? `sheet "${p.sheet}"` : null,
    p.row === undefined ? null : `row ${p.row}`,
    p.column ?? p.parameter ?? null,
  ].filter(Boolean);
  return where.length > 0 ? `${where.join(", ")}: ${p.message}` : p.message;
}
