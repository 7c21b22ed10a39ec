import type { MapPosition } from "../url/url-state";

/**
 * The map's camera in maplibre's terms (zoom, centre latitude and longitude; 512 px tiles), so the SVG
 * map and maplibre show exactly the same view and a `map=zoom/lat/lon` link means the same in both.
 * Web Mercator is a scaling and a translation of one plane at every zoom, so a camera is an affine
 * transform of coordinates projected once: panning and zooming never re-project a boundary.
 */
export type Camera = MapPosition;

export interface Size {
  width: number;
  height: number;
}

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

const TILE = 512;
export const MIN_ZOOM = 3;
export const MAX_ZOOM = 11;
const MAX_LAT = 85.05112878;

/** Web Mercator in radians, y growing southwards (as d3-geo's geoMercator at scale 1, translate 0). */
export function mercator(lon: number, lat: number): [number, number] {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return [(lon * Math.PI) / 180, -Math.log(Math.tan(Math.PI / 4 + phi / 2))];
}

export function inverseMercator(x: number, y: number): [number, number] {
  return [(x * 180) / Math.PI, ((2 * Math.atan(Math.exp(-y)) - Math.PI / 2) * 180) / Math.PI];
}

/** Pixels per radian of Mercator at a zoom. */
export function scaleAt(zoom: number): number {
  return (TILE * 2 ** zoom) / (2 * Math.PI);
}

export function clampZoom(zoom: number): number {
  return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const uniformPadding = (p: number): Padding => ({ top: p, right: p, bottom: p, left: p });

/**
 * The camera that shows `bounds` whole inside `size` less `padding` (as maplibre's fitBounds), no closer
 * than `maxZoom`.
 */
export function fitCamera(bounds: Bounds, size: Size, padding: Padding, maxZoom = MAX_ZOOM): Camera {
  const [west, south, east, north] = bounds;
  const [x0, y0] = mercator(west, north);
  const [x1, y1] = mercator(east, south);
  const width = Math.max(1, size.width - padding.left - padding.right);
  const height = Math.max(1, size.height - padding.top - padding.bottom);
  const k = Math.min(width / Math.max(x1 - x0, 1e-9), height / Math.max(y1 - y0, 1e-9));
  const zoom = clampZoom(Math.min(maxZoom, Math.log2((k * 2 * Math.PI) / TILE)));
  const scale = scaleAt(zoom);
  // The padding may be uneven: the bounds' centre sits at the centre of the padded box, not of the frame.
  const cx = (x0 + x1) / 2 - (padding.left - padding.right) / 2 / scale;
  const cy = (y0 + y1) / 2 - (padding.top - padding.bottom) / 2 / scale;
  const [lon, lat] = inverseMercator(cx, cy);
  return { zoom, lat, lon };
}

/** Where a longitude/latitude is on screen under a camera. */
export function toScreen(camera: Camera, size: Size, lon: number, lat: number): [number, number] {
  const scale = scaleAt(camera.zoom);
  const [cx, cy] = mercator(camera.lon, camera.lat);
  const [x, y] = mercator(lon, lat);
  return [size.width / 2 + (x - cx) * scale, size.height / 2 + (y - cy) * scale];
}

/** The longitude/latitude under a screen point. */
export function fromScreen(camera: Camera, size: Size, px: number, py: number): [number, number] {
  const scale = scaleAt(camera.zoom);
  const [cx, cy] = mercator(camera.lon, camera.lat);
  return inverseMercator(cx + (px - size.width / 2) / scale, cy + (py - size.height / 2) / scale);
}

/**
 * The SVG transform that draws coordinates projected at `referenceScale` (pixels per radian, translate 0)
 * under a camera: `translate(tx ty) scale(s)`.
 */
export function cameraTransform(camera: Camera, size: Size, referenceScale: number) {
  const scale = scaleAt(camera.zoom);
  const [cx, cy] = mercator(camera.lon, camera.lat);
  return {
    s: scale / referenceScale,
    tx: size.width / 2 - cx * scale,
    ty: size.height / 2 - cy * scale,
  };
}

/** Zooms by `delta` keeping the point under (px, py) still (wheel and pinch zoom, the +/− keys at the centre). */
export function zoomAround(camera: Camera, size: Size, delta: number, px: number, py: number): Camera {
  const zoom = clampZoom(camera.zoom + delta);
  const [lon, lat] = fromScreen(camera, size, px, py);
  const scale = scaleAt(zoom);
  const [x, y] = mercator(lon, lat);
  const [clon, clat] = inverseMercator(x - (px - size.width / 2) / scale, y - (py - size.height / 2) / scale);
  return { zoom, lat: clat, lon: clon };
}

/** Moves the view by (dx, dy) screen pixels (the content follows the pointer). */
export function panBy(camera: Camera, dx: number, dy: number): Camera {
  const scale = scaleAt(camera.zoom);
  const [cx, cy] = mercator(camera.lon, camera.lat);
  const [lon, lat] = inverseMercator(cx - dx / scale, cy - dy / scale);
  return { zoom: camera.zoom, lat, lon };
}

/** Whether two cameras show the same view (to a tenth of a pixel at this zoom). */
export function sameCamera(a: Camera, b: Camera): boolean {
  if (Math.abs(a.zoom - b.zoom) > 0.005) return false;
  const [ax, ay] = mercator(a.lon, a.lat);
  const [bx, by] = mercator(b.lon, b.lat);
  const scale = scaleAt(a.zoom);
  return Math.abs(ax - bx) * scale < 0.5 && Math.abs(ay - by) * scale < 0.5;
}

/** A step from `a` to `b` at t in [0, 1], zoom and centre eased together (for flying to an area). */
export function interpolateCamera(a: Camera, b: Camera, t: number): Camera {
  const e = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
  const [ax, ay] = mercator(a.lon, a.lat);
  const [bx, by] = mercator(b.lon, b.lat);
  const [lon, lat] = inverseMercator(ax + (bx - ax) * e, ay + (by - ay) * e);
  return { zoom: a.zoom + (b.zoom - a.zoom) * e, lat, lon };
}
