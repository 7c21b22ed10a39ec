import { type Query, useQueryClient } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";

// Status and the wave list describe the whole database; the banner is about the data on screen.
const NOT_VIEW_DATA = new Set(["health", "waves", "metrics", "areas", "boundaries"]);

function showsSyntheticData(query: Query): boolean {
  const key = query.queryKey[0];
  if (typeof key !== "string" || NOT_VIEW_DATA.has(key) || query.getObserversCount() === 0) return false;
  const data = query.state.data as { synthetic?: unknown } | undefined;
  return data?.synthetic === true;
}

/** True while any response on screen carries `synthetic: true`. */
export function useSyntheticInView(): boolean {
  const cache = useQueryClient().getQueryCache();
  return useSyncExternalStore(
    (onChange) => cache.subscribe(onChange),
    () => cache.getAll().some(showsSyntheticData),
  );
}
