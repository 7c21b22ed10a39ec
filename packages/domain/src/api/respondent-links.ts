import { z } from "zod";

/**
 * The survey team's requests that make and revoke respondent links (data/survey-format.md §8). Apart from
 * respondent.ts so that the survey team's page loads these few schemas without the respondent form's
 * vocabularies (a module's schemas are built when it loads, so it comes whole into a bundle).
 */

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

/** POST /api/waves/{id}/links/{org}/revoke. */
export const RevokeLinkResultSchema = z.object({
  waveId: z.string(),
  orgCode: z.string(),
  /** `unchanged` when no link of the organisation's still worked. */
  action: z.enum(["revoked", "unchanged"]),
  revokedLinkIds: z.array(z.string()),
  message: z.string(),
});
