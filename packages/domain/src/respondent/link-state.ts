/**
 * Where a respondent link is in its life, as the survey team's tracker shows it: `none` (no link made),
 * `sent` (made, not opened yet), `opened`, `draft_saved` (answers saved, not submitted), `submitted`,
 * `revoked` (by the team, or replaced by a newer link) and `expired`. Revoked and expired win over the rest:
 * they say the link no longer works; `submittedAt` still tells whether it was used.
 */
export const LINK_STATES = [
  "none",
  "sent",
  "opened",
  "draft_saved",
  "submitted",
  "revoked",
  "expired",
] as const;
export type LinkState = (typeof LINK_STATES)[number];

/** What is recorded about one link (ISO 8601 times; null when it has not happened). */
export interface LinkFacts {
  expiresAt: string;
  revokedAt: string | null;
  openedAt: string | null;
  draftSavedAt: string | null;
  submittedAt: string | null;
}

/** The state of a link at `now` (ISO 8601); `none` for no link. */
export function linkState(link: LinkFacts | null, now: string): LinkState {
  if (!link) return "none";
  if (link.revokedAt !== null) return "revoked";
  if (link.expiresAt <= now) return "expired";
  if (link.submittedAt !== null) return "submitted";
  if (link.draftSavedAt !== null) return "draft_saved";
  if (link.openedAt !== null) return "opened";
  return "sent";
}

/** Whether a link lets its respondent in at `now`: not revoked, not expired, and its wave still a draft. */
export function linkWorks(
  link: Pick<LinkFacts, "expiresAt" | "revokedAt">,
  now: string,
  wavePublished: boolean,
) {
  return link.revokedAt === null && link.expiresAt > now && !wavePublished;
}

/** Days a link lasts when the wave has no fieldwork end in the future. */
export const DEFAULT_LINK_DAYS = 60;
/** The longest a link may be made to last. */
export const MAX_LINK_DAYS = 366;

/**
 * When a new link expires: the end of the wave's fieldwork (the last second of that day, UTC) when it is
 * recorded and still ahead, else DEFAULT_LINK_DAYS from now.
 */
export function defaultLinkExpiry(fieldworkEnd: string | null, now: Date): string {
  if (fieldworkEnd !== null && /^\d{4}-\d{2}-\d{2}$/.test(fieldworkEnd)) {
    const end = new Date(`${fieldworkEnd}T23:59:59.000Z`);
    if (end.getTime() > now.getTime()) return end.toISOString();
  }
  return new Date(now.getTime() + DEFAULT_LINK_DAYS * 86_400_000).toISOString();
}

export type LinkExpiry = { ok: true; expiresAt: string } | { ok: false; message: string };

/**
 * Reads an expiry the survey team gives (`--expires`, `expires`): a date (`2027-06-30`, meaning the end of
 * that day, UTC) or a date and time with a zone (`2027-06-30T17:00:00Z`). It must be ahead of `now` and at
 * most MAX_LINK_DAYS ahead.
 */
export function parseLinkExpiry(raw: string, now: Date): LinkExpiry {
  const value = raw.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  const at = dateOnly ? new Date(`${value}T23:59:59.000Z`) : dateTime ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime()) || (dateOnly && at.toISOString().slice(0, 10) !== value)) {
    return {
      ok: false,
      message: `expires: "${value}" is not a date; use YYYY-MM-DD (the end of that day, UTC) or a date and time with a zone, e.g. 2027-06-30T17:00:00Z`,
    };
  }
  if (at.getTime() <= now.getTime()) {
    return { ok: false, message: `expires: ${value} is not in the future` };
  }
  if (at.getTime() > now.getTime() + MAX_LINK_DAYS * 86_400_000) {
    return { ok: false, message: `expires: ${value} is more than ${MAX_LINK_DAYS} days ahead` };
  }
  return { ok: true, expiresAt: at.toISOString() };
}
