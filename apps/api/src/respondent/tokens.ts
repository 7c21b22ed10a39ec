import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 32 random bytes (256 bits) from the operating system's CSPRNG: far beyond guessing. */
const TOKEN_BYTES = 32;
/** A token as sent: 43 base64url characters. Anything longer is not a token (and is not hashed at length). */
const MAX_TOKEN_LENGTH = 128;

/** A new, unguessable link token. Shown once, in the link; only its hash is stored. */
export function newLinkToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/** The stored form of a token: SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether two token hashes are equal, compared in constant time. */
export function hashesMatch(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === 32 && y.length === 32 && timingSafeEqual(x, y);
}

/**
 * The token a request presents in `Authorization: Bearer <token>`, or "" when there is none or it is not
 * shaped like one. Callers hash it either way, so a missing token takes the same path as a wrong one.
 */
export function presentedToken(header: string | undefined): string {
  const match = /^Bearer\s+([A-Za-z0-9_-]+)\s*$/i.exec(header ?? "");
  const token = match?.[1] ?? "";
  return token.length <= MAX_TOKEN_LENGTH ? token : "";
}

/**
 * The link a respondent is sent. The token is in the fragment (after `#`): browsers never send a fragment
 * to any server, so it is in no access log, proxy log or Referer; the page reads it and sends it in a header.
 */
export function linkUrl(baseUrl: string, waveId: string, orgCode: string, token: string): string {
  return `${baseUrl}/respond/${encodeURIComponent(waveId)}/${encodeURIComponent(orgCode)}#t=${token}`;
}
