import "./zod-jitless";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { seedQueryCache } from "./api/bootstrap";
import { ApiUnreachableError, isRetryable } from "./api/client";
import "./styles/app.css";
import "./styles/layout.css";
import "./styles/map.css";
import "./styles/print.css";
import { parseUrlState } from "./url/url-state";

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // Any request that finds the server gone makes the status check run now, which shows the banner
    // and starts polling until the API is back.
    onError: (error) => {
      if (error instanceof ApiUnreachableError) void queryClient.invalidateQueries({ queryKey: ["health"] });
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 5 * 60_000,
      retry: (failures, error) => isRetryable(error) && failures < 3,
      retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4_000),
      refetchOnWindowFocus: false,
    },
  },
});

// What every view needs first (waves, metrics, areas, health) came with the page: no round trip for it.
seedQueryCache(queryClient);

// The map is the first view for most visits: start fetching its code now, in parallel with React's first
// render, instead of when the lazy component is first rendered.
const initial = parseUrlState(window.location.search);
if (initial.view === "dashboard" && initial.tab === "map") void import("./map/MapTab");

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
