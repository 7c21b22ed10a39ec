import type { Executor } from "./executor";

const DATA_VERSION = "data_version";
const PUBLIC_DATA_VERSION = "public_data_version";

async function read(db: Executor, key: string): Promise<string> {
  const row = await db.selectFrom("meta").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value ?? "0";
}

async function write(db: Executor, key: string, value: string): Promise<void> {
  await db
    .insertInto("meta")
    .values({ key, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}

/**
 * The data version changes with every write to the data, drafts included. Caches of admin reads
 * (`include=drafts`) key on it, so a write through one process expires what every other process holds.
 */
export async function getDataVersion(db: Executor): Promise<string> {
  return read(db, DATA_VERSION);
}

/**
 * The public data version changes only with writes that change what the public sees (published waves, the
 * reference data): public ETags and caches key on it, so a draft import changes no public response.
 */
export async function getPublicDataVersion(db: Executor): Promise<string> {
  return read(db, PUBLIC_DATA_VERSION);
}

/** Both versions in one read (the snapshot's transaction reads them together with the data). */
export async function getDataVersions(db: Executor): Promise<{ version: string; publicVersion: string }> {
  const rows = await db
    .selectFrom("meta")
    .select(["key", "value"])
    .where("key", "in", [DATA_VERSION, PUBLIC_DATA_VERSION])
    .execute();
  const of = (key: string) => rows.find((r) => r.key === key)?.value ?? "0";
  return { version: of(DATA_VERSION), publicVersion: of(PUBLIC_DATA_VERSION) };
}

/**
 * Call inside the writing transaction, so the new version commits with the data. The public version moves
 * with it unless `publicData: false` says the write changed nothing public (e.g. a draft wave's returns).
 */
export async function bumpDataVersion(db: Executor, options: { publicData?: boolean } = {}): Promise<string> {
  const next = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  await write(db, DATA_VERSION, next);
  if (options.publicData !== false) await write(db, PUBLIC_DATA_VERSION, next);
  return next;
}
