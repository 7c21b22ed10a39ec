import type { NewReturnRevisionRow } from "../database";
import type { Executor } from "./executor";

/** One recorded change to a return, with the import that made it. */
export interface ReturnRevision {
  waveId: string;
  orgCode: string;
  action: "added" | "changed" | "removed";
  /** Survey-format columns whose values changed (changed returns only). */
  fields: string[];
  batchId: string;
  fileName: string;
  checksum: string;
  importedAt: string;
  /** The technical origin, `cli:<user>` or `api:<address>`. */
  importedBy: string;
  /** The name the importer gave (`--by`), if any. */
  byLabel: string | null;
  mode: string | null;
}

export async function insertRevisions(
  db: Executor,
  revisions: readonly NewReturnRevisionRow[],
): Promise<void> {
  for (let i = 0; i < revisions.length; i += 200) {
    await db
      .insertInto("returnRevisions")
      .values(revisions.slice(i, i + 200))
      .execute();
  }
}

/**
 * Recorded changes, newest first (then by wave and organisation), for one organisation or one wave.
 * `waveIds` narrows to those waves (e.g. the published ones, for a public read).
 */
export async function listRevisions(
  db: Executor,
  filter: { orgCode?: string; waveId?: string; waveIds?: readonly string[] },
): Promise<ReturnRevision[]> {
  if (filter.waveIds && filter.waveIds.length === 0) return [];
  let q = db
    .selectFrom("returnRevisions as r")
    .innerJoin("importBatches as b", "b.id", "r.batchId")
    .select([
      "r.waveId",
      "r.orgCode",
      "r.action",
      "r.changedFields",
      "r.batchId",
      "b.fileName",
      "b.checksum",
      "b.importedAt",
      "b.importedBy",
      "b.byLabel",
      "b.mode",
    ])
    .orderBy("b.importedAt", "desc")
    .orderBy("r.waveId")
    .orderBy("r.orgCode");
  if (filter.orgCode !== undefined) q = q.where("r.orgCode", "=", filter.orgCode);
  if (filter.waveId !== undefined) q = q.where("r.waveId", "=", filter.waveId);
  if (filter.waveIds) q = q.where("r.waveId", "in", filter.waveIds);
  const rows = await q.execute();
  return rows.map(({ changedFields, action, ...rest }) => ({
    ...rest,
    action: action as ReturnRevision["action"],
    fields: changedFields === "" ? [] : changedFields.split(";"),
  }));
}
