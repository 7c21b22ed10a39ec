import type { Organisation } from "@atlas/domain";
import type { Executor } from "./executor";

export async function listOrganisations(db: Executor, filter: { areaCodes?: readonly string[] } = {}) {
  let q = db.selectFrom("organisations").selectAll().orderBy("code");
  if (filter.areaCodes) {
    if (filter.areaCodes.length === 0) return [];
    q = q.where("areaCode", "in", filter.areaCodes);
  }
  return (await q.execute()) as Organisation[];
}

export async function findOrganisation(db: Executor, code: string): Promise<Organisation | undefined> {
  return (await db.selectFrom("organisations").selectAll().where("code", "=", code).executeTakeFirst()) as
    | Organisation
    | undefined;
}

export async function insertOrganisations(
  db: Executor,
  organisations: readonly Organisation[],
): Promise<void> {
  for (let i = 0; i < organisations.length; i += 200) {
    await db
      .insertInto("organisations")
      .values(organisations.slice(i, i + 200))
      .execute();
  }
}
