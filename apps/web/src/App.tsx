import { lazy, Suspense } from "react";
import { Dashboard } from "./shell/Dashboard";
import { Loading } from "./shell/Loading";
import { usePageTitle } from "./shell/use-page-title";
import { ViewBoundary } from "./shell/ViewBoundary";
import { useUrlState } from "./url/use-url-state";

const BriefView = lazy(() => import("./brief/BriefView"));

/** The two pages: the dashboard, and the printable area brief (`?view=brief&area=CODE`). */
export function App() {
  const [state] = useUrlState();
  usePageTitle();
  if (state.view === "brief") {
    return (
      <ViewBoundary what="The area brief">
        <Suspense fallback={<Loading what="the area brief" />}>
          <BriefView />
        </Suspense>
      </ViewBoundary>
    );
  }
  return <Dashboard />;
}
