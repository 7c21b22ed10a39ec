import type { Wave } from "@atlas/domain";
import type { NewSurveyWaveRow, SurveyWaveRow } from "../database";
import type { Executor } from "./executor";

function toWave(row: SurveyWaveRow): Wave {
  return { ...row, synthetic: row.synthetic === 1 };
}

/** Waves that hold returns, oldest first. */
export async function listWaves(db: Executor): Promise<Wave[]> {
  const rows = await db.selectFrom("surveyWaves").selectAll().orderBy("id").execute();
  return rows.map(toWave);
}

export async function findWave(db: Executor, id: string): Promise<Wave | undefined> {
  const row = await db.selectFrom("surveyWaves").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toWave(row);
}

export async function upsertWave(db: Executor, wave: Wave): Promise<void> {
  const row: NewSurveyWaveRow = { ...wave, synthetic: wave.synthetic ? 1 : 0 };
  await db
    .insertInto("surveyWaves")
    .values(row)
    .onConflict((oc) =>
      oc.column("id").doUpdateSet({
        label: row.label,
        fieldworkStart: row.fieldworkStart,
        fieldworkEnd: row.fieldworkEnd,
        synthetic: row.synthetic,
        source: row.source,
      }),
    )
    .execute();
}

/** Per wave: organisations invited (rows) and those that answered (any provision but no_response). */
export async function waveResponseCounts(
  db: Executor,
): Promise<Map<string, { invited: number; answered: number }>> {
  const rows = await db
    .selectFrom("surveyReturns")
    .select((eb) => [
      "waveId",
      eb.fn.countAll<number>().as("invited"),
      eb.fn.sum<number>(eb.case().when("provision", "=", "no_response").then(0).else(1).end()).as("answered"),
    ])
    .groupBy("waveId")
    .execute();
  return new Map(rows.map((r) => [r.waveId, { invited: Number(r.invited), answered: Number(r.answered) }]));
}
