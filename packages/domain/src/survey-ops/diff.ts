import { surveyRowCells } from "../survey-file/write-csv";
import { SURVEY_COLUMNS, type SurveyColumn, type SurveyReturn } from "../survey-return";

/** How a file's returns for one wave differ from the wave's stored returns. */
export interface WaveDiff {
  /** Organisations with a return in the file and none stored. */
  added: string[];
  /** Organisations whose stored return differs from the file's, with the survey-format columns that differ. */
  changed: { orgCode: string; fields: SurveyColumn[] }[];
  /** Organisations whose stored return a replace would delete (not in the file); always empty when adding. */
  removed: string[];
  /** Returns in the file that are stored exactly so already. */
  unchanged: number;
}

/** The survey-format columns (besides wave and org_code) in which two returns differ. */
export function changedColumns(before: SurveyReturn, after: SurveyReturn): SurveyColumn[] {
  // Compared as the file format writes them: equal cells are equal values (lists in order, numbers as numbers).
  const a = surveyRowCells(before);
  const b = surveyRowCells(after);
  return SURVEY_COLUMNS.filter((c) => c !== "wave" && c !== "org_code" && a[c] !== b[c]);
}

/**
 * Compares a file's returns for one wave with the stored ones. `add` keeps stored returns the file does not
 * name; `replace` (and `create`) removes them. Codes are in code order.
 */
export function diffWaveReturns(
  stored: readonly SurveyReturn[],
  incoming: readonly SurveyReturn[],
  mode: "create" | "add" | "replace",
): WaveDiff {
  const before = new Map(stored.map((r) => [r.orgCode, r]));
  const inFile = new Set<string>();
  const diff: WaveDiff = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const r of incoming) {
    inFile.add(r.orgCode);
    const old = before.get(r.orgCode);
    if (!old) {
      diff.added.push(r.orgCode);
      continue;
    }
    const fields = changedColumns(old, r);
    if (fields.length === 0) diff.unchanged++;
    else diff.changed.push({ orgCode: r.orgCode, fields });
  }
  if (mode !== "add") diff.removed = [...before.keys()].filter((code) => !inFile.has(code));
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  diff.added.sort(byCode);
  diff.removed.sort(byCode);
  diff.changed.sort((a, b) => byCode(a.orgCode, b.orgCode));
  return diff;
}

/** Whether applying the diff would change no stored return. */
export function isEmptyDiff(diff: WaveDiff): boolean {
  return diff.added.length === 0 && diff.changed.length === 0 && diff.removed.length === 0;
}
