/** Pure checks on the boundary files: one feature per area, valid polygon geometry. */
import type { Geometry, Position } from "geojson";
import { type AreaGeometry, polygonsOf, ringAreaKm2, signedRingAreaDegrees, UK_BBOX } from "../reference-geo";
import { duplicates, error } from "./issues";
import type { AreaRow, BoundaryFeature, Issue, Level } from "./schema";

/** Geometry sanity: polygonal, non-empty, closed rings, finite, in the UK box, non-degenerate, d3 winding. */
export function validateGeometry(code: string, geometry: Geometry | null | undefined): Issue[] {
  const check = "geometry";
  if (!geometry) return [error(check, code, `boundary ${code} has an empty (null) geometry`)];
  if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") {
    return [
      error(
        check,
        code,
        `boundary ${code} has geometry type ${geometry.type}, expected Polygon or MultiPolygon`,
      ),
    ];
  }
  const polygons = polygonsOf(geometry as AreaGeometry);
  if (polygons.length === 0) return [error(check, code, `boundary ${code} has no polygons`)];
  const issues: Issue[] = [];
  polygons.forEach((polygon, pi) => {
    if (polygon.length === 0) {
      issues.push(error(check, code, `boundary ${code} polygon ${pi} has no rings`));
      return;
    }
    polygon.forEach((ring, ri) => {
      const where = `boundary ${code} polygon ${pi} ring ${ri}`;
      if (ring.length < 4) {
        issues.push(error(check, code, `${where} has ${ring.length} positions (< 4)`));
        return;
      }
      const first = ring[0]!;
      const last = ring[ring.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1])
        issues.push(error(check, code, `${where} is not closed`));
      const bad = ring.find(
        (p: Position) =>
          !Number.isFinite(p[0]) ||
          !Number.isFinite(p[1]) ||
          p[0]! < UK_BBOX.minLon ||
          p[0]! > UK_BBOX.maxLon ||
          p[1]! < UK_BBOX.minLat ||
          p[1]! > UK_BBOX.maxLat,
      );
      if (bad)
        issues.push(
          error(
            check,
            code,
            `${where} has a position ${bad[0]},${bad[1]} that is not finite or outside lon [-9, 2.1] / lat [49.8, 61]`,
          ),
        );
      if (!(ringAreaKm2(ring) > 0)) issues.push(error(check, code, `${where} has zero area`));
      // d3-geo convention (used by world-atlas/us-atlas): exteriors clockwise, holes anticlockwise.
      const clockwise = signedRingAreaDegrees(ring) < 0;
      if (clockwise !== (ri === 0)) {
        issues.push(
          error(
            check,
            code,
            `${where} is wound ${clockwise ? "clockwise" : "anticlockwise"}; exteriors must be clockwise and holes anticlockwise`,
          ),
        );
      }
    });
  });
  return issues;
}

/** Every area of `level` has exactly one boundary feature and every feature is an area of that level. */
export function validateBoundaries(level: Level, features: BoundaryFeature[], areas: AreaRow[]): Issue[] {
  const issues: Issue[] = [];
  const check = "boundary";
  const levelAreas = new Map(areas.filter((a) => a.level === level).map((a) => [a.code, a]));
  const allAreas = new Map(areas.map((a) => [a.code, a]));
  for (const code of duplicates(features.map((f) => f.code))) {
    issues.push(error(check, code, `${level} boundary file has more than one feature with code ${code}`));
  }
  const featureCodes = new Set(features.map((f) => f.code));
  for (const code of [...levelAreas.keys()].sort()) {
    if (!featureCodes.has(code))
      issues.push(error(check, code, `${level} area ${code} has no boundary feature in ${level}.topo.json`));
  }
  for (const f of features) {
    const area = levelAreas.get(f.code);
    if (!area) {
      const other = allAreas.get(f.code);
      issues.push(
        error(
          check,
          f.code,
          other
            ? `${level} boundary feature ${f.code} is an area of level ${other.level}, not ${level}`
            : `${level} boundary feature ${f.code} is not an area in areas.csv`,
        ),
      );
    } else if (area.name !== f.name) {
      issues.push(
        error(
          check,
          f.code,
          `${level} boundary feature ${f.code} name "${f.name}" != areas.csv name "${area.name}"`,
        ),
      );
    }
    issues.push(...validateGeometry(f.code, f.geometry));
  }
  return issues;
}
