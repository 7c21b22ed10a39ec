import type { Feature, MultiPolygon, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { mercator } from "./camera";
import { projectAreas, projectPoint, REFERENCE_SCALE } from "./svg-geometry";

const square = (x: number, y: number, d: number) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

const feature = (
  geometry: Polygon | MultiPolygon,
): Feature<Polygon | MultiPolygon, { code: string; name: string }> => ({
  type: "Feature",
  geometry,
  properties: { code: "A", name: "Area A" },
});

describe("projecting boundaries for the SVG map", () => {
  it("projects every vertex with Web Mercator at the reference scale, one subpath per ring", () => {
    const [area] = projectAreas([feature({ type: "Polygon", coordinates: [square(-2, 53, 1)] })]);
    const [x, y] = mercator(-2, 53);
    expect(
      area!.d.startsWith(
        `M${Math.round(x * REFERENCE_SCALE * 10) / 10},${Math.round(y * REFERENCE_SCALE * 10) / 10}`,
      ),
    ).toBe(true);
    expect(area!.d.match(/M/g)).toHaveLength(1);
    expect(area!.bounds).toEqual([-2, 53, -1, 54]);
    expect(projectPoint(-2, 53)).toEqual([x * REFERENCE_SCALE, y * REFERENCE_SCALE]);
  });

  it("puts the centre in the largest part, so focus lands on the mainland and not an island", () => {
    const [area] = projectAreas([
      feature({ type: "MultiPolygon", coordinates: [[square(-6, 58, 0.1)], [square(-2, 52, 2)]] }),
    ]);
    const [cx] = projectPoint(-1, 53);
    const [, cyTop] = projectPoint(-1, 54);
    const [, cyBottom] = projectPoint(-1, 52);
    expect(area!.x).toBeCloseTo(cx, -1);
    expect(area!.y).toBeGreaterThan(cyTop);
    expect(area!.y).toBeLessThan(cyBottom);
    expect(area!.d.match(/M/g)).toHaveLength(2);
  });
});
