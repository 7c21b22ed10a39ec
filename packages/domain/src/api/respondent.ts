import { z } from "zod";
import { LINK_STATES } from "../respondent/link-state";
import { RESPONDENT_ROLES } from "../respondent/roles";
import { ANSWER_COLUMNS, SURVEY_COLUMNS } from "../survey-columns";
import { WAVE_STATES } from "./survey-ops";

/**
 * The wire contract of respondent links: the survey team's admin routes that make, list and revoke links
 * (`Authorization: Bearer <ATLAS_ADMIN_TOKEN>`), and the respondent's own routes, reached with the link's
 * token (`Authorization: Bearer <link token>`). data/survey-format.md §8 describes both.
 */

// --- The survey team's side -------------------------------------------------------------------------

/** POST /api/waves/{id}/links: make links for the wave's invited organisations, or for the ones named. */
export const CreateLinksRequestSchema = z
  .object({
    /** Organisations to make links for; omitted: every organisation open during the wave per the register. */
    orgCodes: z.array(z.string().min(1).max(20)).min(1).max(5000).optional(),
    /** YYYY-MM-DD (the end of that day, UTC) or an ISO 8601 time with a zone; default: see defaultLinkExpiry. */
    expires: z.string().max(40).optional(),
    /** Replace live links (each new link revokes the organisation's old one); without it they are skipped. */
    reissue: z.boolean().optional(),
    /** Who is doing this (a name or initials, up to 60 characters), recorded. */
    by: z.string().max(200).optional(),
  })
  .strict();
export type CreateLinksRequest = z.infer<typeof CreateLinksRequestSchema>;

export const CreatedLinkSchema = z.object({
  orgCode: z.string(),
  orgName: z.string(),
  linkId: z.string(),
  /** The link to send: `<ATLAS_PUBLIC_URL>/respond/<wave>/<org>#t=<token>`. Shown once; only a hash is kept. */
  url: z.string(),
  expiresAt: z.string(),
  /** The link this one replaced (revoked now), if any. */
  replacedLinkId: z.string().nullable(),
});

export const SkippedLinkSchema = z.object({
  orgCode: z.string(),
  orgName: z.string(),
  /** `live_link`: the organisation has a link that still works; ask with `reissue: true` to replace it. */
  reason: z.enum(["live_link"]),
  linkId: z.string(),
  expiresAt: z.string(),
});

export const CreatedLinksSchema = z.object({
  waveId: z.string(),
  /** The public base URL the links start with (ATLAS_PUBLIC_URL). */
  baseUrl: z.string(),
  created: z.array(CreatedLinkSchema),
  skipped: z.array(SkippedLinkSchema),
  /** E.g. that ATLAS_PUBLIC_URL is not set, so the links point at this machine. */
  warnings: z.array(z.string()),
  message: z.string(),
});
export type CreatedLinks = z.infer<typeof CreatedLinksSchema>;

/** One link as the survey team sees it: never its token. */
export const LinkSummarySchema = z.object({
  linkId: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  state: z.enum(LINK_STATES),
  /** Whether it is the organisation's newest link for the wave (the one the tracker shows). */
  current: z.boolean(),
  /** Whether it lets its respondent in now (not revoked, not expired, the wave still a draft). */
  works: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  expiresAt: z.string(),
  openedAt: z.string().nullable(),
  lastOpenedAt: z.string().nullable(),
  draftSavedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** `revoked` (by the team) or `reissued` (replaced by a newer link). */
  revokedReason: z.enum(["revoked", "reissued"]).nullable(),
  revokedBy: z.string().nullable(),
  /** The role the respondent gave (optional; the only thing asked about them). */
  respondentRole: z.enum(RESPONDENT_ROLES).nullable(),
});
export type LinkSummary = z.infer<typeof LinkSummarySchema>;

/** GET /api/waves/{id}/links: every link made for the wave, by organisation name, newest first. */
export const LinkListSchema = z.object({
  waveId: z.string(),
  /** null when nothing is stored for the wave yet (the first submitted return creates it, as a draft). */
  waveState: z.enum(WAVE_STATES).nullable(),
  links: z.array(LinkSummarySchema),
});

/** POST /api/waves/{id}/links/{org}/revoke. */
export const RevokeLinkResultSchema = z.object({
  waveId: z.string(),
  orgCode: z.string(),
  /** `unchanged` when no link of the organisation's still worked. */
  action: z.enum(["revoked", "unchanged"]),
  revokedLinkIds: z.array(z.string()),
  message: z.string(),
});

// --- The respondent's side --------------------------------------------------------------------------

/** The answers, as the cells of a survey file's row (every key optional; "" or absent is blank). */
export const AnswerCellsSchema = z
  .object(Object.fromEntries(ANSWER_COLUMNS.map((c) => [c, z.string().max(20_000).optional()])))
  .strict() as z.ZodType<Partial<Record<(typeof ANSWER_COLUMNS)[number], string>>>;

/** PUT /api/respond/{wave}/{org}/draft and POST /api/respond/{wave}/{org}/submit. */
export const ReturnBodySchema = z
  .object({
    cells: AnswerCellsSchema,
    role: z.enum(RESPONDENT_ROLES).nullable().optional(),
  })
  .strict();
export type ReturnBody = z.infer<typeof ReturnBodySchema>;

/** One problem with one answer: the importer's message, named by column (the form shows it by the field). */
export const ReturnProblemSchema = z.object({
  column: z.enum(SURVEY_COLUMNS),
  message: z.string(),
  value: z.string(),
  allowed: z.array(z.string()).optional(),
});

const CellsRecord = z.record(z.string(), z.string());

/** GET /api/respond/{wave}/{org}: what the form opens with. */
export const RespondentReturnSchema = z.object({
  wave: z.object({ id: z.string(), label: z.string() }),
  organisation: z.object({ code: z.string(), name: z.string(), areaName: z.string() }),
  link: z.object({ expiresAt: z.string(), submittedAt: z.string().nullable() }),
  /** The saved draft (autosave), if any. */
  draft: z
    .object({
      cells: CellsRecord,
      role: z.enum(RESPONDENT_ROLES).nullable(),
      savedAt: z.string(),
    })
    .nullable(),
  /** The return the survey team holds for this organisation in this wave, however it arrived. */
  received: z
    .object({
      cells: CellsRecord,
      at: z.string().nullable(),
      by: z.string().nullable(),
    })
    .nullable(),
  /** The organisation's return in the latest earlier published wave, offered as a starting point. */
  previous: z.object({ waveId: z.string(), label: z.string(), cells: CellsRecord }).nullable(),
});
export type RespondentReturn = z.infer<typeof RespondentReturnSchema>;

/** PUT …/draft: saved (even with problems: a draft may be unfinished); the problems say what to fix. */
export const DraftSavedSchema = z.object({
  savedAt: z.string(),
  problems: z.array(ReturnProblemSchema),
});

/** POST …/submit: what was received and stored in the draft wave. */
export const SubmittedReturnSchema = z.object({
  receivedAt: z.string(),
  /** `added` (the first return), `changed` (a correction) or `unchanged` (the same answers again). */
  action: z.enum(["added", "changed", "unchanged"]),
  /** Columns a correction changed. */
  fields: z.array(z.string()),
  /** The return as stored (the survey format's cells). */
  cells: CellsRecord,
  message: z.string(),
});
export type SubmittedReturn = z.infer<typeof SubmittedReturnSchema>;
