import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";
import type { GeoJSONSource, MapGeoJSONFeature, Map as MapLibreMap, MapMouseEvent } from "maplibre-gl";
import maplibregl from "maplibre-gl/dist/maplibre-gl-csp.js";
import workerUrl from "maplibre-gl/dist/maplibre-gl-csp-worker.js?url";
import "maplibre-gl/dist/maplibre-gl.css";
import { useEffect, useRef, useState } from "react";
import { MISSING_STATUSES } from "../format/status";
import { type Camera, MAX_ZOOM, MIN_ZOOM, sameCamera } from "./camera";
import type { AreaMapProperties, OrganisationMapProperties } from "./geo";
import { TILE_ATTRIBUTION, TILE_URL } from "./map-config";
import {
  AREA_LAYER,
  AREA_SOURCE,
  FOCUS_LAYERS,
  HOVER_LAYERS,
  mapStyle,
  markImageName,
  ORGANISATION_LAYER,
  ORGANISATION_SOURCE,
  patternLayerId,
  SELECTED_SOURCE,
  SMALL_BASE_LAYER,
} from "./map-style";
import { patternImage, patternName, SMALL_BASE_PATTERN, smallBaseImage } from "./patterns";
import {
  MAX_RADIUS,
  markPath,
  POINT_MARKS,
  POINT_STATUSES,
  POINT_STROKE,
  POINT_STROKE_WIDTH,
  type PointStatus,
  pointRadius,
} from "./point-marks";
import type { MapPick, PointerKind } from "./SvgMap";

// The CSP build runs its worker from a same-origin file, so the page needs no blob: workers.
maplibregl.setWorkerUrl(workerUrl);

export interface MapViewProps {
  /** Boundaries only (code and name): changes with the level, and is the only thing that re-tiles. */
  geometry: FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>;
  /** Each area's value, status and colour: set as feature state, so a new wave repaints at once. */
  states: readonly AreaMapProperties[];
  points: FeatureCollection<Point, OrganisationMapProperties> | null;
  /** The selected area's outline (at any level). */
  selected: Feature<Polygon | MultiPolygon> | null;
  hovered: string | null;
  focused: string | null;
  /** Where the map should be; applied (eased) whenever it differs from where the map is. */
  camera: Camera;
  reducedMotion: boolean;
  /** Names the data drawn (wave|level|metric), reported through `onPainted` once on screen. */
  dataKey: string;
  onPainted: (key: string) => void;
  onFailed: (error: unknown) => void;
  /** A pan or zoom by hand (`done` at its end). */
  onUserMove: (camera: Camera, done: boolean) => void;
  onHover: (target: MapPick | null) => void;
  onPick: (target: MapPick, pointer: PointerKind) => void;
}

/** One point mark as an RGBA image for maplibre, drawn from the same path as the SVG map's. */
function markImage(status: PointStatus, pixelRatio: number) {
  const mark = POINT_MARKS[status];
  const size = Math.ceil((MAX_RADIUS * 2.4 + 3) * pixelRatio);
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext("2d")!;
  context.translate(size / 2, size / 2);
  context.scale(pixelRatio, pixelRatio);
  const path = new Path2D(markPath(mark.shape, MAX_RADIUS));
  context.fillStyle = mark.fill;
  context.fill(path);
  context.lineWidth = POINT_STROKE_WIDTH * (MAX_RADIUS / 6);
  context.strokeStyle = POINT_STROKE;
  context.stroke(path);
  return context.getImageData(0, 0, size, size);
}

const cameraOf = (map: MapLibreMap): Camera => {
  const center = map.getCenter();
  return { zoom: map.getZoom(), lat: center.lat, lon: center.lng };
};

/**
 * The map in WebGL (maplibre), brought in by the SVG map at the first pan or zoom by hand: smooth
 * panning and zooming, and the optional raster basemap. It draws the same data, classes, patterns,
 * marks and outlines as the SVG map, and reports the same hover and pick targets.
 */
