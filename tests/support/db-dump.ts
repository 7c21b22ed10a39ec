import { connect, parseDatabaseUrl } from "@atlas/db";
import { dumpTables } from "@atlas/db/testing";

/** Every stored row, as one string, read through a fresh connection to the database a URL names. */
export async function dumpDatabase(databaseUrl: string): Promise<string> {
  const handle = connect(parseDatabaseUrl(databaseUrl));
  try {
    return JSON.stringify(await dumpTables(handle.db));
  } finally {
    await handle.close();
  }
}
