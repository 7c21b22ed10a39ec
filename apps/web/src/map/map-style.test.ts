import { describe, expect, it } from "vitest";
import { mapStyle } from "./map-style";

describe("mapStyle", () => {
  it("fetches nothing: GeoJSON sources only, no glyphs, no sprite, no URLs", () => {
    const style = mapStyle({});
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(Object.values(style.sources).map((s) => s.type)).toEqual(["geojson", "geojson", "geojson"]);
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
    // Points are icons drawn by the app (addImage): a symbol layer with no text needs no glyphs.
    for (const layer of style.layers.filter((l) => l.type === "symbol")) {
      expect(JSON.stringify(layer)).not.toContain("text-");
    }
  });

  it("draws each missing status with its own pattern, never with the value colour", () => {
    const style = mapStyle({});
    const fill = style.layers.find((l) => l.id === "area-fill");
    expect(fill).toMatchObject({
      paint: { "fill-opacity": ["case", ["==", ["feature-state", "status"], "ok"], 1, 0] },
    });
    for (const status of ["no_data", "not_applicable", "suppressed", "not_surveyed"]) {
      expect(style.layers.find((l) => l.id === `area-${status}`)).toMatchObject({
        paint: {
          "fill-pattern": `status-${status}`,
          "fill-opacity": ["case", ["==", ["feature-state", "status"], status], 1, 0],
        },
      });
    }
  });

  it("adds a raster basemap only when a tile URL is configured", () => {
    const style = mapStyle({ tileUrl: "https://tiles.internal/{z}/{x}/{y}.png" });
    expect(style.sources.basemap).toMatchObject({
      type: "raster",
      tiles: ["https://tiles.internal/{z}/{x}/{y}.png"],
    });
    expect(style.transition).toEqual({ duration: 0, delay: 0 });
  });

  it("sizes point icons as pointRadius does, from the largest mark", () => {
    const style = mapStyle({});
    const points = style.layers.find((l) => l.id === "organisation-points");
    expect(points).toMatchObject({
      type: "symbol",
      layout: { "icon-image": ["concat", "mark-", ["get", "provision"]] },
    });
  });
});