export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let map: MapLibreMap;
    const { camera } = latest.current;
    try {
      map = new maplibregl.Map({
        container: container.current!,
        style: mapStyle({ tileUrl: TILE_URL, tileAttribution: TILE_ATTRIBUTION }),
        center: [camera.lon, camera.lat],
        zoom: camera.zoom,
        minZoom: MIN_ZOOM,
        maxZoom: MAX_ZOOM,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        // The map frame takes the keys (arrows move between areas, +/− zoom): one focus stop, one set of keys.
        keyboard: false,
        attributionControl: TILE_URL ? { compact: true } : false,
        fadeDuration: 0,
      });
    } catch (error) {
      latest.current.onFailed(error);
      return;
    }
    map.touchZoomRotate.disableRotation();
    const canvas = map.getCanvas();
    canvas.tabIndex = -1;
    canvas.setAttribute("aria-hidden", "true");
    map.on("error", (event) => {
      if (!mapRef.current?.loaded()) latest.current.onFailed(event.error);
    });
    map.on("load", () => {
      const scale = Math.max(1, Math.round(window.devicePixelRatio || 1));
      for (const status of MISSING_STATUSES) {
        map.addImage(patternName(status), patternImage(status, scale), { pixelRatio: scale });
      }
      map.addImage(SMALL_BASE_PATTERN, smallBaseImage(scale), { pixelRatio: scale });
      for (const status of POINT_STATUSES) {
        map.addImage(markImageName(status), markImage(status, scale), { pixelRatio: scale });
      }
      setReady(true);
    });
    let byHand = false;
    map.on("movestart", (event) => {
      byHand = Boolean((event as { originalEvent?: unknown }).originalEvent);
    });
    map.on("move", () => {
      if (byHand) latest.current.onUserMove(cameraOf(map), false);
    });
    map.on("moveend", () => {
      if (byHand) latest.current.onUserMove(cameraOf(map), true);
      byHand = false;
    });
    const pick = (event: MapMouseEvent): MapPick | null => {
      const layers = [ORGANISATION_LAYER, AREA_LAYER].filter((id) => map.getLayer(id));
      const hits = map.queryRenderedFeatures(event.point, { layers }) as MapGeoJSONFeature[];
      const { x, y } = event.point;
      for (const hit of hits) {
        if (hit.layer.id === ORGANISATION_LAYER) {
          // Only a point actually under the pointer (or finger): a tap beside one selects the area.
          const [lon, lat] = (hit.geometry as Point).coordinates as [number, number];
          const at = map.project([lon, lat]);
          const places = (hit.properties as { places?: number | null }).places ?? null;
          if (Math.hypot(at.x - x, at.y - y) <= pointRadius(places) + 1) {
            return { kind: "organisation", code: String(hit.properties.code), x, y };
          }
          continue;
        }
        if (hit.state.status) return { kind: "area", code: String(hit.properties.code), x, y };
      }
      return null;
    };
    map.on("mousemove", (event) => {
      const target = pick(event);
      map.getCanvas().style.cursor = target ? "pointer" : "";
      latest.current.onHover(target);
    });
    map.on("mouseout", () => latest.current.onHover(null));
    map.on("click", (event) => {
      const target = pick(event);
      const pointer = (event.originalEvent as PointerEvent).pointerType;
      if (target) latest.current.onPick(target, (pointer || "mouse") as PointerKind);
    });
    mapRef.current = map;
    return () => {
      mapRef.current = null;
      map.remove();
    };
  }, []);

  useEffect(() => {
    if (!ready) return;
    (mapRef.current?.getSource(AREA_SOURCE) as GeoJSONSource | undefined)?.setData(props.geometry);
  }, [ready, props.geometry]);

  useEffect(() => {
    if (!ready) return;
    (mapRef.current?.getSource(SELECTED_SOURCE) as GeoJSONSource | undefined)?.setData({
      type: "FeatureCollection",
      features: props.selected ? [props.selected] : [],
    });
  }, [ready, props.selected]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    for (const area of props.states) {
      const { code, status, fill, smallBase } = area;
      map.setFeatureState({ source: AREA_SOURCE, id: code }, { status, fill, smallBase });
    }
    // A pattern layer covers every area (transparent where the status differs): hide the ones no area
    // needs, since each is a full extra pass over the map when WebGL is drawn in software.
    const present = new Set(props.states.map((area) => area.status));
    for (const status of MISSING_STATUSES) {
      map.setLayoutProperty(patternLayerId(status), "visibility", present.has(status) ? "visible" : "none");
    }
    const anySmall = props.states.some((area) => area.smallBase);
    map.setLayoutProperty(SMALL_BASE_LAYER, "visibility", anySmall ? "visible" : "none");
    // Report the data as shown at the first frame drawn with it once the boundaries are loaded.
    const key = props.dataKey;
    const mark = () => {
      if (!map.isSourceLoaded(AREA_SOURCE)) return;
      map.off("render", mark);
      latest.current.onPainted(key);
    };
    map.on("render", mark);
    map.triggerRepaint();
    return () => {
      map.off("render", mark);
    };
  }, [ready, props.states, props.dataKey]);

  // Points carry the wave's answer and places as properties: the mark's image and size are layout
  // properties, which feature state cannot drive. A few hundred points re-tile in a moment.
  useEffect(() => {
    if (!ready) return;
    (mapRef.current?.getSource(ORGANISATION_SOURCE) as GeoJSONSource | undefined)?.setData(
      props.points ?? { type: "FeatureCollection", features: [] },
    );
  }, [ready, props.points]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const filter = (code: string | null) => ["==", ["get", "code"], code ?? ""] as never;
    for (const layer of HOVER_LAYERS) map.setFilter(layer, filter(props.hovered));
    for (const layer of FOCUS_LAYERS) map.setFilter(layer, filter(props.focused));
  }, [ready, props.hovered, props.focused]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const target = props.camera;
    if (sameCamera(cameraOf(map), target)) return;
    map.easeTo({
      center: [target.lon, target.lat],
      zoom: target.zoom,
      duration: props.reducedMotion ? 0 : 600,
    });
  }, [props.camera, props.reducedMotion]);

  return <div ref={container} className="map-gl" />;
}
