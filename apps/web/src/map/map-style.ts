import type { FeatureCollection } from "geojson";
import type { LayerSpecification, StyleSpecification } from "maplibre-gl";
import { MISSING_STATUSES } from "../format/status";
import { patternName, SMALL_BASE_PATTERN } from "./patterns";
import { MAX_RADIUS, MIN_RADIUS, type PointStatus } from "./point-marks";

/**
 * The map's style. The basemap is the project's own boundaries: no tile server, no glyphs, no sprite, so
 * nothing is fetched from anywhere but this server. An optional raster tile URL (VITE_TILE_URL at build
 * time) can add a basemap under the areas for deployments that have one.
 */

export const AREA_SOURCE = "areas";
export const ORGANISATION_SOURCE = "organisations";
/** The selected area's outline: its own source, since it may be at another level than the areas drawn. */
export const SELECTED_SOURCE = "selected";
/** The layer hit-tested for areas (every area has a fill, transparent where a pattern shows instead). */
export const AREA_LAYER = "area-fill";
export const ORGANISATION_LAYER = "organisation-points";
/** Outlines following one area code each (set with `setFilter`). */
export const HOVER_LAYERS = ["area-hover"] as const;
export const FOCUS_LAYERS = ["area-focus-casing", "area-focus"] as const;

const EMPTY: FeatureCollection = { type: "FeatureCollection", features: [] };
const NO_AREA = ["==", ["get", "code"], ""] as const;

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

/** The small-base overlay over the class colour, where the area's state says it rests on 1 to 4 organisations. */
export const SMALL_BASE_LAYER = "area-small-base";

/** The image name of a point mark in maplibre (see `markImage`). */
export function markImageName(status: PointStatus): string {
  return `mark-${status}`;
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
      [SELECTED_SOURCE]: { type: "geojson", data: EMPTY },
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
        id: SMALL_BASE_LAYER,
        type: "fill",
        source: AREA_SOURCE,
        paint: {
          "fill-antialias": false,
          "fill-pattern": SMALL_BASE_PATTERN,
          "fill-opacity": ["case", ["==", ["feature-state", "smallBase"], true], 1, 0],
        },
      },
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
        filter: NO_AREA as never,
        paint: { "line-color": "#000000", "line-width": 2.5 },
      },
      {
        id: "area-selected-casing",
        type: "line",
        source: SELECTED_SOURCE,
        paint: { "line-color": "#ffffff", "line-width": 6 },
      },
      {
        id: "area-selected",
        type: "line",
        source: SELECTED_SOURCE,
        paint: { "line-color": "#000000", "line-width": 3 },
      },
      {
        id: "area-focus-casing",
        type: "line",
        source: AREA_SOURCE,
        filter: NO_AREA as never,
        paint: { "line-color": "#000000", "line-width": 7 },
      },
      {
        id: "area-focus",
        type: "line",
        source: AREA_SOURCE,
        filter: NO_AREA as never,
        paint: { "line-color": "#ffbf47", "line-width": 4 },
      },
      {
        id: ORGANISATION_LAYER,
        type: "symbol",
        source: ORGANISATION_SOURCE,
        layout: {
          // One image per answer (a shape each, point-marks.ts), drawn at MAX_RADIUS and scaled so the
          // mark's area follows places offered. Icons only: no text, so no glyphs are ever fetched.
          "icon-image": ["concat", "mark-", ["get", "provision"]],
          "icon-size": [
            "/",
            [
              "+",
              MIN_RADIUS,
              [
                "*",
                ["min", ["sqrt", ["coalesce", ["get", "places"], 0]], 12],
                (MAX_RADIUS - MIN_RADIUS) / 12,
              ],
            ],
            MAX_RADIUS,
          ],
          "icon-allow-overlap": true,
          "icon-ignore-placement": true,
        },
      },
    ],
  };
}
