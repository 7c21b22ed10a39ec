import { randomUUID } from "node:crypto";
import {
  type AtlasDb,
  findResponseDraft,
  findWave,
  inImportTransaction,
  insertResponseLinks,
  listOrganisations,
  listWaveLinks,
  type NewResponseLinkRow,
  type ResponseLinkRecord,
  revokeLinks,
  saveResponseDraft,
} from "@atlas/db";
import {
  type CreatedLinks,
  codeList,
  defaultLinkExpiry,
  isOpenDuringWave,
  type LinkListSchema,
  type LinkSummary,
  linkState,
  linkWorks,
  parseLinkExpiry,
  RESPONDENT_ROLES,
  type RespondentRole,
  type TrackerLinkFacts,
} from "@atlas/domain";
import type { z } from "zod";
import { LinkRequestError } from "./errors";
import { hashToken, linkUrl, newLinkToken } from "./tokens";

export interface CreateLinksOptions {
  waveId: string;
  /** Organisations to make links for; omitted: every organisation open during the wave per the register. */
  orgCodes?: readonly string[];
  /** As parseLinkExpiry reads it; omitted: defaultLinkExpiry. */
  expires?: string;
  /** Replace links that still work (each new link revokes the old one); without it they are skipped. */
  reissue?: boolean;
  /** Who, as named (`--by`), already checked; the origin is recorded beside it. */
  by: string | null;
  origin: string;
  baseUrl: string;
  /** Said with the result, e.g. that ATLAS_PUBLIC_URL is not set. */
  warnings?: string[];
  now?: Date;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The organisation's current link among a wave's links: the one not revoked (there is at most one), else
 * the one revoked last.
 */
export function currentLinks(records: readonly ResponseLinkRecord[]): Map<string, ResponseLinkRecord> {
  const current = new Map<string, ResponseLinkRecord>();
  const rank = (r: ResponseLinkRecord) => (r.revokedAt === null ? "\uffff" : r.revokedAt) + r.createdAt;
  for (const r of records) {
    const seen = current.get(r.orgCode);
    if (!seen || rank(r) >= rank(seen)) current.set(r.orgCode, r);
  }
  return current;
}

/** What the tracker shows of each organisation's current link. */
export function trackerLinkFacts(records: readonly ResponseLinkRecord[]): Map<string, TrackerLinkFacts> {
  const out = new Map<string, TrackerLinkFacts>();
  for (const [code, r] of currentLinks(records)) {
    out.set(code, {
      linkId: r.id,
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
      revokedAt: r.revokedAt,
      openedAt: r.openedAt,
      draftSavedAt: r.draftSavedAt,
      submittedAt: r.submittedAt,
    });
  }
  return out;
}

/**
 * Makes respondent links for a draft wave (or a wave not stored yet: the first return submitted creates it
 * as a draft), one per organisation, in one transaction serialised with imports and publication. Each token
 * is 256 random bits, stored only as its SHA-256; the result is the one place the links appear. A new link
 * revokes the organisation's older ones (reason `reissued`) and carries over its latest draft, so a
 * respondent given a new link finds what they had saved. Organisations whose link still works are skipped
 * unless `reissue`, so making links twice never breaks links already sent.
 * @throws LinkRequestError (bad_request: unknown or closed organisations, a bad expiry; conflict: the wave is
 *   published)
 */
export async function createLinks(
  database: Pick<AtlasDb, "db" | "kind">,
  options: CreateLinksOptions,
): Promise<CreatedLinks> {
  const now = options.now ?? new Date();
  const nowIso = now.toISOString();
  const { waveId } = options;
  let expiry: string | undefined;
  if (options.expires !== undefined) {
    const parsed = parseLinkExpiry(options.expires, now);
    if (!parsed.ok) {
      throw new LinkRequestError("bad_request", parsed.message, [
        { parameter: "expires", message: parsed.message, value: options.expires },
      ]);
    }
    expiry = parsed.expiresAt;
  }
  return inImportTransaction(database, async (trx) => {
    const wave = await findWave(trx, waveId);
    if (wave?.published) {
      throw new LinkRequestError(
        "conflict",
        `wave ${waveId} is published: respondent links are for draft waves (a link stops working when its wave is published). Make it a draft first (pnpm atlas unpublish ${waveId}, POST /api/waves/${waveId}/unpublish) if returns must still be collected.`,
      );
    }
    const register = await listOrganisations(trx);
    const byCode = new Map(register.map((o) => [o.code, o]));
    let targets = register.filter((o) => isOpenDuringWave(o, waveId));
    if (options.orgCodes) {
      const named = [...new Set(options.orgCodes.map((c) => c.trim()))];
      const unknown = named.filter((c) => !byCode.has(c));
      const closed = named.filter((c) => byCode.has(c) && !isOpenDuringWave(byCode.get(c)!, waveId));
      if (unknown.length > 0 || closed.length > 0) {
        const details = [
          ...unknown.map((c) => ({
            parameter: "orgCodes",
            message: `unknown organisation code "${c}"`,
            value: c,
          })),
          ...closed.map((c) => ({
            parameter: "orgCodes",
            message: `organisation ${c} (${byCode.get(c)!.name}) was not open during wave ${waveId}`,
            value: c,
          })),
        ];
        const parts = [
          unknown.length > 0 ? `unknown organisation codes: ${codeList(unknown)}` : "",
          closed.length > 0 ? `not open during wave ${waveId}: ${codeList(closed)}` : "",
        ].filter(Boolean);
        throw new LinkRequestError("bad_request", `${parts.join("; ")}. No link was made.`, details);
      }
      targets = named.map((c) => byCode.get(c)!);
    }
    targets.sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code));
    const expiresAt = expiry ?? defaultLinkExpiry(wave?.fieldworkEnd ?? null, now);

    const existing = await listWaveLinks(trx, waveId);
    const current = currentLinks(existing);
    const result: CreatedLinks = {
      waveId,
      baseUrl: options.baseUrl,
      created: [],
      skipped: [],
      warnings: options.warnings ?? [],
      message: "",
    };
    const rows: NewResponseLinkRow[] = [];
    const drafts: { from: string; to: string }[] = [];
    for (const org of targets) {
      const live = current.get(org.code);
      if (live && linkWorks(live, nowIso, false) && options.reissue !== true) {
        result.skipped.push({
          orgCode: org.code,
          orgName: org.name,
          reason: "live_link",
          linkId: live.id,
          expiresAt: live.expiresAt,
        });
        continue;
      }
      const revoked = await revokeLinks(
        trx,
        { waveId, orgCode: org.code },
        { at: nowIso, reason: "reissued", by: options.by ?? options.origin },
      );
      // The organisation's latest draft goes with it to the new link.
      const withDraft = existing
        .filter((r) => r.orgCode === org.code && r.draftSavedAt !== null)
        .sort((a, b) => (a.draftSavedAt! < b.draftSavedAt! ? -1 : 1))
        .at(-1);
      const token = newLinkToken();
      const id = randomUUID();
      rows.push({
        id,
        waveId,
        orgCode: org.code,
        tokenHash: hashToken(token),
        createdAt: nowIso,
        createdBy: options.by,
        createdOrigin: options.origin,
        expiresAt,
      });
      if (withDraft) drafts.push({ from: withDraft.id, to: id });
      result.created.push({
        orgCode: org.code,
        orgName: org.name,
        linkId: id,
        url: linkUrl(options.baseUrl, waveId, org.code, token),
        expiresAt,
        replacedLinkId: revoked.at(-1) ?? live?.id ?? null,
      });
    }
    await insertResponseLinks(trx, rows);
    for (const { from, to } of drafts) {
      const draft = await findResponseDraft(trx, from);
      if (draft) await saveResponseDraft(trx, { ...draft, linkId: to });
    }
    const replaced = result.created.filter((c) => c.replacedLinkId !== null).length;
    result.message = [
      `wave ${waveId}: ${plural(result.created.length, "link")} made`,
      replaced > 0 ? ` (${replaced} replacing older links, now revoked)` : "",
      result.created.length > 0 ? `, working until ${expiresAt}` : "",
      result.skipped.length > 0
        ? `; ${plural(result.skipped.length, "organisation")} already had a working link, kept (reissue to replace them)`
        : "",
      ".",
    ].join("");
    return result;
  });
}

