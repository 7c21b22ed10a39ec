import { RETRY_MIN_MS } from "../api/backoff";
import { connection, useConnection } from "../api/connection-instance";
import { secondsUntil } from "../format/time";
import { useNow } from "../state/use-now";

/**
 * In place of a view that has no data yet because the API cannot be reached: says so, when the page
 * checks again, and offers to check now. The view fills in by itself when the API answers.
 */
export function Unreachable({ what }: { what: string }) {
  const state = useConnection();
  const now = useNow(true);
  return (
    <div className="query-error unreachable" role="status" data-testid="unreachable">
      <p>
        The atlas API cannot be reached, so {what} cannot be shown yet. The page checks again every{" "}
        {RETRY_MIN_MS / 1_000} seconds{" "}
        <span aria-hidden="true">
          (next check {state.status === "down" ? secondsUntil(state.nextProbeAt, now) : "shortly"})
        </span>{" "}
        and shows it as soon as the API answers.
      </p>
      <button type="button" onClick={() => connection.retryNow()}>
        Try now
      </button>
    </div>
  );
}
