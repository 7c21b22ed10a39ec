import type { Insertable, Selectable } from "kysely";

/**
 * One change to one organisation's return in one wave, made by one import batch (which records the file,
 * checksum, time and who). Unchanged rows of an import leave no revision.
 */
export interface ReturnRevisionTable {
  batchId: string;
  waveId: string;
  orgCode: string;
  /** `added`, `changed` or `removed`. */
  action: string;
  /** The survey-format columns whose values changed (`;`-joined); empty for added and removed returns. */
  changedFields: string;
}
export type ReturnRevisionRow = Selectable<ReturnRevisionTable>;
export type NewReturnRevisionRow = Insertable<ReturnRevisionTable>;
