import { describe, expect, it } from "vitest";
import {
  cameraTransform,
  fitCamera,
  fromScreen,
  interpolateCamera,
  MAX_ZOOM,
  mercator,
  panBy,
  sameCamera,
  scaleAt,
  toScreen,
  uniformPadding,
  zoomAround,
} from "./camera";
import { UK_BOUNDS } from "./geo";

const size = { width: 800, height: 600 };

describe("camera", () => {
  it("uses maplibre's scale: 512 px for the world at zoom 0", () => {
    expect(scaleAt(0) * 2 * Math.PI).toBeCloseTo(512);
    expect(scaleAt(3) / scaleAt(2)).toBeCloseTo(2);
  });

  it("fits bounds inside the padded frame, touching it on one side", () => {
    const camera = fitCamera(UK_BOUNDS, size, uniformPadding(20));
    const [west, south, east, north] = UK_BOUNDS;
    const [x0, y0] = toScreen(camera, size, west, north);
    const [x1, y1] = toScreen(camera, size, east, south);
    expect(x0).toBeGreaterThanOrEqual(19.9);
    expect(y0).toBeGreaterThanOrEqual(19.9);
    expect(x1).toBeLessThanOrEqual(780.1);
    expect(y1).toBeLessThanOrEqual(580.1);
    // The UK is tall: it fills the height.
    expect(y0).toBeCloseTo(20, 0);
    expect(y1).toBeCloseTo(580, 0);
  });

  it("centres the bounds in the padded box when the padding is uneven, and stops at the zoom limit", () => {
    const padding = { top: 10, right: 10, bottom: 210, left: 10 };
    const camera = fitCamera([-1.6, 53.7, -1.5, 53.8], size, padding, 9);
    expect(camera.zoom).toBe(9);
    const [x, y] = toScreen(camera, size, -1.55, (53.7 + 53.8) / 2);
    expect(x).toBeCloseTo(400, 0);
    expect(y).toBeCloseTo((10 + 390) / 2, -1);
    expect(fitCamera([-1.5, 53.7, -1.5, 53.7], size, uniformPadding(10)).zoom).toBe(MAX_ZOOM);
  });

  it("turns screen points into places and back", () => {
    const camera = { zoom: 6, lat: 54, lon: -2 };
    const [lon, lat] = fromScreen(camera, size, 123, 456);
    const [x, y] = toScreen(camera, size, lon, lat);
    expect(x).toBeCloseTo(123, 6);
    expect(y).toBeCloseTo(456, 6);
  });

  it("is an affine transform of coordinates projected once", () => {
    const camera = { zoom: 7.3, lat: 52.5, lon: -1.2 };
    const reference = 1000;
    const t = cameraTransform(camera, size, reference);
    const [mx, my] = mercator(-0.5, 51.9);
    const [x, y] = toScreen(camera, size, -0.5, 51.9);
    expect(t.tx + mx * reference * t.s).toBeCloseTo(x, 6);
    expect(t.ty + my * reference * t.s).toBeCloseTo(y, 6);
  });

  it("zooms about a point, keeping that place under it, and pans with the pointer", () => {
    const camera = { zoom: 6, lat: 54, lon: -2 };
    const place = fromScreen(camera, size, 200, 150);
    const zoomed = zoomAround(camera, size, 1.5, 200, 150);
    expect(zoomed.zoom).toBeCloseTo(7.5);
    const [x, y] = toScreen(zoomed, size, place[0], place[1]);
    expect(x).toBeCloseTo(200, 6);
    expect(y).toBeCloseTo(150, 6);
    const moved = panBy(camera, 50, -20);
    const [px, py] = toScreen(moved, size, place[0], place[1]);
    expect(px).toBeCloseTo(250, 6);
    expect(py).toBeCloseTo(130, 6);
  });

  it("flies from one camera to another, ending exactly there", () => {
    const a = { zoom: 5, lat: 55, lon: -3 };
    const b = { zoom: 8, lat: 52, lon: 0 };
    expect(sameCamera(interpolateCamera(a, b, 0), a)).toBe(true);
    expect(sameCamera(interpolateCamera(a, b, 1), b)).toBe(true);
    const mid = interpolateCamera(a, b, 0.5);
    expect(mid.zoom).toBeCloseTo(6.5);
    expect(sameCamera(a, { ...a, lon: a.lon + 1e-9 })).toBe(true);
    expect(sameCamera(a, { ...a, zoom: a.zoom + 0.1 })).toBe(false);
  });
});
