import { geoCentroid, geoDistance } from "d3";
import type { AreaFeature } from "../map/geo";

const EARTH_RADIUS_KM = 6371;

export interface NearbyArea {
  code: string;
  name: string;
  km: number;
}

/**
 * Areas nearest to `code` (centroid to centroid, great-circle km) among those `eligible`, closest first.
 * @example nearestAreas("E54000054", features, new Set(["E54000051"]), 3)
 */
export function nearestAreas(
  code: string,
  features: AreaFeature[],
  eligible: ReadonlySet<string>,
  limit = 3,
): NearbyArea[] {
  const origin = features.find((f) => f.properties.code === code);
  if (!origin) return [];
  const from = geoCentroid(origin);
  return features
    .filter((f) => f.properties.code !== code && eligible.has(f.properties.code))
    .map((f) => ({
      code: f.properties.code,
      name: f.properties.name,
      km: geoDistance(from, geoCentroid(f)) * EARTH_RADIUS_KM,
    }))
    .sort((a, b) => a.km - b.km)
    .slice(0, limit);
}
