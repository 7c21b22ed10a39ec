import { describe, expect, it } from "vitest";
import { markPath, POINT_MARKS, POINT_STATUSES, pointMark, pointRadius } from "./point-marks";

/** The area enclosed by a path of straight segments (the circle's arcs are measured separately). */
function polygonArea(d: string): number {
  const points = [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const [x0, y0] = points[i]!;
    const [x1, y1] = points[(i + 1) % points.length]!;
    twice += x0! * y1! - x1! * y0!;
  }
  return Math.abs(twice) / 2;
}

describe("point marks", () => {
  it("tells every answer apart by shape or fill, never by colour alone", () => {
    const looks = POINT_STATUSES.map((s) => {
      const mark = POINT_MARKS[s];
      return `${mark.shape}|${mark.fill === "#ffffff" ? "hollow" : "filled"}`;
    });
    expect(new Set(looks).size).toBe(POINT_STATUSES.length);
    // The two that were both white circles, and the two that were both orange.
    expect(POINT_MARKS.no_response.shape).not.toBe(POINT_MARKS.not_surveyed.shape);
    expect(POINT_MARKS.paused.shape).not.toBe(POINT_MARKS.none.shape);
  });

  it("gives each shape the area of a circle of the same radius, so size reads the same", () => {
    const r = 10;
    for (const shape of ["square", "diamond", "triangle-up", "triangle-down", "cross"] as const) {
      expect(polygonArea(markPath(shape, r)) / (Math.PI * r * r), shape).toBeCloseTo(1, 1);
    }
    expect(markPath("circle", r)).toMatch(/^M10,0A10,10/);
  });

  it("sizes points by the square root of places, within bounds", () => {
    expect(pointRadius(0)).toBe(4.5);
    expect(pointRadius(null)).toBe(4.5);
    expect(pointRadius(144)).toBe(12);
    expect(pointRadius(10_000)).toBe(12);
    expect(pointRadius(36)).toBeCloseTo(8.25);
  });

  it("treats an organisation outside this wave's survey as not surveyed", () => {
    expect(pointMark(null)).toBe(POINT_MARKS.not_surveyed);
    expect(pointMark("routine")).toBe(POINT_MARKS.routine);
  });
});
