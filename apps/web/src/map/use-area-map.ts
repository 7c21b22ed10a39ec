import type { AreaLevel, CoverageResponse, Metric } from "@atlas/domain";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { areasQuery, boundariesQuery } from "../api/queries";
import type { BoundaryTopology } from "../api/topology";
import { classify, legendCounts } from "./classes";
import { boundaryFeatures, joinValues } from "./geo";
import { projectAreas } from "./svg-geometry";

/**
 * Everything a choropleth draws from one level's boundaries and one coverage answer: the features, their
 * projection, the classes and legend counts, each area's fill state, and the selected area's own outline
 * (which may be at another level). The map tab and the gaps map both draw through it, so they classify alike.
 */
export function useAreaMap(options: {
  level: AreaLevel;
  boundaries: BoundaryTopology | undefined;
  coverage: CoverageResponse | undefined;
  /** The metric the values are of (its unit and need use pick the classes); `fallbackUnit` until known. */
  metric: Metric | null;
  fallbackUnit: Metric["unit"];
  selectedArea: string | null;
}) {
  const { level, boundaries, coverage, metric, fallbackUnit, selectedArea } = options;
  const areas = useQuery(areasQuery(null));
  const selectedLevel = areas.data?.areas.find((a) => a.code === selectedArea)?.level ?? null;
  const selectedBoundaries = useQuery({
    ...boundariesQuery(selectedLevel ?? level),
    enabled: selectedLevel !== null,
  });

  const features = useMemo(() => (boundaries ? boundaryFeatures(boundaries) : []), [boundaries]);
  const projected = useMemo(() => projectAreas(features), [features]);
  const values = useMemo(() => coverage?.areas ?? [], [coverage]);
  const classification = useMemo(
    () =>
      classify(
        metric ?? { unit: fallbackUnit },
        values.map((v) => v.value),
      ),
    [metric, fallbackUnit, values],
  );
  const counts = useMemo(
    () => (coverage ? legendCounts(classification, values) : null),
    [coverage, classification, values],
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
    () => (coverage ? joined.features.map((f) => f.properties) : []),
    [coverage, joined],
  );
  const selected = useMemo(() => {
    const feature = selectedBoundaries.data
      ? boundaryFeatures(selectedBoundaries.data).find((f) => f.properties.code === selectedArea)
      : undefined;
    return feature ? { feature, area: projectAreas([feature])[0]! } : null;
  }, [selectedBoundaries.data, selectedArea]);
  return { projected, classification, counts, geometry, joined, states, selected };
}
