/**
 * Who may call each operation, as OpenAPI security requirements (every operation declares one). Public reads
 * need nothing; `include=drafts` reads take the admin token optionally; the survey team's operations need it.
 */
export const ADMIN_SCHEME = "adminToken";
/** A respondent link's token, which the form page reads from the link's fragment and sends as a bearer token. */
export const RESPONDENT_SCHEME = "respondentLink";

/** Anyone: public data. */
export const PUBLIC: Record<string, string[]>[] = [];
/** Anyone, or the survey team with the admin token (which adds draft waves with `include=drafts`). */
export const PUBLIC_OR_ADMIN: Record<string, string[]>[] = [{}, { [ADMIN_SCHEME]: [] }];
/** The survey team only: `Authorization: Bearer <ATLAS_ADMIN_TOKEN>`. */
export const ADMIN: Record<string, string[]>[] = [{ [ADMIN_SCHEME]: [] }];
/** A respondent, with the token of their organisation's link. */
export const RESPONDENT: Record<string, string[]>[] = [{ [RESPONDENT_SCHEME]: [] }];

/** The schemes, as OpenAPI components (registered once, in routes/docs.ts). */
export const SECURITY_SCHEMES = {
  [ADMIN_SCHEME]: {
    type: "http",
    scheme: "bearer",
    description:
      "The survey team's admin token (Authorization: Bearer <ATLAS_ADMIN_TOKEN>): imports, publication, links, the response tracker and include=drafts reads.",
  },
  [RESPONDENT_SCHEME]: {
    type: "http",
    scheme: "bearer",
    description:
      "A respondent link's token, read by the form page from the link's fragment (#t=…) and sent as Authorization: Bearer <token>.",
  },
} as const;
