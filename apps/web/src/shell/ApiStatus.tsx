import { RETRY_MIN_MS } from "../api/backoff";
import { connection, useConnection } from "../api/connection-instance";
import { clockTime, secondsUntil } from "../format/time";
import { useNow } from "../state/use-now";

/**
 * The banner while /api/health does not answer: since when, when the page checks again (every 2 s, see
 * api/backoff.ts), and a button to check now. The page recovers by itself when the API is back (the
 * query client refetches everything that was waiting).
 */
export function ApiStatus() {
  const state = useConnection();
  const down = state.status === "down";
  const now = useNow(down);
  if (!down) return null;
  return (
    <div className="api-down" role="alert">
      <strong>The atlas API cannot be reached</strong>
      {state.downSince ? ` (since ${clockTime(state.downSince)})` : ""}. The page checks again every{" "}
      {RETRY_MIN_MS / 1_000} seconds{" "}
      {/* The countdown changes every second: kept out of the live region so it is not read out each time. */}
      <span aria-hidden="true">(next check {secondsUntil(state.nextProbeAt, now)})</span> and updates by
      itself when the API is back; what is on screen stays as it was last loaded.{" "}
      <button type="button" onClick={() => connection.retryNow()}>
        Try now
      </button>
    </div>
  );
}
