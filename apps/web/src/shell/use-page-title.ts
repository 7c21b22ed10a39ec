import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { areasQuery, organisationQuery } from "../api/queries";
import { useDashboard } from "../state/use-dashboard";
import { pageTitle } from "./page-title";

/** Keeps document.title naming the view on screen (and its area, metric, wave or organisation). */
export function usePageTitle(): void {
  const { state, wave, metric } = useDashboard();
  const areas = useQuery(areasQuery(null));
  // The journey view asks for the same query, so this shares its answer rather than adding a request.
  const organisation = useQuery({
    ...organisationQuery(state.org ?? ""),
    enabled: state.view === "dashboard" && state.tab === "organisation" && state.org !== null,
  });
  const names = new Map((areas.data?.areas ?? []).map((a) => [a.code, a.name]));
  const title = pageTitle({
    state,
    metricTitle: metric?.title ?? null,
    wave,
    areaName: state.area ? (names.get(state.area) ?? null) : null,
    orgName: organisation.data?.organisation.name ?? null,
    compareNames: state.compare.map((code) => names.get(code)).filter((n): n is string => Boolean(n)),
    regionName: state.region ? (names.get(state.region) ?? null) : null,
  });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
