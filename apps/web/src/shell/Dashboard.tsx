import { useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect } from "react";
import { boundariesQuery, coverageQuery } from "../api/queries";
import { AreaPanel } from "../area/AreaPanel";
import { Controls } from "../controls/Controls";
import { GapsView } from "../gaps/GapsView";
import { useDashboard } from "../state/use-dashboard";
import { TableView } from "../table/TableView";
import type { Tab } from "../url/url-state";
import { ApiStatus } from "./ApiStatus";
import { Footer } from "./Footer";
import { Loading } from "./Loading";
import { SyntheticBanner } from "./SyntheticBanner";
import { TabList, tabId, tabPanelId } from "./Tabs";
import { ViewBoundary } from "./ViewBoundary";

const MapTab = lazy(() => import("../map/MapTab"));
const ChartTab = lazy(() => import("../charts/ChartTab"));
const CompareView = lazy(() => import("../charts/CompareView"));
const ChangeView = lazy(() => import("../charts/ChangeView"));
const OrganisationView = lazy(() => import("../organisation/OrganisationView"));

/** Tabs that show the area panel beside them when an area is selected. */
const WITH_PANEL: ReadonlySet<Tab> = new Set(["map", "chart", "table", "gaps"]);

function TabContent({ tab }: { tab: Tab }) {
  switch (tab) {
    case "map":
      return <MapTab />;
    case "chart":
      return <ChartTab />;
    case "table":
      return <TableView />;
    case "gaps":
      return <GapsView />;
    case "compare":
      return <CompareView />;
    case "change":
      return <ChangeView />;
    case "organisation":
      return <OrganisationView />;
  }
}

/**
 * The dashboard page below the site header (plain HTML in index.html, with the server's data notice):
 * the filters beside the views on wide screens (folded into one line on a phone), the tabs over one
 * selection, the area panel beside the view (a sheet over the bottom of the screen on a phone), the footer.
 */
export function Dashboard() {
  const { state, wave, metric } = useDashboard();
  const client = useQueryClient();
  // The map's boundaries and values: ask for them now, while the map's code still downloads.
  const metricId = metric?.id ?? null;
  useEffect(() => {
    if (state.tab !== "map") return;
    void client.prefetchQuery(boundariesQuery(state.level));
    if (wave && metricId) void client.prefetchQuery(coverageQuery(wave, state.level, metricId));
  }, [client, state.tab, state.level, wave, metricId]);
  const panel = state.area !== null && WITH_PANEL.has(state.tab);
  return (
    <>
      <ApiStatus />
      <SyntheticBanner />
      <div className="dashboard">
        <Controls />
        <div className="main-column">
          <TabList />
          <main id="content" className={panel ? "workspace with-panel" : "workspace"} tabIndex={-1}>
            <section
              className={`tab-panel tab-panel-${state.tab}`}
              role="tabpanel"
              id={tabPanelId(state.tab)}
              aria-labelledby={tabId(state.tab)}
            >
              <ViewBoundary key={state.tab} what="This view">
                <Suspense fallback={<Loading what="this view" />}>
                  <TabContent tab={state.tab} />
                </Suspense>
              </ViewBoundary>
            </section>
            {panel ? <AreaPanel code={state.area!} /> : null}
          </main>
        </div>
      </div>
      <Footer />
    </>
  );
}
