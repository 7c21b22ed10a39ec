import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { healthQuery } from "../api/queries";

/**
 * Watches /api/health. While it fails, a banner says the API cannot be reached (the health check polls
 * every 2 s); when it answers again, every failed query is fetched again so the page recovers on its own.
 */
export function ApiStatus() {
  const client = useQueryClient();
  const health = useQuery(healthQuery());
  const wasDown = useRef(false);

  useEffect(() => {
    if (health.isError) wasDown.current = true;
    else if (health.isSuccess && wasDown.current) {
      wasDown.current = false;
      void client.refetchQueries({ predicate: (query) => query.state.status === "error" });
    }
  }, [health.isError, health.isSuccess, client]);

  if (health.isError) {
    return (
      <div className="api-down" role="alert">
        <strong>The atlas API cannot be reached.</strong> The page keeps trying every few seconds and will
        update by itself when the API is back.{" "}
        <button type="button" onClick={() => void health.refetch()}>
          Try now
        </button>
      </div>
    );
  }
  return null;
}
