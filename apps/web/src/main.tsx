import "./zod-jitless";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { adminSession } from "./api/admin-session";
import { seedQueryCache } from "./api/bootstrap";
import { connection } from "./api/connection-instance";
import { createQueryClient } from "./api/query-client";
import "./styles/app.css";
import "./styles/layout.css";
import "./styles/map.css";
import "./styles/gaps-context.css";
import "./styles/need.css";
import "./styles/print.css";
import { prefetchViews } from "./shell/prefetch-views";
import { parseUrlState } from "./url/url-state";

// Retries back off while the API is away; the connection monitor probes /api/health and brings every
// waiting query back the moment it answers (api/query-client.ts).
const queryClient = createQueryClient(connection);
connection.start();

// What every view needs first (waves, metrics, areas, health) came with the page: no round trip for it.
// Not in the survey team's draft preview: the page holds the public answers, without the drafts.
if (!adminSession().previewToken()) seedQueryCache(queryClient);

// The map is the first view for most visits: start fetching its code now, in parallel with React's first
// render, instead of when the lazy component is first rendered.
const initial = parseUrlState(window.location.search);
if (initial.view === "dashboard" && initial.tab === "map") void import("./map/MapTab");
prefetchViews();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
