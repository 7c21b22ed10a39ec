import { ApiError, ApiUnreachableError, ContractError } from "../api/client";

/** Says what went wrong with a request in words, and offers to try again. */
export function QueryError({ error, what, retry }: { error: unknown; what: string; retry?: () => void }) {
  let message: string;
  if (error instanceof ApiUnreachableError)
    message = `The API cannot be reached, so ${what} cannot be shown. The page will recover by itself when the API is back.`;
  else if (error instanceof ApiError)
    message = `The API could not give ${what}: ${error.problem?.detail ?? `HTTP ${error.status}`}`;
  else if (error instanceof ContractError)
    message = `The API's answer for ${what} was not in the expected form (${error.issues}).`;
  else message = `Something went wrong loading ${what}.`;
  return (
    <div className="query-error" role="alert">
      <p>{message}</p>
      {retry ? (
        <button type="button" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
