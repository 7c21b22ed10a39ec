import { lazy, Suspense } from "react";
import { Dashboard } from "./shell/Dashboard";
import { DraftPreviewBanner } from "./shell/DraftPreviewBanner";
import { Loading } from "./shell/Loading";
import { usePageTitle } from "./shell/use-page-title";
import { ViewBoundary } from "./shell/ViewBoundary";
import { useUrlState } from "./url/use-url-state";

const BriefView = lazy(() => import("./brief/BriefView"));
const SurveyTeamPage = lazy(() => import("./survey-team/SurveyTeamPage"));

/**
 * The pages: the dashboard, the printable area brief (`?view=brief&area=CODE`) and the survey team's page
 * (`?view=survey-team`, its own chunk, so the dashboard's first map loads none of it).
 */
export function App() {
  const [state] = useUrlState();
  usePageTitle();
  if (state.view === "survey-team") {
    return (
      <ViewBoundary what="The survey team's page">
        <Suspense fallback={<Loading what="the survey team's page" />}>
          <SurveyTeamPage />
        </Suspense>
      </ViewBoundary>
    );
  }
  return (
    <>
      <DraftPreviewBanner />
      {state.view === "brief" ? (
        <ViewBoundary what="The area brief">
          <Suspense fallback={<Loading what="the area brief" />}>
            <BriefView />
          </Suspense>
        </ViewBoundary>
      ) : (
        <Dashboard />
      )}
    </>
  );
}
