import type { AreaLevel } from "@atlas/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { boundariesQuery, coverageQuery } from "../api/queries";
import { LEVEL_NOUNS } from "../controls/LevelSwitch";
import { Legend } from "../map/Legend";
import { MapDownloads } from "../map/MapDownloads";
import { MapFrame } from "../map/MapFrame";
import { useAreaMap } from "../map/use-area-map";
import { assumptionsInForce } from "../need/need-line";
import { useDashboard } from "../state/use-dashboard";
import { usePrefersReducedMotion } from "../state/use-prefers-reduced-motion";
import type { MapPosition } from "../url/url-state";

/** The measure the gaps map shows: the same unmet places the list is ranked by. */
export const GAPS_MAP_METRIC = "unmet_places";

const AREA_WORDS = { nation: "nation", region: "region", local: "area" } as const;

/**
 * The map of unmet need that opens the Gaps tab: the map tab's frame, classes, missing-value patterns and
 * legend, over unmet places at the level in view. Areas nobody answered for have no value, so they show the
 * missing-value pattern (and are listed apart beside the map). Choosing an area selects it, as in the list.
 */
export function GapsMap({ level }: { level: AreaLevel }) {
  const { state, update, wave, metrics } = useDashboard();
  const reducedMotion = usePrefersReducedMotion();
  const metric = metrics.data?.metrics.find((m) => m.id === GAPS_MAP_METRIC) ?? null;
  const coverage = useQuery({
    ...coverageQuery(wave ?? "", level, GAPS_MAP_METRIC, state.need),
    enabled: Boolean(wave),
    placeholderData: keepPreviousData,
  });
  const boundaries = useQuery(boundariesQuery(level));
  const { projected, classification, counts, geometry, joined, states, selected } = useAreaMap({
    level,
    boundaries: boundaries.data,
    coverage: coverage.data,
    metric,
    fallbackUnit: "places",
    selectedArea: state.area,
  });

  const onMove = useCallback((position: MapPosition) => update({ map: position }, "replace"), [update]);
  const onAreaClick = useCallback((code: string) => update({ area: code }), [update]);
  const onOrganisationClick = useCallback(
    (code: string) => update({ org: code, tab: "organisation" }),
    [update],
  );

  const shownWave = coverage.data?.wave ?? wave ?? "";
  const title = `${metric?.title ?? "Unmet places a year"}, ${shownWave}`;
  const dataKey =
    coverage.data && boundaries.data
      ? `${coverage.data.wave}|${coverage.data.level}|${coverage.data.metric}`
      : "";
  return (
    <section className="gaps-map" aria-labelledby="gaps-map-title" data-testid="gaps-map">
      <div className="view-toolbar">
        <h3 id="gaps-map-title" className="gaps-map-title">
          Map: {title}, {LEVEL_NOUNS[level]}
        </h3>
        <MapDownloads
          areas={joined}
          points={null}
          classification={classification}
          counts={counts}
          provisionCounts={null}
          metric={metric}
          wave={coverage.data?.wave ?? null}
          level={level}
          selected={state.area}
          synthetic={coverage.data?.synthetic ?? false}
          need={state.need}
        />
      </div>
      <MapFrame
        features={geometry}
        areas={projected}
        states={states}
        points={null}
        selected={selected}
        position={state.map}
        dataKey={dataKey}
        loading={boundaries.isLoading || (coverage.isLoading && !coverage.data)}
        updating={coverage.isPlaceholderData || (coverage.isFetching && Boolean(coverage.data))}
        label={`Map of unmet places a year, ${shownWave}, by ${AREA_WORDS[level]}; selecting one selects it in the list`}
        unit={metric?.unit ?? "places"}
        wave={shownWave}
        metricTitle={metric?.title ?? "Unmet places a year"}
        metricId={GAPS_MAP_METRIC}
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
        areaWord={AREA_WORDS[level]}
        provisionCounts={null}
        showPoints={false}
        assumptions={coverage.data?.assumptions ?? assumptionsInForce(state.need)}
      />
    </section>
  );
}