const role = (value: string | null): RespondentRole | null =>
  value !== null && (RESPONDENT_ROLES as readonly string[]).includes(value)
    ? (value as RespondentRole)
    : null;

/** Every link made for a wave (never a token), by organisation name, newest first. */
export async function listLinks(
  database: Pick<AtlasDb, "db">,
  waveId: string,
  now: Date = new Date(),
): Promise<z.infer<typeof LinkListSchema>> {
  const nowIso = now.toISOString();
  const [wave, records, register] = [
    await findWave(database.db, waveId),
    await listWaveLinks(database.db, waveId),
    await listOrganisations(database.db),
  ];
  const names = new Map(register.map((o) => [o.code, o.name]));
  const current = new Set([...currentLinks(records).values()].map((r) => r.id));
  const links: LinkSummary[] = records.map((r) => ({
    linkId: r.id,
    orgCode: r.orgCode,
    orgName: names.get(r.orgCode) ?? r.orgCode,
    state: linkState(r, nowIso),
    current: current.has(r.id),
    works: linkWorks(r, nowIso, wave?.published ?? false),
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    expiresAt: r.expiresAt,
    openedAt: r.openedAt,
    lastOpenedAt: r.lastOpenedAt,
    draftSavedAt: r.draftSavedAt,
    submittedAt: r.submittedAt,
    revokedAt: r.revokedAt,
    revokedReason: r.revokedReason === "revoked" || r.revokedReason === "reissued" ? r.revokedReason : null,
    revokedBy: r.revokedBy,
    respondentRole: role(r.respondentRole),
  }));
  links.sort(
    (a, b) =>
      a.orgName.localeCompare(b.orgName) ||
      a.orgCode.localeCompare(b.orgCode) ||
      (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0),
  );
  return { waveId, waveState: wave ? (wave.published ? "published" : "draft") : null, links };
}

