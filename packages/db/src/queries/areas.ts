import type { Area, AreaLevel } from "@atlas/domain";
import type { Executor } from "./executor";

export async function listAreas(db: Executor, level?: AreaLevel): Promise<Area[]> {
  let q = db.selectFrom("areas").selectAll().orderBy("code");
  if (level) q = q.where("level", "=", level);
  return q.execute();
}

export async function countAreas(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("areas")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Inserts areas parents first, so the self-reference holds at every step. */
export async function insertAreas(db: Executor, areas: readonly Area[]): Promise<void> {
  const order = { nation: 0, region: 1, local: 2 } as const;
  const sorted = [...areas].sort((a, b) => order[a.level] - order[b.level]);
  for (let i = 0; i < sorted.length; i += 200) {
    await db
      .insertInto("areas")
      .values(sorted.slice(i, i + 200))
      .execute();
  }
}
