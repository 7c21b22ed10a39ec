import type { Scope } from "./api";

const PATH = /^\/respond\/([^/]+)\/([^/]+)\/?$/;

/**
 * The wave, organisation and token of the link this page was opened with. The token is in the fragment
 * (`#t=…`), which no browser sends to a server; once read it is taken out of the address bar (so it is not in
 * the history, a bookmark or a screenshot) and kept for this tab only (sessionStorage), so a reload still
 * works. Never in a cookie or localStorage. Null when the link is incomplete.
 */
export function readLink(
  location: Pick<Location, "pathname" | "search" | "hash">,
  history: Pick<History, "replaceState">,
  storage: Pick<Storage, "getItem" | "setItem"> | null,
): { scope: Scope; token: string } | null {
  const match = PATH.exec(location.pathname);
  if (!match) return null;
  let scope: Scope;
  try {
    scope = { waveId: decodeURIComponent(match[1]!), orgCode: decodeURIComponent(match[2]!) };
  } catch {
    return null;
  }
  const key = `atlas-respond:${scope.waveId}:${scope.orgCode}`;
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, "")).get("t");
  if (fromHash && /^[A-Za-z0-9_-]{16,128}$/.test(fromHash)) {
    try {
      storage?.setItem(key, fromHash);
    } catch {
      // storage may be off; the token still works until the page is closed
    }
    history.replaceState(null, "", `${location.pathname}${location.search}`);
    return { scope, token: fromHash };
  }
  let kept: string | null = null;
  try {
    kept = storage?.getItem(key) ?? null;
  } catch {
    kept = null;
  }
  return kept ? { scope, token: kept } : null;
}
