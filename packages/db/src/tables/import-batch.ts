import type { Insertable, Selectable } from "kysely";

export interface ImportBatchTable {
  id: string;
  fileName: string;
  checksum: string;
  waveId: string;
  rowCount: number;
  importedBy: string;
  importedAt: string;
  /** `imported` or `replaced` (superseded by a later import of the same wave). */
  status: string;
}
export type ImportBatchRow = Selectable<ImportBatchTable>;
export type NewImportBatchRow = Insertable<ImportBatchTable>;
