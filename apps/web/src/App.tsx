import { lazy, type ReactNode, Suspense } from "react";
import { Dashboard } from "./shell/Dashboard";
import { DraftPreviewBanner } from "./shell/DraftPreviewBanner";
import { Loading } from "./shell/Loading";
import { usePageTitle } from "./shell/use-page-title";
import { useSiteHeader } from "./shell/use-site-header";
import { ViewBoundary } from "./shell/ViewBoundary";
import { useUrlState } from "./url/use-url-state";

const BriefView = lazy(() => import("./brief/BriefView"));
const DirectoryView = lazy(() => import("./directory/DirectoryView"));
const SurveyTeamPage = lazy(() => import("./survey-team/SurveyTeamPage"));

/** A page in a chunk of its own: says so while it loads, and if it cannot be loaded. */
function LazyPage({ what, children }: { what: string; children: ReactNode }) {
  return (
    <ViewBoundary what={`The ${what}`}>
      <Suspense fallback={<Loading what={`the ${what}`} />}>{children}</Suspense>
    </ViewBoundary>
  );
}

/**
 * The pages: the dashboard, the printable area brief (`?view=brief&area=CODE`), the organisation
 * directory (`?view=directory`) and the survey team's page (`?view=survey-team`). Each but the dashboard
 * is its own chunk, so the dashboard's first map loads none of them.
 */
export function App() {
  const [state] = useUrlState();
  usePageTitle();
  useSiteHeader(state.view);
  switch (state.view) {
    case "survey-team":
      return (
        <LazyPage what="survey team's page">
          <SurveyTeamPage />
        </LazyPage>
      );
    case "directory":
      return (
        <LazyPage what="organisation directory">
          <DirectoryView />
        </LazyPage>
      );
    case "brief":
      return (
        <>
          <DraftPreviewBanner />
          <LazyPage what="area brief">
            <BriefView />
          </LazyPage>
        </>
      );
    case "dashboard":
      return (
        <>
          <DraftPreviewBanner />
          <Dashboard />
        </>
      );
  }
}
