/**
 * Who may call each operation, as OpenAPI security requirements (every operation declares one). Public reads
 * need nothing; `include=drafts` reads take the admin token optionally; the survey team's operations need it.
 */
export const BEARER_SCHEME = "bearerAuth";

/** Anyone: public data. */
export const PUBLIC: Record<string, string[]>[] = [];
/** Anyone, or the survey team with the admin token (which adds draft waves with `include=drafts`). */
export const PUBLIC_OR_ADMIN: Record<string, string[]>[] = [{}, { [BEARER_SCHEME]: [] }];
/** The survey team only: `Authorization: Bearer <ATLAS_ADMIN_TOKEN>`. */
export const ADMIN: Record<string, string[]>[] = [{ [BEARER_SCHEME]: [] }];
