import { isOutage } from "../api/backoff";

/** The parts of a TanStack Query result that decide what a view shows while its data is not there. */
export interface ViewQuery {
  data?: unknown;
  isError: boolean;
  error: unknown;
  failureCount: number;
  failureReason: unknown;
  isPlaceholderData?: boolean;
  dataUpdatedAt: number;
  refetch: () => unknown;
}

/** Whether a query is waiting out an outage: retrying after failures, or given up, because the API is away. */
export function waitingForApi(query: ViewQuery): boolean {
  return (
    (query.isError && isOutage(query.error)) || (query.failureCount > 0 && isOutage(query.failureReason))
  );
}

/** The first query that failed for another reason than an outage (a bad request, a contract error, a bug). */
export function failedQuery(queries: readonly ViewQuery[]): ViewQuery | undefined {
  return queries.find((q) => q.isError && !isOutage(q.error));
}

/** Whether a view cannot get its data now: a request failed, or is waiting out an outage. */
export function cannotLoad(queries: readonly ViewQuery[]): boolean {
  return queries.some((q) => q.isError || waitingForApi(q));
}
