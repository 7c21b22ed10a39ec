import type { SurveyFileProblem } from "@atlas/domain";

/** The file is not valid: nothing was stored. Carries every problem found (up to the listing limit). */
export class ImportValidationError extends Error {
  constructor(
    readonly file: string,
    readonly problems: SurveyFileProblem[],
    /** All problems found, including any beyond the listing limit. */
    readonly problemCount: number = problems.length,
  ) {
    super(
      `${file}: ${problemCount} ${problemCount === 1 ? "problem" : "problems"} found; nothing was imported`,
    );
    this.name = "ImportValidationError";
  }
}

/** A wave the file holds already has returns, and replacing was not asked for: nothing was stored. */
export interface WaveConflict {
  waveId: string;
  storedRows: number;
  storedFrom: string | null;
  storedAt: string | null;
}

export class ImportConflictError extends Error {
  constructor(
    readonly file: string,
    readonly conflicts: WaveConflict[],
  ) {
    super(
      `${file}: ${conflicts.map(describeConflict).join("; ")}. Nothing was imported. To replace the stored returns, import again with --replace (CLI) or ?replace=true (API).`,
    );
    this.name = "ImportConflictError";
  }
}

function describeConflict(c: WaveConflict): string {
  const from = c.storedFrom ? ` from ${c.storedFrom}${c.storedAt ? `, imported ${c.storedAt}` : ""}` : "";
  return `wave ${c.waveId} already has ${c.storedRows} ${c.storedRows === 1 ? "return" : "returns"}${from}`;
}
