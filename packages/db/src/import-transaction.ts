import { sql, type Transaction } from "kysely";
import type { AtlasDb } from "./connect";
import type { Database } from "./database";
import type { Executor } from "./queries/executor";

/** Arbitrary but fixed: the PostgreSQL advisory-lock key that serialises survey imports. */
const IMPORT_LOCK_KEY = 7_424_150_001;

/**
 * Runs `work` in one write transaction that no other import can interleave with, on either engine:
 * - PostgreSQL: a transaction-scoped advisory lock taken first, so concurrent imports (from any process)
 *   queue; each then reads the committed state of the previous one before deciding anything.
 * - SQLite: `BEGIN IMMEDIATE` takes the single write lock before the first read, so a second writer waits
 *   (busy_timeout) instead of reading a stale snapshot; in-process callers are queued by the driver.
 * Everything `work` writes commits together or not at all; a thrown error rolls back.
 */
export async function inImportTransaction<T>(
  database: Pick<AtlasDb, "db" | "kind">,
  work: (trx: Executor) => Promise<T>,
): Promise<T> {
  if (database.kind === "postgres") {
    return database.db.transaction().execute(async (trx: Transaction<Database>) => {
      await sql`select pg_advisory_xact_lock(${sql.lit(IMPORT_LOCK_KEY)})`.execute(trx);
      return work(trx);
    });
  }
  return database.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      try {
        await sql`rollback`.execute(conn);
      } catch {
        // SQLite may already have rolled back (e.g. on SQLITE_FULL); the original error matters.
      }
      throw error;
    }
  });
}
