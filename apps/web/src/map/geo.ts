import { type AreaValue, type OrganisationSummarySchema, PROVISIONS, type Provision } from "@atlas/domain";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from "geojson";
import { feature } from "topojson-client";
import type { z } from "zod";
import type { BoundaryTopology } from "../api/topology";
import type { MissingStatus } from "../format/status";
import { type Classification, classIndex, effectiveStatus } from "./classes";
import { patternName } from "./patterns";
import { baseOrganisations, isSmallBase } from "./small-base";

export type AreaFeature = Feature<Polygon | MultiPolygon, { code: string; name: string }>;

/** The `areas` object of a boundary topology as GeoJSON features. */
export function boundaryFeatures(topology: BoundaryTopology): AreaFeature[] {
  type Topo = Parameters<typeof feature>[0];
  type TopoObject = Parameters<typeof feature>[1];
  const collection = feature(
    topology as unknown as Topo,
    topology.objects.areas as unknown as TopoObject,
  ) as unknown as FeatureCollection<Geometry, { code: string; name: string }>;
  return collection.features.filter(
    (f): f is AreaFeature => f.geometry?.type === "Polygon" || f.geometry?.type === "MultiPolygon",
  );
}

/** Properties of each area on the map: everything the style and the tooltip need. */
export interface AreaMapProperties {
  code: string;
  name: string;
  status: AreaValue["status"];
  value: number | null;
  lower: number | null;
  upper: number | null;
  answered: number | null;
  invited: number | null;
  /** How many organisations the value rests on (null where no value). */
  organisations: number | null;
  /** The value rests on 1 to 4 organisations: drawn with the small-base overlay (small-base.ts). */
  smallBase: boolean;
  numerator: number | null;
  denominator: number | null;
  comparisonReason: AreaValue["comparisonReason"];
  lowerBound: boolean;
  upperBound: boolean;
  boundLower: number | null;
  boundUpper: number | null;
  /** The class colour (only for `ok`), or the pattern image name (for the rest). */
  fill: string | null;
  pattern: string | null;
}

/**
 * Joins values to boundaries. An area with no row in the response is shown as `no_data`, never left
 * blank or given a colour, so what is on the map is always in the legend and the download.
 */
export function joinValues(
  features: AreaFeature[],
  values: ReadonlyArray<AreaValue>,
  classification: Classification,
): FeatureCollection<Polygon | MultiPolygon, AreaMapProperties> {
  const byCode = new Map(values.map((v) => [v.code, v]));
  return {
    type: "FeatureCollection",
    features: features.map((f) => {
      const row = byCode.get(f.properties.code);
      const status = row ? effectiveStatus(row) : "no_data";
      const properties: AreaMapProperties = {
        code: f.properties.code,
        name: row?.name ?? f.properties.name,
        status,
        value: status === "ok" ? row!.value : null,
        lower: row?.lower ?? null,
        upper: row?.upper ?? null,
        answered: row?.answered ?? null,
        invited: row?.invited ?? null,
        organisations: row ? baseOrganisations(row) : null,
        smallBase: row ? isSmallBase(row) : false,
        numerator: row?.numerator ?? null,
        denominator: row?.denominator ?? null,
        comparisonReason: row?.comparisonReason ?? null,
        lowerBound: row?.lowerBound ?? false,
        upperBound: row?.upperBound ?? false,
        boundLower: row?.boundLower ?? null,
        boundUpper: row?.boundUpper ?? null,
        fill: status === "ok" ? classification.colours[classIndex(classification, row!.value!)]! : null,
        pattern: status === "ok" ? null : patternName(status as MissingStatus),
      };
      return { type: "Feature", id: f.properties.code, geometry: f.geometry, properties };
    }),
  };
}

type OrganisationSummary = z.infer<typeof OrganisationSummarySchema>;

export interface OrganisationMapProperties {
  code: string;
  name: string;
  provision: string;
  stage: string | null;
  places: number | null;
}

/** Organisations with a location as points; those without one are left off the map (they stay in lists). */
export function organisationPoints(
  organisations: ReadonlyArray<OrganisationSummary>,
): FeatureCollection<Point, OrganisationMapProperties> {
  return {
    type: "FeatureCollection",
    features: organisations
      .filter((o) => o.lat !== null && o.lon !== null)
      .map((o) => ({
        type: "Feature",
        id: o.code,
        geometry: { type: "Point", coordinates: [o.lon!, o.lat!] },
        properties: {
          code: o.code,
          name: o.name,
          provision: o.provision ?? "not_surveyed",
          stage: o.stage,
          places: o.placesOffered,
        },
      })),
  };
}

/** How many points have each provision, in vocabulary order, "not surveyed" last; absent ones left out. */
export function provisionTally(
  points: FeatureCollection<Point, OrganisationMapProperties>,
): Map<Provision | "not_surveyed", number> {
  const counts = new Map<string, number>();
  for (const f of points.features)
    counts.set(f.properties.provision, (counts.get(f.properties.provision) ?? 0) + 1);
  const tally = new Map<Provision | "not_surveyed", number>();
  for (const key of [...PROVISIONS, "not_surveyed" as const]) {
    const n = counts.get(key);
    if (n) tally.set(key, n);
  }
  return tally;
}

/** [west, south, east, north] of a polygon feature. */
export function featureBounds(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const rings: Position[][] =
    geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
  for (const ring of rings) {
    for (const [lon, lat] of ring) {
      west = Math.min(west, lon!);
      east = Math.max(east, lon!);
      south = Math.min(south, lat!);
      north = Math.max(north, lat!);
    }
  }
  return [west, south, east, north];
}

/** The United Kingdom, for the first view. */
export const UK_BOUNDS: [number, number, number, number] = [-8.7, 49.8, 1.8, 60.9];
