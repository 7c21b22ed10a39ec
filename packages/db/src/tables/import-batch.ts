import type { Insertable, Selectable } from "kysely";

export interface ImportBatchTable {
  id: string;
  fileName: string;
  checksum: string;
  waveId: string;
  rowCount: number;
  /** The technical origin: `cli:<user>` or `api:<client address>`. */
  importedBy: string;
  importedAt: string;
  /** `imported` or `replaced` (superseded by a later replacing import of the same wave). */
  status: string;
  /** `create`, `add` or `replace`; null for imports made before modes existed. */
  mode: string | null;
  /** Who, as the person importing named themselves (`--by NAME`, `?by=`); null when not given. */
  byLabel: string | null;
}
export type ImportBatchRow = Selectable<ImportBatchTable>;
export type NewImportBatchRow = Insertable<ImportBatchTable>;
