import { useConnection } from "../api/connection-instance";
import { QueryError } from "./QueryError";
import { Unreachable } from "./Unreachable";
import { failedQuery, type ViewQuery, waitingForApi } from "./view-queries";

/**
 * What a view shows until its data are there: a polite loading line, or, when the API cannot be reached,
 * says so and when the page will try again (never "Loading…" forever), or the error of a request that
 * failed for another reason. `queries` are every request the view waits for, the wave list included.
 */
export function Loading({ what, queries = [] }: { what: string; queries?: readonly ViewQuery[] }) {
  const connection = useConnection();
  const failed = failedQuery(queries);
  if (failed) return <QueryError error={failed.error} what={what} retry={() => void failed.refetch()} />;
  if (connection.status === "down" || queries.some(waitingForApi)) return <Unreachable what={what} />;
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}
