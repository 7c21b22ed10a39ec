import { AREA_LEVELS } from "@atlas/domain";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo } from "react";
import { boundariesQuery, coverageQuery, organisationsQuery } from "../api/queries";
import { LEVEL_NOUNS } from "../controls/LevelSwitch";
import { assumptionsInForce } from "../need/need-line";
import { Loading } from "../shell/Loading";
import { StaleNotice } from "../shell/StaleNotice";
import { cannotLoad } from "../shell/view-queries";
import { areaLevelOf, childLevel } from "../state/area-lookup";
import { useDashboard } from "../state/use-dashboard";
import { usePrefersReducedMotion } from "../state/use-prefers-reduced-motion";
import type { MapPosition } from "../url/url-state";
import { organisationPoints, provisionTally } from "./geo";
import { Legend } from "./Legend";
import { MapDownloads } from "./MapDownloads";
import { MapFrame } from "./MapFrame";
import { useAreaMap } from "./use-area-map";

const AREA_WORDS = { nation: "nation", region: "region", local: "area" } as const;

/**
 * The map tab: the choropleth for the metric, wave and level in the URL, organisation points, the legend
 * with counts, tooltips, and downloads. Clicking a nation or region selects it and drills down a level;
 * any selection (here, in search, the table or a link) brings the map to the selected area.
 */
export default function MapTab() {
  const { state, update, wave, waveIds, metric, waves, metrics } = useDashboard();
  const client = useQueryClient();
  const reducedMotion = usePrefersReducedMotion();
  const showPoints = state.points === "on";
  const coverage = useQuery({
    ...coverageQuery(wave ?? "", state.level, metric?.id ?? "", state.need),
    enabled: Boolean(wave && metric),
    // Keep the last map on screen while the next wave loads, so playing does not flash empty areas.
    placeholderData: keepPreviousData,
  });
  // Boundaries of the level whose values are on screen: while the next level's values are still coming
  // (or cannot, in an outage) the map keeps the last complete picture instead of mixing two levels.
  const shownLevel = areaLevelOf(coverage.data?.level ?? state.level, state.level);
  const boundaries = useQuery(boundariesQuery(shownLevel));
  const shownMetric = metrics.data?.metrics.find((m) => m.id === coverage.data?.metric) ?? metric;
  const organisations = useQuery({
    ...organisationsQuery(wave ?? "", null),
    enabled: Boolean(wave) && showPoints,
    placeholderData: keepPreviousData,
  });
  // Fetch the neighbouring waves ahead (values and points), so moving the slider or playing repaints at once;
  // once this map is drawn, so they never compete with it.
  const drawn = Boolean(boundaries.data && coverage.data);
  useEffect(() => {
    if (!wave || !metric || !drawn) return;
    const i = waveIds.indexOf(wave);
    for (const neighbour of [waveIds[i + 1], waveIds[i - 1]]) {
      if (!neighbour) continue;
      void client.prefetchQuery(coverageQuery(neighbour, state.level, metric.id, state.need));
      if (showPoints) void client.prefetchQuery(organisationsQuery(neighbour, null));
    }
  }, [client, wave, waveIds, state.level, metric, showPoints, drawn, state.need]);

  // The other levels' boundaries, once this map is drawn: switching level then repaints at once.
  useEffect(() => {
    if (!drawn) return;
    const timer = window.setTimeout(() => {
      for (const level of AREA_LEVELS) void client.prefetchQuery(boundariesQuery(level));
    }, 1_500);
    return () => window.clearTimeout(timer);
  }, [client, drawn]);

  const { projected, classification, counts, geometry, joined, states, selected } = useAreaMap({
    level: shownLevel,
    boundaries: boundaries.data,
    coverage: coverage.data,
    metric: shownMetric,
    fallbackUnit: "percent",
    selectedArea: state.area,
  });
  const points = useMemo(
    () => (showPoints && organisations.data ? organisationPoints(organisations.data.organisations) : null),
    [showPoints, organisations.data],
  );
  const provisionCounts = useMemo(() => (points ? provisionTally(points) : null), [points]);
  const onMove = useCallback((position: MapPosition) => update({ map: position }, "replace"), [update]);
  const onAreaClick = useCallback(
    (code: string) => {
      const below = childLevel(shownLevel);
      update({ area: code, ...(below ? { level: below } : {}) });
    },
    [shownLevel, update],
  );
  const onOrganisationClick = useCallback(
    (code: string) => update({ org: code, tab: "organisation" }),
    [update],
  );

  // A view that cannot load says so (and when it will try again), never waiting forever.
  const needed = [boundaries, coverage, waves, metrics];
  if ((!coverage.data || !boundaries.data) && cannotLoad(needed))
    return <Loading what="the map" queries={needed} />;

  const shownWave = coverage.data?.wave ?? wave ?? "";
  const title = shownMetric ? `${shownMetric.title}, ${shownWave}` : "The map";
  const dataKey =
    coverage.data && boundaries.data
      ? `${coverage.data.wave}|${coverage.data.level}|${coverage.data.metric}`
      : "";
  return (
    <div className="map-tab">
      <div className="view-toolbar">
        <h2>
          {title}: {LEVEL_NOUNS[shownLevel]}
        </h2>
        <label className="inline-check">
          <input
            type="checkbox"
            checked={showPoints}
            onChange={(event) => update({ points: event.target.checked ? "on" : "off" })}
          />
          Show organisations
        </label>
        <MapDownloads
          areas={joined}
          points={points}
          classification={classification}
          counts={counts}
          provisionCounts={provisionCounts}
          metric={shownMetric}
          wave={coverage.data?.wave ?? null}
          level={shownLevel}
          selected={state.area}
          synthetic={coverage.data?.synthetic ?? false}
          need={state.need}
        />
      </div>
      <StaleNotice queries={[coverage]} shown={`${title}: ${LEVEL_NOUNS[shownLevel]}`} />
      <div className="map-layout">
        <MapFrame
          features={geometry}
          areas={projected}
          states={states}
          points={points}
          selected={selected}
          position={state.map}
          dataKey={dataKey}
          loading={boundaries.isLoading || (coverage.isLoading && !coverage.data)}
          updating={coverage.isPlaceholderData || (coverage.isFetching && Boolean(coverage.data))}
          label={`Map of ${title} by ${AREA_WORDS[shownLevel]}${childLevel(shownLevel) ? "; selecting one shows its parts" : ""}`}
          unit={shownMetric?.unit ?? "percent"}
          wave={shownWave}
          metricTitle={shownMetric?.title ?? ""}
          metricId={shownMetric?.id ?? ""}
          reducedMotion={reducedMotion}
          onMove={onMove}
          onAreaClick={onAreaClick}
          onOrganisationClick={onOrganisationClick}
        />
        <Legend
          title={title}
          metric={shownMetric}
          classification={classification}
          counts={counts}
          areaWord={AREA_WORDS[shownLevel]}
          provisionCounts={showPoints ? provisionCounts : null}
          showPoints={showPoints}
          assumptions={
            shownMetric?.assumptions ? (coverage.data?.assumptions ?? assumptionsInForce(state.need)) : null
          }
        />
      </div>
    </div>
  );
}
