import { type Query, QueryClient } from "@tanstack/react-query";
import { backoffDelay, isOutage, shouldRetry } from "./backoff";
import type { ConnectionMonitor } from "./connection";

/** A query sleeping between retries (the API was away when it last tried). */
function retrying(query: Query): boolean {
  return query.state.fetchStatus !== "idle" && query.state.fetchFailureCount > 0;
}

/** A query on screen that is waiting out an outage (retrying, or given up) and should be asked again. */
function needsRecovery(query: Query): boolean {
  return (retrying(query) || query.state.status === "error") && query.getObserversCount() > 0;
}

/**
 * The app's QueryClient, wired to the connection monitor:
 * - every request that fails because the API is away is retried with backoff (2 s doubling to 30 s,
 *   with jitter), one resource at a time, while its view keeps what it last showed;
 * - such a failure also makes the monitor check /api/health, which shows the banner;
 * - when the health probe answers again, every query still waiting is cancelled out of its backoff and
 *   fetched at once, so the page recovers within one probe period of the API's return.
 */
export function createQueryClient(monitor: ConnectionMonitor): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5 * 60_000,
        retry: shouldRetry,
        retryDelay: (failureCount) => backoffDelay(failureCount),
        refetchOnWindowFocus: false,
      },
    },
  });
  client.getQueryCache().subscribe((event) => {
    if (event.type !== "updated") return;
    const { action } = event;
    if ((action.type === "failed" || action.type === "error") && isOutage(action.error))
      monitor.reportOutage();
  });
  monitor.onRecover(() => void recover(client));
  return client;
}

/**
 * Brings every waiting query on screen back now instead of at the end of its backoff. A query sleeping
 * between retries cannot be woken, only cancelled (back to its last good state, data kept) and asked
 * again. Sleeping queries off screen (prefetches, views left during the outage) are cancelled too, so a
 * view that mounts later fetches at once rather than waiting for the end of a 30 s sleep.
 */
export async function recover(client: QueryClient): Promise<void> {
  const cache = client.getQueryCache();
  const onScreen = new Set(cache.findAll({ predicate: needsRecovery }));
  const sleeping = cache.findAll({ predicate: retrying });
  await Promise.all(sleeping.map((query) => query.cancel({ revert: true, silent: true })));
  if (onScreen.size === 0) return;
  await client.refetchQueries({ predicate: (query) => onScreen.has(query) }, { throwOnError: false });
}
