import type { Executor } from "./executor";

const DATA_VERSION = "data_version";

/**
 * The data version changes with every write to the data. Caches (ETags, memoised aggregates) key on it,
 * so a write through one process expires what every other process holds.
 */
export async function getDataVersion(db: Executor): Promise<string> {
  const row = await db.selectFrom("meta").select("value").where("key", "=", DATA_VERSION).executeTakeFirst();
  return row?.value ?? "0";
}

/** Call inside the writing transaction, so the new version commits with the data. */
export async function bumpDataVersion(db: Executor): Promise<string> {
  const next = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  await db
    .insertInto("meta")
    .values({ key: DATA_VERSION, value: next })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: next }))
    .execute();
  return next;
}
