/**
 * The survey team's admin token for this browser tab, and whether the dashboard shows draft waves
 * ("draft preview"). Kept in `sessionStorage` (this tab only, gone when it closes), or in memory when the
 * browser refuses storage; never in the URL, `localStorage` or a cookie, so no link, history entry, other
 * tab or cross-site request carries it. The token travels only in `Authorization: Bearer`.
 */

const TOKEN_KEY = "atlas.survey-team.token";
const PREVIEW_KEY = "atlas.survey-team.draft-preview";

type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface AdminSession {
  token(): string | null;
  unlock(token: string): void;
  /** Forgets the token (and leaves draft preview). */
  lock(): void;
  /** The token while draft preview is on, else null: data reads then ask for drafts with it. */
  previewToken(): string | null;
  setPreview(on: boolean): void;
}

function memoryStore(): KeyValueStore {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

/** The tab's sessionStorage, or null when the browser refuses it (private modes, sandboxed frames). */
function tabStorage(): KeyValueStore | null {
  try {
    const storage = globalThis.sessionStorage;
    const probe = `${TOKEN_KEY}.probe`;
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/** @example const session = createAdminSession(sessionStorage); session.unlock(token); session.token() // token */
export function createAdminSession(store: KeyValueStore = tabStorage() ?? memoryStore()): AdminSession {
  const token = () => store.getItem(TOKEN_KEY) || null;
  return {
    token,
    unlock: (value) => store.setItem(TOKEN_KEY, value),
    lock: () => {
      store.removeItem(TOKEN_KEY);
      store.removeItem(PREVIEW_KEY);
    },
    previewToken: () => (store.getItem(PREVIEW_KEY) === "on" ? token() : null),
    setPreview: (on) => (on ? store.setItem(PREVIEW_KEY, "on") : store.removeItem(PREVIEW_KEY)),
  };
}

let shared: AdminSession | undefined;

/** The page's one session (created on first use, so importing this module touches no storage). */
export function adminSession(): AdminSession {
  shared ??= createAdminSession();
  return shared;
}
