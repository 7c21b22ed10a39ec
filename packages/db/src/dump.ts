import type { Executor } from "./queries/executor";

/**
 * Every row of every table, in a stable order: tests compare dumps to prove that a refused or rolled-back
 * write changed nothing at all.
 */
export async function dumpTables(db: Executor): Promise<Record<string, unknown[]>> {
  return {
    areas: await db.selectFrom("areas").selectAll().orderBy("code").execute(),
    organisations: await db.selectFrom("organisations").selectAll().orderBy("code").execute(),
    surveyWaves: await db.selectFrom("surveyWaves").selectAll().orderBy("id").execute(),
    surveyReturns: await db
      .selectFrom("surveyReturns")
      .selectAll()
      .orderBy("waveId")
      .orderBy("orgCode")
      .execute(),
    importBatches: await db.selectFrom("importBatches").selectAll().orderBy("id").execute(),
    returnRevisions: await db
      .selectFrom("returnRevisions")
      .selectAll()
      .orderBy("batchId")
      .orderBy("orgCode")
      .execute(),
    responseLinks: await db.selectFrom("responseLinks").selectAll().orderBy("id").execute(),
    responseDrafts: await db.selectFrom("responseDrafts").selectAll().orderBy("linkId").execute(),
    meta: await db.selectFrom("meta").selectAll().orderBy("key").execute(),
  };
}
