import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { CamelCasePlugin, Kysely, SqliteDialect } from "kysely";
import pg from "pg";
import type { DatabaseConfig, DatabaseKind } from "./config";
import type { Database } from "./database";
import { SchemaScopedPostgresDialect } from "./schema-introspector";
import { withStatementCache } from "./sqlite-statements";

export interface AtlasDb {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The PostgreSQL schema in use, when one was chosen; migrations keep their bookkeeping tables there. */
  schema?: string | undefined;
  close(): Promise<void>;
}

// PostgreSQL returns bigint (COUNT, SUM) as strings by default; every count here fits a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number.parseFloat(v));

/** Opens the database a config names. The caller owns the returned handle and must close it. */
export function connect(config: DatabaseConfig): AtlasDb {
  const plugins = [new CamelCasePlugin()];
  if (config.kind === "sqlite") {
    if (config.path !== ":memory:") mkdirSync(dirname(config.path), { recursive: true });
    const sqlite = new SQLite(config.path);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
      plugins,
    });
    return { db, kind: "sqlite", close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    connectionTimeoutMillis: 2_000,
    options: config.schema ? `-c search_path=${config.schema}` : undefined,
  });
  // A client that loses its server must not crash the process. The pool listens on idle clients only; a
  // client checked out at that moment emits 'error' with no listener (an uncaught exception), so every
  // client gets its own. Its running query still fails (a 503) and the pool drops it on release.
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
  const db = new Kysely<Database>({
    dialect: new SchemaScopedPostgresDialect({ pool }, config.schema),
    plugins,
  });
  return { db, kind: "postgres", schema: config.schema, close: () => db.destroy() };
}