/**
 * Revokes an organisation's links for a wave (each that is not revoked yet): from now on they get the same
 * 404 as a wrong token. Its draft and any submitted return are kept.
 * @throws LinkRequestError (not_found: the organisation has no link for the wave)
 */
export async function revokeLink(
  database: Pick<AtlasDb, "db" | "kind">,
  waveId: string,
  orgCode: string,
  who: { by: string | null; origin: string },
) {
  return inImportTransaction(database, async (trx) => {
    const links = (await listWaveLinks(trx, waveId)).filter((l) => l.orgCode === orgCode);
    if (links.length === 0) {
      throw new LinkRequestError(
        "not_found",
        `organisation ${orgCode} has no respondent link for wave ${waveId}`,
        [{ parameter: "org", message: `no link for ${orgCode} in wave ${waveId}`, value: orgCode }],
      );
    }
    const revoked = await revokeLinks(
      trx,
      { waveId, orgCode },
      { at: new Date().toISOString(), reason: "revoked", by: who.by ?? who.origin },
    );
    return {
      waveId,
      orgCode,
      action: revoked.length > 0 ? ("revoked" as const) : ("unchanged" as const),
      revokedLinkIds: revoked,
      message:
        revoked.length > 0
          ? `the respondent link of ${orgCode} for wave ${waveId} is revoked: it no longer opens the form. Make a new one with reissue if needed.`
          : `${orgCode} has no link for wave ${waveId} that is not revoked already; nothing changed.`,
    };
  });
}
