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

// --- The survey team's side (making and revoking links: respondent-links.ts) ---------------------------

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
