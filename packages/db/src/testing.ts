import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SurveyReturn } from "@atlas/domain";
import pg from "pg";
import type { DatabaseKind } from "./config";
import { type AtlasDb, connect } from "./connect";
import { migrateToLatest } from "./migrate";
import type { Executor } from "./queries/executor";
import { insertImportBatch, markWaveBatchesReplaced } from "./queries/import-batches";
import { deleteWaveReturns, insertReturns } from "./queries/returns";
import { bumpWaveRevision } from "./queries/waves";

/**
 * Test support: one suite, run once per dialect (kysely's test-setup pattern).
 * Each opened database is isolated: a fresh SQLite file, or a fresh PostgreSQL schema that is dropped on close.
 */
export const TEST_DIALECTS: readonly DatabaseKind[] = ["sqlite", "postgres"];

/** The PostgreSQL server tests use; TEST_POSTGRES_URL overrides it. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestDb extends AtlasDb {
  /** A DATABASE_URL that reaches this same isolated database (for child processes). */
  url: string;
}

export async function openTestDb(kind: DatabaseKind, options: { migrate?: boolean } = {}): Promise<TestDb> {
  const handle = kind === "sqlite" ? openSqlite() : await openPostgres();
  if (options.migrate !== false) await migrateToLatest(handle);
  return handle;
}

function openSqlite(): TestDb {
  const dir = mkdtempSync(join(tmpdir(), "atlas-test-"));
  const path = join(dir, "atlas.sqlite");
  const handle = connect({ kind: "sqlite", path });
  return {
    ...handle,
    url: `sqlite:${path}`,
    close: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(): Promise<TestDb> {
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const handle = connect({ kind: "postgres", url: TEST_POSTGRES_URL, schema });
  const url = new URL(TEST_POSTGRES_URL);
  url.searchParams.set("schema", schema);
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}

/** A full dump of every table, to prove a refused write changed nothing. */
export { dumpTables } from "./dump";

/**
 * Stores one wave's returns the way the importer does (earlier batches marked replaced, the wave's rows
 * replaced whole under a new batch, the wave's revision bumped), without the importer's validation or its
 * revision history. The caller bumps the data version.
 */
export async function storeWaveReturns(
  db: Executor,
  waveId: string,
  batchId: string,
  returns: readonly SurveyReturn[],
): Promise<void> {
  await markWaveBatchesReplaced(db, waveId);
  await deleteWaveReturns(db, waveId);
  await insertImportBatch(db, {
    id: batchId,
    fileName: `${batchId}.csv`,
    checksum: batchId,
    waveId,
    rowCount: returns.length,
    importedBy: "test",
    importedAt: "2024-01-01T00:00:00Z",
    status: "imported",
  });
  await insertReturns(db, returns, batchId);
  await bumpWaveRevision(db, waveId);
}
