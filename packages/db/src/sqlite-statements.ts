import type SQLite from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/** How many distinct SQL texts keep a prepared statement (the app issues a few dozen; imports add batch sizes). */
const STATEMENTS_KEPT = 200;

/**
 * The database as Kysely's SQLite dialect sees it, preparing each SQL text once: Kysely prepares on every
 * query, which cost about a tenth of a small read's time (every request reads the data version). Safe because
 * the dialect runs one query at a time on its one connection, a stream included, and SQLite re-prepares a
 * statement itself when the schema changes. The least recently used text is dropped beyond the limit.
 */
export function withStatementCache(sqlite: SQLite.Database, kept = STATEMENTS_KEPT): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql) as unknown as SqliteStatement;
        if (statements.size >= kept) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
