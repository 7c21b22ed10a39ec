import { useCallback, useSyncExternalStore } from "react";
import { applyPatch, type HistoryMode, parseUrlState, serializeUrlState, type ViewState } from "./url-state";

const URL_CHANGE = "atlas:urlchange";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(URL_CHANGE, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(URL_CHANGE, onChange);
  };
}

// Parsing is cheap but must return the same object for the same URL, or React re-renders forever.
let cachedSearch: string | null = null;
let cachedState: ViewState | null = null;
function snapshot(): ViewState {
  const search = window.location.search;
  if (search !== cachedSearch || cachedState === null) {
    cachedSearch = search;
    cachedState = parseUrlState(search);
  }
  return cachedState;
}

/** Writes a state into the address bar without reloading, and tells every `useUrlState` reader. */
export function writeUrlState(next: ViewState, mode: HistoryMode = "push"): void {
  const search = serializeUrlState(next);
  if (search === window.location.search) return;
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  if (mode === "push") window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
  window.dispatchEvent(new Event(URL_CHANGE));
}

/**
 * The URL as React state: `[state, update]`, where `update(patch, mode)` merges a patch into the current
 * URL state (read fresh, so two quick updates do not overwrite each other).
 */
export function useUrlState(): [ViewState, (patch: Partial<ViewState>, mode?: HistoryMode) => void] {
  const state = useSyncExternalStore(subscribe, snapshot, snapshot);
  const update = useCallback((patch: Partial<ViewState>, mode: HistoryMode = "push") => {
    writeUrlState(applyPatch(snapshot(), patch), mode);
  }, []);
  return [state, update];
}
