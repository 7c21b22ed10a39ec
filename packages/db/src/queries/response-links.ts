import type { NewResponseLinkRow, ResponseLinkRow } from "../database";
import type { Executor } from "./executor";

/** A link with what its draft says (when it was last saved, the role given). */
export interface ResponseLinkRecord extends ResponseLinkRow {
  draftSavedAt: string | null;
  respondentRole: string | null;
}

/** A link found by its token's hash, with its wave's publication state (null when no wave is stored). */
export interface PresentedLink extends ResponseLinkRow {
  wavePublished: number | null;
}

export async function insertResponseLinks(db: Executor, links: readonly NewResponseLinkRow[]): Promise<void> {
  for (let i = 0; i < links.length; i += 200) {
    await db
      .insertInto("responseLinks")
      .values(links.slice(i, i + 200))
      .execute();
  }
}

/**
 * The link a presented token opens, in one indexed lookup by the token's hash, with its wave's state.
 * Callers hash whatever was presented (even nothing) and make this one lookup, so a wrong token costs
 * the same as a right one.
 */
export async function findLinkByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<PresentedLink | undefined> {
  return db
    .selectFrom("responseLinks as l")
    .leftJoin("surveyWaves as w", "w.id", "l.waveId")
    .selectAll("l")
    .select("w.published as wavePublished")
    .where("l.tokenHash", "=", tokenHash)
    .executeTakeFirst();
}

export async function findLinkById(db: Executor, id: string): Promise<PresentedLink | undefined> {
  return db
    .selectFrom("responseLinks as l")
    .leftJoin("surveyWaves as w", "w.id", "l.waveId")
    .selectAll("l")
    .select("w.published as wavePublished")
    .where("l.id", "=", id)
    .executeTakeFirst();
}

/**
 * Revokes an organisation's links for a wave that are not revoked yet; `reason` is `revoked` (by the team)
 * or `reissued` (a newer link replaces them). Returns the ids revoked.
 */
export async function revokeLinks(
  db: Executor,
  scope: { waveId: string; orgCode: string },
  revocation: { at: string; reason: "revoked" | "reissued"; by: string },
): Promise<string[]> {
  const rows = await db
    .selectFrom("responseLinks")
    .select("id")
    .where("waveId", "=", scope.waveId)
    .where("orgCode", "=", scope.orgCode)
    .where("revokedAt", "is", null)
    .execute();
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  await db
    .updateTable("responseLinks")
    .set({ revokedAt: revocation.at, revokedReason: revocation.reason, revokedBy: revocation.by })
    .where("id", "in", ids)
    .execute();
  return ids;
}

/** Records an opening of the form: the first one and the latest. */
export async function markLinkOpened(db: Executor, id: string, at: string): Promise<void> {
  await db
    .updateTable("responseLinks")
    .set((eb) => ({ openedAt: eb.fn.coalesce("openedAt", eb.val(at)), lastOpenedAt: at }))
    .where("id", "=", id)
    .execute();
}

export async function markLinkSubmitted(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable("responseLinks").set({ submittedAt: at }).where("id", "=", id).execute();
}

/** Saves (creates or replaces) a link's draft. */
export async function saveResponseDraft(
  db: Executor,
  draft: { linkId: string; cells: string; respondentRole: string | null; savedAt: string },
): Promise<void> {
  const { linkId: _id, ...update } = draft;
  await db
    .insertInto("responseDrafts")
    .values(draft)
    .onConflict((oc) => oc.column("linkId").doUpdateSet(update))
    .execute();
}

export async function findResponseDraft(db: Executor, linkId: string) {
  return db.selectFrom("responseDrafts").selectAll().where("linkId", "=", linkId).executeTakeFirst();
}

/** A wave's links with their drafts' times and roles, oldest first. */
export async function listWaveLinks(db: Executor, waveId: string): Promise<ResponseLinkRecord[]> {
  return db
    .selectFrom("responseLinks as l")
    .leftJoin("responseDrafts as d", "d.linkId", "l.id")
    .selectAll("l")
    .select(["d.savedAt as draftSavedAt", "d.respondentRole"])
    .where("l.waveId", "=", waveId)
    .orderBy("l.createdAt")
    .orderBy("l.id")
    .execute();
}
