import {
  type AtlasDb,
  findLinkById,
  findOrganisation,
  findResponseDraft,
  inImportTransaction,
  listAreas,
  listOrganisations,
  listReturns,
  listRevisions,
  listWaveRecords,
  markLinkOpened,
  markLinkSubmitted,
  type PresentedLink,
  saveResponseDraft,
} from "@atlas/db";
import {
  type AnswerCells,
  answerCells,
  checkFormReturn,
  completeCells,
  RESPONDENT_ROLES,
  type RespondentReturn,
  type RespondentRole,
  type ReturnBody,
  registerLookup,
  type SubmittedReturn,
  waveLabel,
} from "@atlas/domain";
import { ImportConflictError } from "../import/errors";
import { addReturns } from "../import/import-returns";
import { checkLink } from "./access";
import { LinkNotWorkingError, ReturnInvalidError } from "./errors";

/** Recorded with every return submitted through a link (the batch's file and the revision's `by`). */
export const RESPONDENT_SOURCE = "respondent form";
export const RESPONDENT_BY = "respondent link";

const role = (value: string | null | undefined): RespondentRole | null =>
  value && (RESPONDENT_ROLES as readonly string[]).includes(value) ? (value as RespondentRole) : null;

function parseCells(json: string): Record<string, string> {
  try {
    const value = JSON.parse(json) as unknown;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).filter(
          (e): e is [string, string] => typeof e[1] === "string",
        ),
      );
    }
  } catch {
    // a draft that cannot be read is no draft
  }
  return {};
}

/**
 * What the form opens with: the organisation and wave, the saved draft, the return the survey team holds
 * now (however it arrived), and the latest earlier published wave's return as a starting point. Records
 * that the link was opened.
 */
export async function readRespondentReturn(
  database: Pick<AtlasDb, "db">,
  link: PresentedLink,
  now: string,
): Promise<RespondentReturn> {
  const db = database.db;
  await markLinkOpened(db, link.id, now);
  const org = await findOrganisation(db, link.orgCode);
  const areas = await listAreas(db);
  const waves = await listWaveRecords(db);
  const wave = waves.find((w) => w.id === link.waveId);
  const draft = await findResponseDraft(db, link.id);
  const [stored] = await listReturns(db, { waveIds: [link.waveId], orgCodes: [link.orgCode] });
  const lastRevision = stored
    ? (await listRevisions(db, { orgCode: link.orgCode, waveId: link.waveId }))[0]
    : undefined;
  const earlier = waves.filter((w) => w.published && w.id < link.waveId).map((w) => w.id);
  const previousReturns = await listReturns(db, { waveIds: earlier, orgCodes: [link.orgCode] });
  const previous = previousReturns.at(-1);
  const previousWave = previous && waves.find((w) => w.id === previous.waveId);
  return {
    wave: { id: link.waveId, label: wave?.label ?? waveLabel(link.waveId, false) },
    organisation: {
      code: link.orgCode,
      name: org?.name ?? link.orgCode,
      areaName: areas.find((a) => a.code === org?.areaCode)?.name ?? org?.areaCode ?? "",
    },
    link: { expiresAt: link.expiresAt, submittedAt: link.submittedAt },
    draft: draft
      ? { cells: parseCells(draft.cells), role: role(draft.respondentRole), savedAt: draft.savedAt }
      : null,
    received: stored
      ? {
          cells: answerCells(stored),
          at: lastRevision?.importedAt ?? null,
          by: lastRevision?.byLabel ?? lastRevision?.fileName ?? null,
        }
      : null,
    previous:
      previous && previousWave
        ? { waveId: previous.waveId, label: previousWave.label, cells: answerCells(previous) }
        : null,
  };
}

/** Only the answers the body gave, trimmed of nothing: a draft keeps what was typed. */
function draftCells(cells: AnswerCells): string {
  return JSON.stringify(Object.fromEntries(Object.entries(completeCells(cells)).filter(([, v]) => v !== "")));
}

async function registerFor(database: Pick<AtlasDb, "db">) {
  return registerLookup(await listOrganisations(database.db));
}

/**
 * Saves the respondent's draft (a draft may be unfinished or break the rules: it is what they typed) and
 * says what the rules find in it, as the form shows it.
 */
export async function saveDraft(
  database: Pick<AtlasDb, "db">,
  link: PresentedLink,
  body: ReturnBody,
  now: string,
) {
  await saveResponseDraft(database.db, {
    linkId: link.id,
    cells: draftCells(body.cells),
    respondentRole: body.role ?? null,
    savedAt: now,
  });
  const check = checkFormReturn(
    body.cells,
    { waveId: link.waveId, orgCode: link.orgCode },
    { register: await registerFor(database) },
  );
  return { savedAt: now, problems: check.problems };
}

/**
 * Stores a submitted return in the link's wave through the importer's add path (one transaction, under
 * the import lock): checked first by the same rules as a file's rows, then, under the lock, the link is
 * checked again (a revocation or publication since the request began refuses it), the return is added as
 * `respondent link` (revision, diff, data versions as for a file, the wave a draft if this creates it),
 * and the link and draft record the submission.
 * @throws ReturnInvalidError (nothing stored), LinkNotWorkingError (nothing stored)
 */
export async function submitReturn(
  database: Pick<AtlasDb, "db" | "kind">,
  link: PresentedLink,
  body: ReturnBody,
  now: string,
): Promise<SubmittedReturn> {
  const scope = { waveId: link.waveId, orgCode: link.orgCode };
  const check = checkFormReturn(body.cells, scope, { register: await registerFor(database) });
  if (!check.value) throw new ReturnInvalidError(check.problems);
  const value = check.value;
  try {
    return await inImportTransaction(database, async (trx) => {
      const fresh = await findLinkById(trx, link.id);
      if (!fresh) throw new LinkNotWorkingError("unknown");
      checkLink(fresh, scope, now);
      const summary = await addReturns(trx, {
        waveId: link.waveId,
        returns: [value],
        source: RESPONDENT_SOURCE,
        importedBy: `link:${link.id}`,
        by: RESPONDENT_BY,
        draft: true,
      });
      const cells = answerCells(value);
      await markLinkSubmitted(trx, link.id, now);
      await saveResponseDraft(trx, {
        linkId: link.id,
        cells: draftCells(cells),
        respondentRole: body.role ?? null,
        savedAt: now,
      });
      const diff = summary.waves[0]!.diff;
      const changed = diff.changed[0];
      const action = diff.added.length > 0 ? "added" : changed ? "changed" : "unchanged";
      return {
        receivedAt: now,
        action,
        fields: changed?.fields ?? [],
        cells,
        message:
          action === "added"
            ? `Received: the return of ${link.orgCode} for wave ${link.waveId} is with the survey team.`
            : action === "changed"
              ? `Received: your corrections (${changed!.fields.join(", ")}) are with the survey team.`
              : "Received: the survey team already had exactly these answers; nothing changed.",
      } satisfies SubmittedReturn;
    });
  } catch (error) {
    // The wave was published since the link was checked: the link no longer works.
    if (error instanceof ImportConflictError) throw new LinkNotWorkingError("published");
    throw error;
  }
}
