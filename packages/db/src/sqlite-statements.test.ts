import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { withStatementCache } from "./sqlite-statements";

interface Tables {
  item: { id: number; name: string };
}

describe("SQLite statement cache", () => {
  let sqlite: SQLite.Database;
  let db: Kysely<Tables>;
  let prepared: string[];

  function open(kept?: number) {
    sqlite = new SQLite(":memory:");
    prepared = [];
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((text: string) => {
      prepared.push(text);
      return prepare(text);
    }) as typeof sqlite.prepare;
    db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite, kept) }) });
  }

  afterEach(async () => {
    await db.destroy();
  });

  it("prepares a SQL text once however often it runs, with each run's own parameters", async () => {
    open();
    await sql`create table item (id integer primary key, name text not null)`.execute(db);
    for (const [id, name] of [
      [1, "a"],
      [2, "b"],
      [3, "c"],
    ] as const)
      await db.insertInto("item").values({ id, name }).execute();
    const names = [];
    for (const id of [1, 2, 3]) {
      names.push((await db.selectFrom("item").select("name").where("id", "=", id).executeTakeFirst())?.name);
    }
    expect(names).toEqual(["a", "b", "c"]);
    expect(prepared.filter((text) => text.startsWith("insert"))).toHaveLength(1);
    expect(prepared.filter((text) => text.startsWith("select"))).toHaveLength(1);
  });

  it("sees a schema change through a statement prepared before it", async () => {
    open();
    await sql`create table item (id integer primary key, name text not null)`.execute(db);
    await db.insertInto("item").values({ id: 1, name: "a" }).execute();
    const all = () => sql`select * from item`.execute(db).then((r) => r.rows);
    expect(await all()).toEqual([{ id: 1, name: "a" }]);
    await sql`alter table item add column code text`.execute(db);
    expect(await all()).toEqual([{ id: 1, name: "a", code: null }]);
  });

  it("keeps at most its limit, dropping the least recently used text", async () => {
    open(2);
    const one = (n: number) => sql`select ${sql.lit(n)} as n`.execute(db);
    await one(1);
    await one(2);
    await one(1); // 1 is now the most recent
    await one(3); // drops 2
    await one(1);
    await one(2);
    expect(prepared).toEqual(["select 1 as n", "select 2 as n", "select 3 as n", "select 2 as n"]);
  });

  it("streams through a cached statement and runs it again afterwards", async () => {
    open();
    await sql`create table item (id integer primary key, name text not null)`.execute(db);
    await db
      .insertInto("item")
      .values([
        { id: 1, name: "a" },
        { id: 2, name: "b" },
      ])
      .execute();
    const query = db.selectFrom("item").select("id").orderBy("id");
    const streamed = [];
    for await (const row of query.stream()) {
      streamed.push(row.id);
      break; // an early stop must leave the statement usable
    }
    expect(streamed).toEqual([1]);
    expect((await query.execute()).map((r) => r.id)).toEqual([1, 2]);
  });
});
