import { ApiError, ApiUnreachableError, ContractError } from "../api/client";
import { connection } from "../api/connection-instance";

/** Says what went wrong with a request in words, and offers to try again. */
export function QueryError({ error, what, retry }: { error: unknown; what: string; retry?: () => void }) {
  let message: string;
  const unreachable =
    error instanceof ApiUnreachableError || (error instanceof ApiError && error.status === 503);
  if (unreachable)
    message = `The API cannot be reached, so ${what} cannot be shown. The page will recover by itself when the API is back.`;
  else if (error instanceof ApiError)
    message = `The API could not give ${what}: ${error.problem?.detail ?? `HTTP ${error.status}`}`;
  else if (error instanceof ContractError)
    message = `The API's answer for ${what} was not in the expected form (${error.issues}).`;
  else message = `Something went wrong loading ${what}.`;
  // While the API is away, "Try again" asks the health probe (limited to once every 2 s), which brings
  // every waiting view back when it answers; otherwise it asks for this view's data again.
  const onRetry = unreachable ? () => connection.retryNow() : retry;
  return (
    <div className="query-error" role="alert">
      <p>{message}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
