import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { type Bounds, mercator } from "./camera";
import { featureBounds } from "./geo";

/**
 * Boundaries projected once, at a fixed reference scale, for the SVG map: every camera is then a
 * transform of these paths (map/camera.ts). 6,000 px per radian draws the UK about 2,000 px tall, so
 * path coordinates rounded to 0.1 px stay well under a pixel out even zoomed far in.
 */
export const REFERENCE_SCALE = 6_000;

export interface ProjectedArea {
  code: string;
  name: string;
  /** SVG path data at the reference scale. */
  d: string;
  /** A point inside the area's largest part, at the reference scale: where focus and keyboard moves start. */
  x: number;
  y: number;
  bounds: Bounds;
}

/**
 * Projects each area: its path, a centre in its largest part, and its bounds in degrees. Vertices are
 * projected one by one and joined by straight lines in Mercator, exactly as maplibre draws them (d3's
 * spherical resampling would add points maplibre does not have, and costs ten times as long).
 */
export function projectAreas(
  features: ReadonlyArray<Feature<Polygon | MultiPolygon, { code: string; name: string }>>,
): ProjectedArea[] {
  return features.map((feature) => {
    const polygons: Position[][][] =
      feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    const parts: string[] = [];
    let best = { area: -1, x: 0, y: 0 };
    for (const rings of polygons) {
      rings.forEach((ring, index) => {
        const projected = projectRing(ring);
        if (projected.length < 3) return;
        parts.push(ringPath(projected));
        if (index === 0) {
          const centre = ringCentroid(projected);
          if (centre.area > best.area) best = centre;
        }
      });
    }
    return {
      code: feature.properties.code,
      name: feature.properties.name,
      d: parts.join(""),
      x: best.x,
      y: best.y,
      bounds: featureBounds(feature.geometry),
    };
  });
}

/** A ring at the reference scale, rounded to 0.1 px, leaving out points that round onto the previous one. */
function projectRing(ring: Position[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let lastX = Number.NaN;
  let lastY = Number.NaN;
  for (const [lon, lat] of ring) {
    const [mx, my] = mercator(lon!, lat!);
    const x = Math.round(mx * REFERENCE_SCALE * 10) / 10;
    const y = Math.round(my * REFERENCE_SCALE * 10) / 10;
    if (x === lastX && y === lastY) continue;
    out.push([x, y]);
    lastX = x;
    lastY = y;
  }
  return out;
}

function ringPath(points: Array<[number, number]>): string {
  let d = `M${points[0]![0]},${points[0]![1]}`;
  for (let i = 1; i < points.length; i++) d += `L${points[i]![0]},${points[i]![1]}`;
  return `${d}Z`;
}

/** The area and centroid of a closed ring (shoelace). */
function ringCentroid(points: Array<[number, number]>): { area: number; x: number; y: number } {
  let twice = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < points.length; i++) {
    const [x0, y0] = points[i]!;
    const [x1, y1] = points[(i + 1) % points.length]!;
    const cross = x0 * y1 - x1 * y0;
    twice += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (twice === 0) return { area: 0, x: points[0]![0], y: points[0]![1] };
  return { area: Math.abs(twice) / 2, x: cx / (3 * twice), y: cy / (3 * twice) };
}
/** A longitude/latitude at the reference scale. */
export function projectPoint(lon: number, lat: number): [number, number] {
  const [x, y] = mercator(lon, lat);
  return [x * REFERENCE_SCALE, y * REFERENCE_SCALE];
}
