import type { Insertable, Selectable } from "kysely";

/**
 * A respondent link: one organisation's private way into its return for one wave. Only the SHA-256 of the
 * token is stored (hex); the token itself is shown once, when the link is made.
 */
export interface ResponseLinkTable {
  id: string;
  waveId: string;
  orgCode: string;
  tokenHash: string;
  createdAt: string;
  /** The name the survey team gave (`--by`), if any. */
  createdBy: string | null;
  /** The technical origin: `cli:<user>` or `api:<address>`. */
  createdOrigin: string;
  expiresAt: string;
  openedAt: string | null;
  lastOpenedAt: string | null;
  /** The last submission through this link. */
  submittedAt: string | null;
  revokedAt: string | null;
  /** `revoked` (by the team) or `reissued` (a newer link replaced it). */
  revokedReason: string | null;
  revokedBy: string | null;
}
export type ResponseLinkRow = Selectable<ResponseLinkTable>;
export type NewResponseLinkRow = Insertable<ResponseLinkTable>;

/** The draft a respondent saves as they go: one per link, the answers as survey-format cells (JSON). */
export interface ResponseDraftTable {
  linkId: string;
  cells: string;
  respondentRole: string | null;
  savedAt: string;
}
export type ResponseDraftRow = Selectable<ResponseDraftTable>;
