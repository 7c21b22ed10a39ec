import { connect, parseDatabaseUrl } from "@atlas/db";

/**
 * Everything an import can change, read in a stable order, as one string: two dumps are equal exactly when
 * the stored survey data is.
 */
export async function dumpSurveyData(databaseUrl: string): Promise<string> {
  const handle = connect(parseDatabaseUrl(databaseUrl));
  try {
    const db = handle.db;
    const [waves, batches, returns, meta] = await Promise.all([
      db.selectFrom("surveyWaves").selectAll().orderBy("id").execute(),
      db.selectFrom("importBatches").selectAll().orderBy("id").execute(),
      db.selectFrom("surveyReturns").selectAll().orderBy("waveId").orderBy("orgCode").execute(),
      db.selectFrom("meta").selectAll().orderBy("key").execute(),
    ]);
    return JSON.stringify({ waves, batches, returns, meta });
  } finally {
    await handle.close();
  }
}
