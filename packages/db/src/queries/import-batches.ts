import type { ImportBatchRow, NewImportBatchRow } from "../database";
import type { Executor } from "./executor";

export async function insertImportBatch(db: Executor, batch: NewImportBatchRow): Promise<void> {
  await db.insertInto("importBatches").values(batch).execute();
}

export async function findBatchByChecksum(
  db: Executor,
  checksum: string,
): Promise<ImportBatchRow | undefined> {
  return db
    .selectFrom("importBatches")
    .selectAll()
    .where("checksum", "=", checksum)
    .where("status", "=", "imported")
    .executeTakeFirst();
}

/** Marks a wave's current batches as superseded by a replacing import. */
export async function markWaveBatchesReplaced(db: Executor, waveId: string): Promise<void> {
  await db
    .updateTable("importBatches")
    .set({ status: "replaced" })
    .where("waveId", "=", waveId)
    .where("status", "=", "imported")
    .execute();
}

export async function listImportBatches(db: Executor): Promise<ImportBatchRow[]> {
  return db.selectFrom("importBatches").selectAll().orderBy("importedAt", "desc").execute();
}

/** The batch a wave's stored returns came from (status `imported`), if it has any. */
export async function findCurrentWaveBatch(
  db: Executor,
  waveId: string,
): Promise<ImportBatchRow | undefined> {
  return db
    .selectFrom("importBatches")
    .selectAll()
    .where("waveId", "=", waveId)
    .where("status", "=", "imported")
    .orderBy("importedAt", "desc")
    .executeTakeFirst();
}

/** Each wave's most recent import batch (any status): when, what and who last changed it. */
export async function latestWaveBatches(db: Executor): Promise<Map<string, ImportBatchRow>> {
  const rows = await db.selectFrom("importBatches").selectAll().orderBy("importedAt").execute();
  return new Map(rows.map((r) => [r.waveId, r]));
}
