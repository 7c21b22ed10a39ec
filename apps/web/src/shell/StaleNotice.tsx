import { useQueryClient } from "@tanstack/react-query";
import { useConnection } from "../api/connection-instance";
import { clockTime } from "../format/time";
import { type ViewQuery, waitingForApi } from "./view-queries";

/**
 * Beside a view that still shows what it last loaded while the API cannot be reached: says what time the
 * data on screen are from, and, when the selection changed meanwhile, that the new one cannot be loaded
 * yet. Nothing while everything is fresh.
 */
export function StaleNotice({ queries, shown }: { queries: readonly ViewQuery[]; shown?: string }) {
  const connection = useConnection();
  const cache = useQueryClient().getQueryCache();
  const withData = queries.filter((q) => q.data !== undefined);
  const waiting = queries.some(waitingForApi);
  if (withData.length === 0 || (connection.status !== "down" && !waiting)) return null;
  // Data kept from the previous selection (placeholder) carry the time of the query they came from.
  const times = withData.map((q) =>
    q.isPlaceholderData
      ? (cache.findAll({ predicate: (query) => query.state.data === q.data })[0]?.state.dataUpdatedAt ?? 0)
      : q.dataUpdatedAt,
  );
  const from = Math.min(...times.filter((t) => t > 0));
  const changed = withData.some((q) => q.isPlaceholderData);
  return (
    <p className="stale-notice" role="status" data-testid="stale-notice">
      Showing {shown ?? "the data"} as loaded at{" "}
      {Number.isFinite(from) ? (
        <time dateTime={new Date(from).toISOString()}>{clockTime(from)}</time>
      ) : (
        "an earlier time"
      )}
      .{" "}
      {changed
        ? "The API cannot be reached, so the new selection cannot be loaded yet; it will be as soon as the API answers."
        : "The API cannot be reached, so this may be out of date; it updates by itself when the API is back."}
    </p>
  );
}
