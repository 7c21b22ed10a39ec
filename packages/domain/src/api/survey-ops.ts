import { z } from "zod";
import { ORGANISATION_TYPES, WaveSchema } from "../reference";
import { LINK_STATES } from "../respondent/link-state";
import { PROVISIONS } from "../vocabulary";

/**
 * The wire contract of survey operations: publication, the admin list of waves, the response tracker and
 * the revision history of returns. Admin routes need `Authorization: Bearer <ATLAS_ADMIN_TOKEN>`.
 */

/** A wave's publication state: `draft` (admin reads only) or `published`. */
export const WAVE_STATES = ["draft", "published"] as const;
export type WaveState = (typeof WAVE_STATES)[number];

export const REVISION_ACTIONS = ["added", "changed", "removed"] as const;

/** One recorded change to one organisation's return in one wave: the import that made it and what changed. */
export const ReturnRevisionSchema = z.object({
  waveId: z.string(),
  /** When the import ran (ISO 8601). */
  at: z.string(),
  /** The file's recorded (sanitised) name and its SHA-256. */
  file: z.string(),
  checksum: z.string(),
  action: z.enum(REVISION_ACTIONS),
  /** Survey-format columns whose values changed (for `changed`; empty otherwise). */
  fields: z.array(z.string()),
  /** The name the importer gave (`--by`, `?by=`), or null. */
  by: z.string().nullable(),
  /** The import's mode: `create`, `add` or `replace` (null for imports before modes existed). */
  mode: z.string().nullable(),
  /** Admin reads only: the technical origin (`cli:<user>` or `api:<client address>`). */
  origin: z.string().optional(),
});
export type ReturnRevision = z.infer<typeof ReturnRevisionSchema>;

/** The last change to a return, as the tracker shows it. */
export const TrackerChangeSchema = z.object({
  at: z.string(),
  file: z.string(),
  action: z.enum(REVISION_ACTIONS),
  by: z.string().nullable(),
  origin: z.string(),
});
export type TrackerChange = z.infer<typeof TrackerChangeSchema>;

/**
 * An organisation's respondent link in the tracker: its newest link for the wave (a reissue revokes the one
 * before). `state` is `none` when no link was made; the times say what happened and when (ISO 8601).
 */
export const TrackerLinkSchema = z.object({
  state: z.enum(LINK_STATES),
  linkId: z.string().nullable(),
  createdAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** First opened (the respondent's page loaded the return). */
  openedAt: z.string().nullable(),
  /** Last draft saved (autosave); at a submission, the submission's time. */
  draftSavedAt: z.string().nullable(),
  /** Last submitted (a resubmission moves it). */
  submittedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** A draft saved after the last submission: corrections the respondent has not submitted yet. */
  unsubmittedChanges: z.boolean(),
});
export type TrackerLink = z.infer<typeof TrackerLinkSchema>;

export const TRACKER_STATUSES = ["returned", "no_response", "missing"] as const;
export type TrackerStatus = (typeof TRACKER_STATUSES)[number];

export const TrackerEntrySchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  areaCode: z.string(),
  areaName: z.string(),
  /**
   * `returned`: a return with an answer (any provision but no_response); `no_response`: a row saying the
   * organisation did not answer; `missing`: no row yet.
   */
  status: z.enum(TRACKER_STATUSES),
  provision: z.enum(PROVISIONS).nullable(),
  lastChange: TrackerChangeSchema.nullable(),
  link: TrackerLinkSchema,
});
export type TrackerEntry = z.infer<typeof TrackerEntrySchema>;

/** GET /api/waves/{id}/tracker: who was invited to a wave, who has returned, and who is still missing. */
export const ResponseTrackerSchema = z.object({
  wave: z.object({
    id: z.string(),
    /** null when nothing has been imported for this wave yet (every invited organisation is missing). */
    state: z.enum(WAVE_STATES).nullable(),
    provisional: z.boolean(),
    synthetic: z.boolean(),
  }),
  /** Organisations open during the wave per the register (plus any with a return). */
  invited: z.number().int(),
  returned: z.number().int(),
  noResponse: z.number().int(),
  missing: z.number().int(),
  /** Invited organisations by the state of their respondent link (every state named, 0 when none). */
  links: z.record(z.enum(LINK_STATES), z.number().int()),
  organisations: z.array(TrackerEntrySchema),
});
export type ResponseTracker = z.infer<typeof ResponseTrackerSchema>;

export const LastImportSchema = z.object({
  file: z.string(),
  checksum: z.string(),
  at: z.string(),
  by: z.string().nullable(),
  origin: z.string(),
  mode: z.string().nullable(),
});

/** One wave in the admin list: its state, its returns and its last import. */
export const WaveStatusSchema = WaveSchema.extend({
  state: z.enum(WAVE_STATES),
  published: z.boolean(),
  provisional: z.boolean(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  /** Rows stored (invited organisations with a row) and of those, the ones that answered. */
  organisationsInvited: z.number().int(),
  returns: z.number().int(),
  /** Organisations open during the wave per the register. */
  registerOpen: z.number().int(),
  lastImport: LastImportSchema.nullable(),
});
export const WaveStatusListSchema = z.object({ waves: z.array(WaveStatusSchema) });

/** POST /api/waves/{id}/publish and /unpublish. */
export const PublicationResultSchema = z.object({
  waveId: z.string(),
  /** `unchanged` when the wave was already in the asked-for state. */
  action: z.enum(["published", "unpublished", "updated", "unchanged"]),
  state: z.enum(WAVE_STATES),
  provisional: z.boolean(),
  publishedAt: z.string().nullable(),
  /** The new data versions (null when nothing changed). */
  dataVersion: z.string().nullable(),
  publicDataVersion: z.string().nullable(),
  message: z.string(),
});
export type PublicationResult = z.infer<typeof PublicationResultSchema>;
