import type { SurveyReturn } from "@atlas/domain";
import type { NewSurveyReturnRow, SurveyReturnRow } from "../database";
import type { Executor } from "./executor";

const LIST_SEPARATOR = ";";

function splitList<T extends string>(value: string): T[] {
  return value === "" ? [] : (value.split(LIST_SEPARATOR) as T[]);
}

export function toSurveyReturn(row: SurveyReturnRow): SurveyReturn {
  const { batchId: _batch, ...rest } = row;
  return {
    ...rest,
    provision: row.provision as SurveyReturn["provision"],
    stage: row.stage as SurveyReturn["stage"],
    deliveryMode: row.deliveryMode as SurveyReturn["deliveryMode"],
    championPresent: row.championPresent === null ? null : row.championPresent === 1,
    facilitators: splitList(row.facilitators),
    barriers: splitList(row.barriers),
    fundingSources: splitList(row.fundingSources),
  };
}

export function toSurveyReturnRow(r: SurveyReturn, batchId: string): NewSurveyReturnRow {
  return {
    ...r,
    championPresent: r.championPresent === null ? null : r.championPresent ? 1 : 0,
    facilitators: r.facilitators.join(LIST_SEPARATOR),
    barriers: r.barriers.join(LIST_SEPARATOR),
    fundingSources: r.fundingSources.join(LIST_SEPARATOR),
    batchId,
  };
}

/** Returns, filtered by wave and/or organisations, ordered by wave then organisation. */
export async function listReturns(
  db: Executor,
  filter: { waveIds?: readonly string[]; orgCodes?: readonly string[] } = {},
): Promise<SurveyReturn[]> {
  let q = db.selectFrom("surveyReturns").selectAll().orderBy("waveId").orderBy("orgCode");
  if (filter.waveIds) {
    if (filter.waveIds.length === 0) return [];
    q = q.where("waveId", "in", filter.waveIds);
  }
  if (filter.orgCodes) {
    if (filter.orgCodes.length === 0) return [];
    q = q.where("orgCode", "in", filter.orgCodes);
  }
  return (await q.execute()).map(toSurveyReturn);
}

/**
 * Per wave, a fingerprint of its stored returns: the wave's revision (bumped in the transaction of every
 * write to the wave, including an add that changes one row in the middle), how many returns, and the first
 * and last import batch they came from (so rows written outside the importer are noticed too).
 */
export async function waveReturnFingerprints(db: Executor): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("surveyReturns")
    .select((eb) => [
      "waveId",
      eb.fn.countAll<number>().as("rows"),
      eb.fn.min("batchId").as("firstBatch"),
      eb.fn.max("batchId").as("lastBatch"),
    ])
    .groupBy("waveId")
    .execute();
  const revisions = await db.selectFrom("surveyWaves").select(["id", "revision"]).execute();
  const revisionOf = new Map(revisions.map((w) => [w.id, Number(w.revision)]));
  return new Map(
    rows.map((r) => [
      r.waveId,
      `${revisionOf.get(r.waveId) ?? 0}|${Number(r.rows)}|${r.firstBatch}|${r.lastBatch}`,
    ]),
  );
}

export async function countReturns(db: Executor, waveId?: string): Promise<number> {
  let q = db.selectFrom("surveyReturns").select((eb) => eb.fn.countAll<number>().as("n"));
  if (waveId) q = q.where("waveId", "=", waveId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function deleteWaveReturns(db: Executor, waveId: string): Promise<void> {
  await db.deleteFrom("surveyReturns").where("waveId", "=", waveId).execute();
}

/** Deletes some organisations' returns in one wave (chunked for the engines' parameter limits). */
export async function deleteReturns(
  db: Executor,
  waveId: string,
  orgCodes: readonly string[],
): Promise<void> {
  for (let i = 0; i < orgCodes.length; i += 500) {
    await db
      .deleteFrom("surveyReturns")
      .where("waveId", "=", waveId)
      .where("orgCode", "in", orgCodes.slice(i, i + 500))
      .execute();
  }
}

/** Inserts in chunks small enough for both engines' bound-parameter limits. */
export async function insertReturns(db: Executor, returns: readonly SurveyReturn[], batchId: string) {
  const rows = returns.map((r) => toSurveyReturnRow(r, batchId));
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto("surveyReturns")
      .values(rows.slice(i, i + 100))
      .execute();
  }
}
