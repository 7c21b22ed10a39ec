import { type Query, QueryClient } from "@tanstack/react-query";
import { backoffDelay, isOutage, shouldRetry } from "./backoff";
import type { ConnectionMonitor } from "./connection";

/** A query that is waiting out an outage (retrying, or given up) and should be asked again at once. */
function needsRecovery(query: Query): boolean {
  const { state } = query;
  const retrying = state.fetchStatus !== "idle" && state.fetchFailureCount > 0;
  const failed = state.status === "error";
  return (retrying || failed) && query.getObserversCount() > 0;
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

/** Brings every waiting query back now instead of at the end of its backoff. */
export async function recover(client: QueryClient): Promise<void> {
  const waiting = client.getQueryCache().findAll({ predicate: needsRecovery });
  if (waiting.length === 0) return;
  const targets = new Set(waiting);
  // A query sleeping between retries cannot be woken, only cancelled (back to its last good state) and
  // asked again; cancelling keeps any data it had on screen.
  await Promise.all(waiting.map((query) => query.cancel({ revert: true, silent: true })));
  await client.refetchQueries({ predicate: (query) => targets.has(query) }, { throwOnError: false });
}
