import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { DatabaseKind } from "./config";
import { type AtlasDb, connect } from "./connect";
import { migrateToLatest } from "./migrate";

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
