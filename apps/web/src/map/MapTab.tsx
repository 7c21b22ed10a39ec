import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { boundariesQuery, coverageQuery, organisationsQuery } from "../api/queries";
import { LEVEL_NOUNS } from "../controls/LevelSwitch";
import { Loading } from "../shell/Loading";
import { StaleNotice } from "../shell/StaleNotice";
import { cannotLoad } from "../shell/view-queries";
import { areaLevelOf, childLevel } from "../state/area-lookup";
import { useDashboard } from "../state/use-dashboard";
import { usePrefersReducedMotion } from "../state/use-prefers-reduced-motion";
import type { MapPosition } from "../url/url-state";
import { classify, legendCounts } from "./classes";
import { boundaryFeatures, featureBounds, joinValues, organisationPoints, provisionTally } from "./geo";
import { currentHoverTarget } from "./hover-target";
import { Legend } from "./Legend";
import { MapDownloads } from "./MapDownloads";
import { MapTooltip } from "./MapTooltip";
import { type HoverTarget, MapView } from "./MapView";

const AREA_WORDS = { nation: "nation", region: "region", local: "area" } as const;

/**
 * The map tab: the choropleth for the metric, wave and level in the URL, organisation points, the legend
 * with counts, tooltips, and downloads. Clicking a nation or region selects it and drills down a level.
 */
export default function MapTab() {
  const { state, update, wave, waveIds, metric, waves, metrics } = useDashboard();
  const client = useQueryClient();
  const reducedMotion = usePrefersReducedMotion();
  const showPoints = state.points === "on";
  const [hover, setHover] = useState<HoverTarget | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [fitTo, setFitTo] = useState<[number, number, number, number] | null>(null);
  const coverage = useQuery({
    ...coverageQuery(wave ?? "", state.level, metric?.id ?? ""),
    enabled: Boolean(wave && metric),
    // Keep the last map on screen while the next wave loads, so playing does not flash empty areas.
    placeholderData: keepPreviousData,
  });
  // Boundaries of the level whose values are on screen: while the next level's values are still coming
  // (or cannot, in an outage) the map keeps the last complete picture instead of mixing two levels.
  const shownLevel = areaLevelOf(coverage.data?.level ?? state.level, state.level);
  const boundaries = useQuery(boundariesQuery(shownLevel));
  const organisations = useQuery({
    ...organisationsQuery(wave ?? "", null),
    enabled: Boolean(wave) && showPoints,
    placeholderData: keepPreviousData,
  });

  // Fetch the neighbouring waves ahead (values and points), so moving the slider or playing repaints at once.
  useEffect(() => {
    if (!wave || !metric) return;
    const i = waveIds.indexOf(wave);
    for (const neighbour of [waveIds[i + 1], waveIds[i - 1]]) {
      if (!neighbour) continue;
      void client.prefetchQuery(coverageQuery(neighbour, state.level, metric.id));
      if (showPoints) void client.prefetchQuery(organisationsQuery(neighbour, null));
    }
  }, [client, wave, waveIds, state.level, metric, showPoints]);

  const features = useMemo(
    () => (boundaries.data ? boundaryFeatures(boundaries.data) : []),
    [boundaries.data],
  );
  const values = useMemo(() => coverage.data?.areas ?? [], [coverage.data]);
  const shownMetric = metrics.data?.metrics.find((m) => m.id === coverage.data?.metric) ?? metric;
  const unit = shownMetric?.unit ?? "percent";
  const classification = useMemo(
    () =>
      classify(
        unit,
        values.map((v) => v.value),
      ),
    [unit, values],
  );
  const counts = useMemo(() => legendCounts(classification, values), [classification, values]);
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
  const states = useMemo(() => joined.features.map((f) => f.properties), [joined]);
  const points = useMemo(
    () => (showPoints && organisations.data ? organisationPoints(organisations.data.organisations) : null),
    [showPoints, organisations.data],
  );
  const provisionCounts = useMemo(() => (points ? provisionTally(points) : null), [points]);
  const shownHover = useMemo(() => currentHoverTarget(hover, states, points), [hover, states, points]);

  const onMove = useCallback((position: MapPosition) => update({ map: position }, "replace"), [update]);
  const onAreaClick = useCallback(
    (code: string) => {
      const below = childLevel(shownLevel);
      const feature = joined.features.find((f) => f.properties.code === code);
      if (below && feature) setFitTo(featureBounds(feature.geometry));
      update({ area: code, ...(below ? { level: below } : {}) });
    },
    [shownLevel, joined, update],
  );
  const onOrganisationClick = useCallback(
    (code: string) => update({ org: code, tab: "organisation" }),
    [update],
  );

  const needed = [boundaries, coverage, waves, metrics];
  if ((!coverage.data || !boundaries.data) && cannotLoad(needed))
    return <Loading what="the map" queries={needed} />;

  const shownWave = coverage.data?.wave ?? wave;
  const title = shownMetric ? `${shownMetric.title}, ${shownWave}` : "Loading…";
  const dataKey = coverage.data ? `${coverage.data.wave}|${coverage.data.level}|${coverage.data.metric}` : "";
  const stale = coverage.isPlaceholderData || coverage.isFetching;
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
        {coverage.data && shownMetric ? (
          <MapDownloads
            areas={joined}
            points={points}
            classification={classification}
            counts={counts}
            metric={shownMetric}
            wave={coverage.data.wave}
            level={shownLevel}
            selected={state.area}
            synthetic={coverage.data.synthetic}
          />
        ) : null}
      </div>
      <StaleNotice queries={[coverage]} shown={`${title}: ${LEVEL_NOUNS[shownLevel]}`} />
      <p className="hint" id="map-hint">
        Click or tap an area to see its details{childLevel(shownLevel) ? " and its parts" : ""}. Every area is
        also in the Table tab and in search, for keyboard and screen-reader use.{" "}
        {stale ? <span role="status">Updating…</span> : null}
      </p>
      <div className="map-layout">
        <div className="map-frame" ref={frame}>
          {boundaries.isLoading ? <Loading what="the map" /> : null}
          <MapView
            geometry={geometry}
            states={states}
            points={points}
            selected={state.area}
            position={state.map}
            fitTo={fitTo}
            reducedMotion={reducedMotion}
            label={`Map of ${title} by ${shownLevel} area. Use the Table tab to read every value.`}
            dataKey={dataKey}
            onMove={onMove}
            onAreaClick={onAreaClick}
            onOrganisationClick={onOrganisationClick}
            onHover={setHover}
          />
          {shownHover && shownMetric && shownWave ? (
            <MapTooltip
              target={shownHover}
              unit={unit}
              wave={shownWave}
              metricTitle={shownMetric.title}
              frameWidth={frame.current?.clientWidth ?? 0}
            />
          ) : null}
        </div>
        <Legend
          title={title}
          classification={classification}
          counts={counts}
          areaWord={AREA_WORDS[shownLevel]}
          provisionCounts={provisionCounts}
        />
      </div>
    </div>
  );
}
