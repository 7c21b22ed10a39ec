/**
 * Small, dependency-free planar geometry helpers for the reference build and
 * its validation. Coordinates are WGS84 [lon, lat]. Distances and areas use a
 * sinusoidal (equal-area) approximation: x = lon * cos(lat), y = lat, scaled
 * to kilometres. That is accurate to well under 1% for UK-sized shapes, which
 * is all these checks need.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";

export type Ring = Position[];
export type PolygonCoords = Ring[];
export type AreaGeometry = Polygon | MultiPolygon;

/** Kilometres per degree of latitude on a sphere of radius 6371 km. */
export const KM_PER_DEGREE = 111.195;

/** Bounding box every UK reference coordinate must fall in. */
export const UK_BBOX = { minLon: -9, maxLon: 2.1, minLat: 49.8, maxLat: 61 } as const;

const RADIANS = Math.PI / 180;

export function polygonsOf(geometry: AreaGeometry): PolygonCoords[] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

/** Projects a lon/lat point to sinusoidal kilometres. */
export function toKm(p: Position): [number, number] {
  const lon = p[0]!;
  const lat = p[1]!;
  return [lon * Math.cos(lat * RADIANS) * KM_PER_DEGREE, lat * KM_PER_DEGREE];
}

/** Inverse of toKm. */
export function fromKm(x: number, y: number): [number, number] {
  const lat = y / KM_PER_DEGREE;
  return [x / (Math.cos(lat * RADIANS) * KM_PER_DEGREE), lat];
}

/**
 * Shoelace signed area of a ring in plain lon/lat degrees (y up).
 * Positive = counter-clockwise, negative = clockwise.
 */
export function signedRingAreaDegrees(ring: Ring): number {
  let sum = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    sum += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return sum / 2;
}

/** Absolute ring area in square kilometres (sinusoidal projection). */
export function ringAreaKm2(ring: Ring): number {
  let sum = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const a = toKm(ring[i]!);
    const b = toKm(ring[i + 1]!);
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(sum / 2);
}

/** Polygon area (exterior minus holes) in square kilometres. */
export function polygonAreaKm2(polygon: PolygonCoords): number {
  let area = 0;
  polygon.forEach((ring, i) => {
    area += i === 0 ? ringAreaKm2(ring) : -ringAreaKm2(ring);
  });
  return area;
}

export function geometryAreaKm2(geometry: AreaGeometry): number {
  return polygonsOf(geometry).reduce((sum, p) => sum + polygonAreaKm2(p), 0);
}

/** Even-odd ray casting; the ring may or may not repeat its first point. */
export function pointInRing(point: Position, ring: Ring): boolean {
  const x = point[0]!;
  const y = point[1]!;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInPolygon(point: Position, polygon: PolygonCoords): boolean {
  if (polygon.length === 0 || !pointInRing(point, polygon[0]!)) return false;
  for (let i = 1; i < polygon.length; i++) if (pointInRing(point, polygon[i]!)) return false;
  return true;
}

export function pointInGeometry(point: Position, geometry: AreaGeometry): boolean {
  return polygonsOf(geometry).some((polygon) => pointInPolygon(point, polygon));
}

/** Distance in km from a point to segment ab (all lon/lat). */
export function pointSegmentDistanceKm(p: Position, a: Position, b: Position): number {
  const [px, py] = toKm(p);
  const [ax, ay] = toKm(a);
  const [bx, by] = toKm(b);
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(ax + t * dx - px, ay + t * dy - py);
}

export function distanceKm(a: Position, b: Position): number {
  const [ax, ay] = toKm(a);
  const [bx, by] = toKm(b);
  return Math.hypot(ax - bx, ay - by);
}

/** Distance in km from a point to the nearest edge of any ring of a geometry. */
export function distanceToBoundaryKm(point: Position, geometry: AreaGeometry): number {
  let best = Number.POSITIVE_INFINITY;
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      for (let i = 0; i < ring.length - 1; i++) {
        const d = pointSegmentDistanceKm(point, ring[i]!, ring[i + 1]!);
        if (d < best) best = d;
      }
    }
  }
  return best;
}

/** Area-weighted centroid of a ring, computed in sinusoidal km. */
export function ringCentroid(ring: Ring): [number, number] {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = toKm(ring[i]!);
    const [x1, y1] = toKm(ring[i + 1]!);
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  return fromKm(cx / (3 * a), cy / (3 * a));
}

export function largestPolygon(geometry: AreaGeometry): PolygonCoords {
  let best: PolygonCoords = [];
  let bestArea = -1;
  for (const polygon of polygonsOf(geometry)) {
    const area = polygonAreaKm2(polygon);
    if (area > bestArea) {
      best = polygon;
      bestArea = area;
    }
  }
  return best;
}

/**
 * Midpoint of the widest horizontal interior span of a polygon, sampled on
 * `lines` evenly spaced latitudes. Always strictly inside the polygon.
 */
export function widestSpanMidpoint(polygon: PolygonCoords, lines = 101): [number, number] {
  let minLat = Number.POSITIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  for (const p of polygon[0] ?? []) {
    minLat = Math.min(minLat, p[1]!);
    maxLat = Math.max(maxLat, p[1]!);
  }
  let best: [number, number] = [Number.NaN, Number.NaN];
  let bestWidth = -1;
  for (let k = 1; k < lines; k++) {
    const lat = minLat + ((maxLat - minLat) * k) / lines;
    const xs: number[] = [];
    for (const ring of polygon) {
      for (let i = 0; i < ring.length - 1; i++) {
        const [ax, ay] = ring[i] as [number, number];
        const [bx, by] = ring[i + 1] as [number, number];
        if (ay > lat !== by > lat) xs.push(ax + ((lat - ay) * (bx - ax)) / (by - ay));
      }
    }
    xs.sort((u, v) => u - v);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const left = xs[i]!;
      const right = xs[i + 1]!;
      const width = (right - left) * Math.cos(lat * RADIANS);
      if (width > bestWidth) {
        bestWidth = width;
        best = [(left + right) / 2, lat];
      }
    }
  }
  return best;
}

/**
 * A representative point inside a geometry: the centroid of its largest
 * polygon when that lies inside it at least `marginKm` from the boundary,
 * otherwise the midpoint of the largest polygon's widest horizontal span.
 */
export function interiorPoint(
  geometry: AreaGeometry,
  marginKm = 2,
): { point: [number, number]; method: string } {
  const polygon = largestPolygon(geometry);
  const centroid = ringCentroid(polygon[0] ?? []);
  if (pointInPolygon(centroid, polygon) && distanceToBoundaryKm(centroid, geometry) >= marginKm) {
    return { point: centroid, method: "centroid of the largest polygon" };
  }
  return {
    point: widestSpanMidpoint(polygon),
    method: "midpoint of the widest east-west span of the largest polygon",
  };
}

/** Returns a copy with exterior rings clockwise and holes counter-clockwise (d3-geo convention). */
export function rewindClockwise(geometry: AreaGeometry): AreaGeometry {
  const fix = (polygon: PolygonCoords): PolygonCoords =>
    polygon.map((ring, i) => {
      const area = signedRingAreaDegrees(ring);
      const wantNegative = i === 0;
      return area < 0 === wantNegative ? ring.slice() : ring.slice().reverse();
    });
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: fix(geometry.coordinates) }
    : { type: "MultiPolygon", coordinates: geometry.coordinates.map(fix) };
}
