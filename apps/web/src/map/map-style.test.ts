import { describe, expect, it } from "vitest";
import { mapStyle, pointRadius } from "./map-style";

describe("mapStyle", () => {
  it("fetches nothing: GeoJSON sources only, no glyphs, no sprite, no URLs", () => {
    const style = mapStyle({ reducedMotion: false });
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(Object.values(style.sources).map((s) => s.type)).toEqual(["geojson", "geojson"]);
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
    expect(style.layers.some((l) => l.type === "symbol")).toBe(false);
  });

  it("draws missing values with patterns, never with the value colour", () => {
    const style = mapStyle({ reducedMotion: false });
    const missing = style.layers.find((l) => l.id === "area-missing");
    const fill = style.layers.find((l) => l.id === "area-fill");
    expect(missing).toMatchObject({
      filter: ["!=", ["get", "status"], "ok"],
      paint: { "fill-pattern": ["get", "pattern"] },
    });
    expect(fill).toMatchObject({ filter: ["==", ["get", "status"], "ok"] });
  });

  it("adds a raster basemap only when a tile URL is configured", () => {
    const style = mapStyle({ reducedMotion: true, tileUrl: "https://tiles.internal/{z}/{x}/{y}.png" });
    expect(style.sources.basemap).toMatchObject({
      type: "raster",
      tiles: ["https://tiles.internal/{z}/{x}/{y}.png"],
    });
    expect(style.transition).toEqual({ duration: 0, delay: 0 });
  });

  it("sizes points by the square root of places, within bounds", () => {
    expect(pointRadius(0)).toBe(3);
    expect(pointRadius(144)).toBe(12);
    expect(pointRadius(10_000)).toBe(12);
    expect(pointRadius(36)).toBeCloseTo(7.5);
  });
});
