import type { FeatureCollection } from "geojson";
import type { LayerSpecification, StyleSpecification } from "maplibre-gl";
import { MISSING_STATUSES } from "../format/status";
import { patternName } from "./patterns";

/**
 * The map's style. The basemap is the project's own boundaries: no tile server, no glyphs, no sprite, so
 * nothing is fetched from anywhere but this server. An optional raster tile URL (VITE_TILE_URL at build
 * time) can add a basemap under the areas for deployments that have one.
 */

export const AREA_SOURCE = "areas";
export const ORGANISATION_SOURCE = "organisations";
/** The layer hit-tested for areas (every area has a fill, transparent where a pattern shows instead). */
export const AREA_LAYER = "area-fill";
export const ORGANISATION_LAYER = "organisation-points";

const EMPTY: FeatureCollection = { type: "FeatureCollection", features: [] };

export interface MapStyleOptions {
  tileUrl?: string | null;
  tileAttribution?: string | null;
}

/**
 * Values and statuses live in feature state, not in the GeoJSON: changing the wave only sets state, so
 * the map repaints without re-tiling the boundaries. Each missing-value status has its own pattern
 * layer, shown where the area's state has that status.
 */
export function patternLayerId(status: (typeof MISSING_STATUSES)[number]): string {
  return `area-${status}`;
}

function patternLayer(status: (typeof MISSING_STATUSES)[number]): LayerSpecification {
  return {
    id: patternLayerId(status),
    type: "fill",
    source: AREA_SOURCE,
    paint: {
      "fill-antialias": false,
      "fill-pattern": patternName(status),
      "fill-opacity": ["case", ["==", ["feature-state", "status"], status], 1, 0],
    },
  };
}

export function mapStyle({ tileUrl, tileAttribution }: MapStyleOptions): StyleSpecification {
  const basemap = Boolean(tileUrl);
  return {
    version: 8,
    name: "MBCT Access Atlas",
    // Values change at once: a new wave must be on screen within 100 ms, and fades trouble readers who
    // ask for reduced motion (the wave slider's play speed is where time is spent).
    transition: { duration: 0, delay: 0 },
    sources: {
      ...(basemap
        ? {
            basemap: {
              type: "raster",
              tiles: [tileUrl!],
              tileSize: 256,
              attribution: tileAttribution ?? undefined,
            },
          }
        : {}),
      [AREA_SOURCE]: { type: "geojson", data: EMPTY, promoteId: "code" },
      [ORGANISATION_SOURCE]: { type: "geojson", data: EMPTY, promoteId: "code" },
    },
    layers: [
      { id: "background", type: "background", paint: { "background-color": "#dde6ed" } },
      ...(basemap ? [{ id: "basemap", type: "raster" as const, source: "basemap" }] : []),
      {
        id: AREA_LAYER,
        type: "fill",
        source: AREA_SOURCE,
        paint: {
          "fill-antialias": false,
          "fill-color": ["coalesce", ["feature-state", "fill"], "#ffffff"],
          "fill-opacity": ["case", ["==", ["feature-state", "status"], "ok"], basemap ? 0.8 : 1, 0],
        },
      },
      ...MISSING_STATUSES.map(patternLayer),
      {
        id: "area-outline",
        type: "line",
        source: AREA_SOURCE,
        paint: { "line-color": "#3e4c59", "line-width": 0.7 },
      },
      {
        id: "area-hover",
        type: "line",
        source: AREA_SOURCE,
        paint: {
          "line-color": "#000000",
          "line-width": ["case", ["boolean", ["feature-state", "hover"], false], 2.5, 0],
        },
      },
      {
        id: "area-selected-casing",
        type: "line",
        source: AREA_SOURCE,
        filter: ["==", ["get", "code"], ""],
        paint: { "line-color": "#ffffff", "line-width": 6 },
      },
      {
        id: "area-selected",
        type: "line",
        source: AREA_SOURCE,
        filter: ["==", ["get", "code"], ""],
        paint: { "line-color": "#000000", "line-width": 3 },
      },
      {
        id: ORGANISATION_LAYER,
        type: "circle",
        source: ORGANISATION_SOURCE,
        paint: {
          // Area of the circle in proportion to places offered; organisations with none stay visible.
          // Per-wave values are feature state (like the areas'), so a wave change does not re-tile points.
          "circle-radius": [
            "interpolate",
            ["linear"],
            ["sqrt", ["coalesce", ["feature-state", "places"], 0]],
            0,
            3,
            12,
            12,
          ],
          "circle-color": ["coalesce", ["feature-state", "colour"], "#ffffff"],
          "circle-stroke-color": "#1f2933",
          "circle-stroke-width": 1.2,
          // Organisations not in this wave's list stay in the source, hidden.
          "circle-opacity": ["case", ["boolean", ["feature-state", "shown"], false], 0.95, 0],
          "circle-stroke-opacity": ["case", ["boolean", ["feature-state", "shown"], false], 1, 0],
        },
      },
    ],
  };
}

/** The radius a point of `places` gets, for the legend (must match `circle-radius` above). */
export function pointRadius(places: number): number {
  return 3 + (Math.min(Math.sqrt(Math.max(0, places)), 12) / 12) * 9;
}
