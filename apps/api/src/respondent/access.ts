import { type Executor, findLinkByTokenHash, type PresentedLink } from "@atlas/db";
import { linkWorks } from "@atlas/domain";
import { LinkNotWorkingError } from "./errors";
import { hashesMatch, hashToken } from "./tokens";

/** The wave and organisation a respondent request names in its path. */
export interface LinkScope {
  waveId: string;
  orgCode: string;
}

/**
 * The link a presented token opens for this wave and organisation, now. Always hashes what was presented
 * (even nothing) and makes one indexed lookup, so a missing, wrong, revoked or expired token, another
 * organisation's or wave's, and one whose wave is published all take the same path and end in the same
 * LinkNotWorkingError (its reason is for the log only).
 * @throws LinkNotWorkingError
 */
export async function openLink(
  db: Executor,
  token: string,
  scope: LinkScope,
  now: string,
): Promise<PresentedLink> {
  const hash = hashToken(token);
  const link = await findLinkByTokenHash(db, hash);
  if (!link || token === "" || !hashesMatch(hash, link.tokenHash)) throw new LinkNotWorkingError("unknown");
  return checkLink(link, scope, now);
}

/** The checks of a found link: its scope, revocation, expiry and its wave's state. */
export function checkLink(link: PresentedLink, scope: LinkScope, now: string): PresentedLink {
  if (link.waveId !== scope.waveId || link.orgCode !== scope.orgCode) throw new LinkNotWorkingError("scope");
  if (link.revokedAt !== null) throw new LinkNotWorkingError("revoked");
  if (link.expiresAt <= now) throw new LinkNotWorkingError("expired");
  if (!linkWorks(link, now, link.wavePublished === 1)) throw new LinkNotWorkingError("published");
  return link;
}
