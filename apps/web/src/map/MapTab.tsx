import { AREA_LEVELS } from "@atlas/domain";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo } from "react";
import { areasQuery, boundariesQuery, coverageQuery, organisationsQuery } from "../api/queries";
import { LEVEL_NOUNS } from "../controls/LevelSwitch";
import { QueryError } from "../shell/QueryError";
import { childLevel } from "../state/area-lookup";
import { useDashboard } from "../state/use-dashboard";
import { usePrefersReducedMotion } from "../state/use-prefers-reduced-motion";
import type { MapPosition } from "../url/url-state";
import { classify, legendCounts } from "./classes";
import { boundaryFeatures, joinValues, organisationPoints, provisionTally } from "./geo";
import { Legend } from "./Legend";
import { MapDownloads } from "./MapDownloads";
import { MapFrame } from "./MapFrame";
import { projectAreas } from "./svg-geometry";

const AREA_WORDS = { nation: "nation", region: "region", local: "area" } as const;

/**
 * The map tab: the choropleth for the metric, wave and level in the URL, organisation points, the legend
 * with counts, tooltips, and downloads. Clicking a nation or region selects it and drills down a level;
 * any selection (here, in search, the table or a link) brings the map to the selected area.
 */
export default function MapTab() {
  const { state, update, wave, waveIds, metric } = useDashboard();
  const client = useQueryClient();
  const reducedMotion = usePrefersReducedMotion();
  const showPoints = state.points === "on";
  const boundaries = useQuery(boundariesQuery(state.level));
  const coverage = useQuery({
    ...coverageQuery(wave ?? "", state.level, metric?.id ?? ""),
    enabled: Boolean(wave && metric),
    // Keep the last map on screen while the next wave loads, so playing does not flash empty areas.
    placeholderData: keepPreviousData,
  });
  const organisations = useQuery({
    ...organisationsQuery(wave ?? "", null),
    enabled: Boolean(wave) && showPoints,
    placeholderData: keepPreviousData,
  });
  // The selected area may be at another level than the map (a region, drilled into): its own outline.
  const areas = useQuery(areasQuery(null));
  const selectedLevel = areas.data?.areas.find((a) => a.code === state.area)?.level ?? null;
  const selectedBoundaries = useQuery({
    ...boundariesQuery(selectedLevel ?? state.level),
    enabled: selectedLevel !== null,
  });

  // Fetch the neighbouring waves ahead (values and points), so moving the slider or playing repaints at once;
  // once this map is drawn, so they never compete with it.
  const drawn = Boolean(boundaries.data && coverage.data);
  useEffect(() => {
    if (!wave || !metric || !drawn) return;
    const i = waveIds.indexOf(wave);
    for (const neighbour of [waveIds[i + 1], waveIds[i - 1]]) {
      if (!neighbour) continue;
      void client.prefetchQuery(coverageQuery(neighbour, state.level, metric.id));
      if (showPoints) void client.prefetchQuery(organisationsQuery(neighbour, null));
    }
  }, [client, wave, waveIds, state.level, metric, showPoints, drawn]);

  // The other levels' boundaries, once this map is drawn: switching level then repaints at once.
  useEffect(() => {
    if (!drawn) return;
    const timer = window.setTimeout(() => {
      for (const level of AREA_LEVELS) void client.prefetchQuery(boundariesQuery(level));
    }, 1_500);
    return () => window.clearTimeout(timer);
  }, [client, drawn]);

  const features = useMemo(
    () => (boundaries.data ? boundaryFeatures(boundaries.data) : []),
    [boundaries.data],
  );
  const projected = useMemo(() => projectAreas(features), [features]);
  const values = useMemo(() => coverage.data?.areas ?? [], [coverage.data]);
  const classification = useMemo(
    () =>
      classify(
        metric ?? { unit: "percent" },
        values.map((v) => v.value),
      ),
    [metric, values],
  );
  const counts = useMemo(
    () => (coverage.data ? legendCounts(classification, values) : null),
    [coverage.data, classification, values],
  );
  const geometry = useMemo(
    () => ({
      type: "FeatureCollection" as const,
      features: features.map((f) => ({ ...f, id: f.properties.code })),
    }),
    [features],
  );
  const joined = useMemo(
    () => joinValues(features, values, classification),
    [features, values, classification],
  );
  const states = useMemo(
    () => (coverage.data ? joined.features.map((f) => f.properties) : []),
    [coverage.data, joined],
  );
  const points = useMemo(
    () => (showPoints && organisations.data ? organisationPoints(organisations.data.organisations) : null),
    [showPoints, organisations.data],
  );
  const provisionCounts = useMemo(() => (points ? provisionTally(points) : null), [points]);
  const selected = useMemo(() => {
    const feature = selectedBoundaries.data
      ? boundaryFeatures(selectedBoundaries.data).find((f) => f.properties.code === state.area)
      : undefined;
    return feature ? { feature, area: projectAreas([feature])[0]! } : null;
  }, [selectedBoundaries.data, state.area]);

  const onMove = useCallback((position: MapPosition) => update({ map: position }, "replace"), [update]);
  const onAreaClick = useCallback(
    (code: string) => {
      const below = childLevel(state.level);
      update({ area: code, ...(below ? { level: below } : {}) });
    },
    [state.level, update],
  );
  const onOrganisationClick = useCallback(
    (code: string) => update({ org: code, tab: "organisation" }),
    [update],
  );

  if (boundaries.isError)
    return (
      <QueryError error={boundaries.error} what="the boundaries" retry={() => void boundaries.refetch()} />
    );
  if (coverage.isError && !coverage.data)
    return <QueryError error={coverage.error} what="the map values" retry={() => void coverage.refetch()} />;

  const shownWave = coverage.data?.wave ?? wave ?? "";
  const title = metric ? `${metric.title}, ${shownWave}` : "The map";
  const dataKey =
    coverage.data && boundaries.data
      ? `${coverage.data.wave}|${coverage.data.level}|${coverage.data.metric}`
      : "";
  return (
    <div className="map-tab">
      <div className="view-toolbar">
        <h2>
          {title}: {LEVEL_NOUNS[state.level]}
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
          metric={metric}
          wave={coverage.data?.wave ?? null}
          level={state.level}
          selected={state.area}
          synthetic={coverage.data?.synthetic ?? false}
        />
      </div>
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
          label={`Map of ${title} by ${AREA_WORDS[state.level]}${childLevel(state.level) ? "; selecting one shows its parts" : ""}`}
          unit={metric?.unit ?? "percent"}
          wave={shownWave}
          metricTitle={metric?.title ?? ""}
          reducedMotion={reducedMotion}
          onMove={onMove}
          onAreaClick={onAreaClick}
          onOrganisationClick={onOrganisationClick}
        />
        <Legend
          title={title}
          metric={metric}
          classification={classification}
          counts={counts}
          areaWord={AREA_WORDS[state.level]}
          provisionCounts={showPoints ? provisionCounts : null}
          showPoints={showPoints}
        />
      </div>
    </div>
  );
}
