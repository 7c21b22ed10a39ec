import type { Wave } from "@atlas/domain";
import type { NewSurveyWaveRow, SurveyWaveRow } from "../database";
import type { Executor } from "./executor";

/** A stored wave with its publication state and the revision counter the data cache keys on. */
export interface WaveRecord extends Wave {
  published: boolean;
  provisional: boolean;
  publishedAt: string | null;
  publishedBy: string | null;
  revision: number;
}

function toRecord(row: SurveyWaveRow): WaveRecord {
  return {
    id: row.id,
    label: row.label,
    fieldworkStart: row.fieldworkStart,
    fieldworkEnd: row.fieldworkEnd,
    synthetic: row.synthetic === 1,
    source: row.source,
    published: row.published === 1,
    provisional: row.provisional === 1,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy,
    revision: Number(row.revision),
  };
}

function toWave(record: WaveRecord): Wave {
  const { publishedAt: _at, publishedBy: _by, revision: _revision, ...wave } = record;
  return wave;
}

/** Every stored wave with its state, oldest first. */
export async function listWaveRecords(db: Executor): Promise<WaveRecord[]> {
  const rows = await db.selectFrom("surveyWaves").selectAll().orderBy("id").execute();
  return rows.map(toRecord);
}

/**
 * Waves, oldest first: every stored wave, or with `publishedOnly` only the public ones (what every public
 * read must use: drafts are invisible to the public).
 */
export async function listWaves(db: Executor, options: { publishedOnly?: boolean } = {}): Promise<Wave[]> {
  const records = await listWaveRecords(db);
  return records.filter((w) => !options.publishedOnly || w.published).map(toWave);
}

export async function findWave(db: Executor, id: string): Promise<WaveRecord | undefined> {
  const row = await db.selectFrom("surveyWaves").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toRecord(row);
}

/** What a write may set on a wave besides its description; anything left out is kept (new waves: published). */
export interface WaveStateChange {
  published?: boolean;
  provisional?: boolean;
  publishedAt?: string | null;
  publishedBy?: string | null;
}

/**
 * Creates or updates a wave. Every call bumps the wave's revision, so the data cache rereads it: call it in
 * the transaction of every write to the wave's returns. `wave.published`/`provisional`, when given, set the state.
 */
export async function upsertWave(db: Executor, wave: Wave, state: WaveStateChange = {}): Promise<void> {
  const published = state.published ?? wave.published;
  const provisional = state.provisional ?? wave.provisional;
  const row: NewSurveyWaveRow = {
    id: wave.id,
    label: wave.label,
    fieldworkStart: wave.fieldworkStart,
    fieldworkEnd: wave.fieldworkEnd,
    synthetic: wave.synthetic ? 1 : 0,
    source: wave.source,
    ...(published === undefined ? {} : { published: published ? 1 : 0 }),
    ...(provisional === undefined ? {} : { provisional: provisional ? 1 : 0 }),
    ...(state.publishedAt === undefined ? {} : { publishedAt: state.publishedAt }),
    ...(state.publishedBy === undefined ? {} : { publishedBy: state.publishedBy }),
  };
  const { id: _id, ...update } = row;
  await db
    .insertInto("surveyWaves")
    .values(row)
    .onConflict((oc) =>
      oc.column("id").doUpdateSet((eb) => ({ ...update, revision: eb("surveyWaves.revision", "+", 1) })),
    )
    .execute();
}

/** Sets a stored wave's publication state (and bumps its revision); false when there is no such wave. */
export async function setWaveState(db: Executor, id: string, state: WaveStateChange): Promise<boolean> {
  const set = {
    ...(state.published === undefined ? {} : { published: state.published ? 1 : 0 }),
    ...(state.provisional === undefined ? {} : { provisional: state.provisional ? 1 : 0 }),
    ...(state.publishedAt === undefined ? {} : { publishedAt: state.publishedAt }),
    ...(state.publishedBy === undefined ? {} : { publishedBy: state.publishedBy }),
  };
  const result = await db
    .updateTable("surveyWaves")
    .set((eb) => ({ ...set, revision: eb("surveyWaves.revision", "+", 1) }))
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Bumps a wave's revision (after its returns changed outside upsertWave, e.g. by a test helper). */
export async function bumpWaveRevision(db: Executor, id: string): Promise<void> {
  await setWaveState(db, id, {});
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
