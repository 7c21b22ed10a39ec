import type { CreatedLinks } from "../api/respondent-links";
import { toCsv } from "../csv";

export const LINKS_CSV_COLUMNS = ["org_code", "org_name", "link", "expires_at"];

/**
 * The links as CSV for a mail merge: the header first (no comment lines), one row per link made.
 * It holds the tokens: keep it as private as the links themselves, and delete it once the e-mails are sent.
 */
export function linksCsv(result: CreatedLinks): string {
  return toCsv(
    LINKS_CSV_COLUMNS,
    result.created.map((l) => ({
      org_code: l.orgCode,
      org_name: l.orgName,
      link: l.url,
      expires_at: l.expiresAt,
    })),
  );
}
