import { lazy, Suspense } from "react";
import { Dashboard } from "./shell/Dashboard";
import { Loading } from "./shell/Loading";
import { usePageTitle } from "./shell/use-page-title";
import { useSiteHeader } from "./shell/use-site-header";
import { ViewBoundary } from "./shell/ViewBoundary";
import { useUrlState } from "./url/use-url-state";

const BriefView = lazy(() => import("./brief/BriefView"));
const DirectoryView = lazy(() => import("./directory/DirectoryView"));

/**
 * The pages: the dashboard, the printable area brief (`?view=brief&area=CODE`) and the organisation
 * directory (`?view=directory`).
 */
export function App() {
  const [state] = useUrlState();
  usePageTitle();
  useSiteHeader(state.view);
  if (state.view === "brief") {
    return (
      <ViewBoundary what="The area brief">
        <Suspense fallback={<Loading what="the area brief" />}>
          <BriefView />
        </Suspense>
      </ViewBoundary>
    );
  }
  if (state.view === "directory") {
    return (
      <ViewBoundary what="The organisation directory">
        <Suspense fallback={<Loading what="the organisation directory" />}>
          <DirectoryView />
        </Suspense>
      </ViewBoundary>
    );
  }
  return <Dashboard />;
}
