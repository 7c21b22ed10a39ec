import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { migrateToLatest } from "./migrate";
import { openTestDb, TEST_POSTGRES_URL, type TestDb } from "./testing";

describe("postgres connections", () => {
  let handle: TestDb | undefined;
  afterEach(async () => {
    await handle?.close();
  });

  // Found by the outage fault test under load: pg's pool listens for errors on idle clients only, so a
  // client that was checked out when the server went away threw an uncaught 'error' and killed the server.
  it("survives the server closing a connection that is in use, and the pool goes on with a new one", async () => {
    handle = await openTestDb("postgres", { migrate: false });
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    try {
      await handle.db.connection().execute(async (connection) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(connection);
        await admin.query("select pg_terminate_backend($1)", [rows[0]!.pid]);
        // Let the socket's close arrive while the connection is still checked out.
        await sleep(300);
        await expect(sql`select 1`.execute(connection)).rejects.toThrow();
      });
    } finally {
      await admin.end();
    }
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
    expect(rows).toEqual([{ one: 1 }]);
  });

  // Kysely's own introspector scans every schema, and failed when a parallel test dropped one mid-scan.
  it("introspects its own schema only, so other schemas (and their removal) never reach its migrations", async () => {
    const other = await openTestDb("postgres");
    try {
      handle = await openTestDb("postgres", { migrate: false });
      expect(await handle.db.introspection.getTables()).toEqual([]);
      expect((await handle.db.introspection.getSchemas()).map((s) => s.name)).toEqual([handle.schema]);
      await migrateToLatest(handle);
      const mine = await handle.db.introspection.getTables();
      expect(new Set(mine.map((t) => t.schema))).toEqual(new Set([handle.schema]));
      expect(mine.map((t) => t.name)).toEqual(
        expect.arrayContaining(["areas", "survey_returns", "kysely_migration"]),
      );
    } finally {
      await other.close();
    }
  });
});
