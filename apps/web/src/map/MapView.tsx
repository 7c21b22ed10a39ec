import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";
import type { GeoJSONSource, MapGeoJSONFeature, Map as MapLibreMap, MapMouseEvent } from "maplibre-gl";
import maplibregl from "maplibre-gl/dist/maplibre-gl-csp.js";
import workerUrl from "maplibre-gl/dist/maplibre-gl-csp-worker.js?url";
import "maplibre-gl/dist/maplibre-gl.css";
import { useEffect, useRef, useState } from "react";
import { MISSING_STATUSES } from "../format/status";
import type { MapPosition } from "../url/url-state";
import { type AreaMapProperties, type OrganisationMapProperties, UK_BOUNDS } from "./geo";
import { TILE_ATTRIBUTION, TILE_URL } from "./map-config";
import {
  AREA_LAYER,
  AREA_SOURCE,
  mapStyle,
  ORGANISATION_LAYER,
  ORGANISATION_SOURCE,
  patternLayerId,
} from "./map-style";
import { patternImage, patternName } from "./patterns";

// The CSP build runs its worker from a same-origin file, so the page needs no blob: workers.
maplibregl.setWorkerUrl(workerUrl);

export type HoverTarget =
  | { kind: "area"; x: number; y: number; properties: AreaMapProperties }
  | { kind: "organisation"; x: number; y: number; properties: OrganisationMapProperties };

export interface MapViewProps {
  /** Boundaries only (code and name): changes with the level, and is the only thing that re-tiles. */
  geometry: FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>;
  /** Each area's value, status and colour: set as feature state, so a new wave repaints at once. */
  states: AreaMapProperties[];
  points: FeatureCollection<Point, OrganisationMapProperties> | null;
  selected: string | null;
  position: MapPosition | null;
  /** Bounds to fly to (drill-down); a new array object means a new request. */
  fitTo: [number, number, number, number] | null;
  reducedMotion: boolean;
  label: string;
  /** Names the data now drawn (e.g. wave|level|metric); written to `data-shown` once painted, for tests. */
  dataKey: string;
  onMove: (position: MapPosition) => void;
  onAreaClick: (code: string) => void;
  onOrganisationClick: (code: string) => void;
  onHover: (target: HoverTarget | null) => void;
}

/** The interactive choropleth (maplibre). Data arrive as GeoJSON properties already classed and coloured. */
export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const hovered = useRef<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const { position } = latest.current;
    const map = new maplibregl.Map({
      container: container.current!,
      style: mapStyle({ tileUrl: TILE_URL, tileAttribution: TILE_ATTRIBUTION }),
      ...(position ? { center: [position.lon, position.lat], zoom: position.zoom } : { bounds: UK_BOUNDS }),
      fitBoundsOptions: { padding: 16 },
      minZoom: 3,
      maxZoom: 11,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      attributionControl: TILE_URL ? { compact: true } : false,
      fadeDuration: 0,
    });
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
    map.getCanvas().setAttribute("aria-label", latest.current.label);
    map.on("load", () => {
      const scale = Math.max(1, Math.round(window.devicePixelRatio || 1));
      for (const status of MISSING_STATUSES) {
        map.addImage(patternName(status), patternImage(status, scale), { pixelRatio: scale });
      }
      setReady(true);
    });
    map.on("moveend", () => {
      const center = map.getCenter();
      latest.current.onMove({ zoom: map.getZoom(), lat: center.lat, lon: center.lng });
    });
    const pick = (event: MapMouseEvent): HoverTarget | null => {
      const layers = [ORGANISATION_LAYER, AREA_LAYER].filter((id) => map.getLayer(id));
      const hits = map.queryRenderedFeatures(event.point, { layers }) as MapGeoJSONFeature[];
      // A point hidden for this wave is still in the source: look through it to what is drawn beneath.
      const top = hits.find((f) => f.layer.id !== ORGANISATION_LAYER || f.state.shown === true);
      if (!top) return null;
      const { x, y } = event.point;
      if (top.layer.id === ORGANISATION_LAYER) {
        const state = top.state as Partial<OrganisationMapProperties>;
        return {
          kind: "organisation",
          x,
          y,
          properties: { ...(top.properties as OrganisationMapProperties), ...state },
        };
      }
      const state = top.state as Partial<AreaMapProperties>;
      if (!state.status) return null;
      return { kind: "area", x, y, properties: { ...(top.properties as AreaMapProperties), ...state } };
    };
    const setHover = (code: string | null) => {
      if (hovered.current === code) return;
      if (hovered.current)
        map.setFeatureState({ source: AREA_SOURCE, id: hovered.current }, { hover: false });
      hovered.current = code;
      if (code) map.setFeatureState({ source: AREA_SOURCE, id: code }, { hover: true });
    };
    map.on("mousemove", (event) => {
      const target = pick(event);
      setHover(target?.kind === "area" ? target.properties.code : null);
      map.getCanvas().style.cursor = target ? "pointer" : "";
      latest.current.onHover(target);
    });
    map.on("mouseout", () => {
      setHover(null);
      latest.current.onHover(null);
    });
    // A tap on a touch screen arrives as a click: it selects and shows the same details a hover would.
    map.on("click", (event) => {
      const target = pick(event);
      latest.current.onHover(target);
      if (target?.kind === "area") latest.current.onAreaClick(target.properties.code);
      else if (target?.kind === "organisation") latest.current.onOrganisationClick(target.properties.code);
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
    const map = mapRef.current;
    if (!ready || !map) return;
    for (const area of props.states) {
      const { code, status, fill, value, lower, upper, answered, invited } = area;
      map.setFeatureState(
        { source: AREA_SOURCE, id: code },
        { status, fill, value, lower, upper, answered, invited },
      );
    }
    // A pattern layer covers every area (transparent where the status differs): hide the ones no area
    // needs, since each is a full extra pass over the map when WebGL is drawn in software.
    const present = new Set(props.states.map((area) => area.status));
    for (const status of MISSING_STATUSES) {
      map.setLayoutProperty(patternLayerId(status), "visibility", present.has(status) ? "visible" : "none");
    }
    // Mark the data as shown at the first frame drawn with it once the boundaries are loaded: that is
    // when the new colours are on screen (points may still be settling; tests and benchmarks use this).
    const key = props.dataKey;
    const mark = () => {
      if (!map.isSourceLoaded(AREA_SOURCE)) return;
      map.off("render", mark);
      if (container.current) container.current.dataset.shown = key;
    };
    map.on("render", mark);
    map.triggerRepaint();
    return () => {
      map.off("render", mark);
    };
  }, [ready, props.states, props.dataKey]);

  // Points: the GeoJSON says where each organisation is and grows to every organisation shown so far; it
  // is replaced only when one is new or has moved. What changes with the wave (provision, stage, places,
  // whether it is in this wave's list at all) is feature state, drawn in the same frame as the areas'
  // new colours, without a round trip through maplibre's worker and the extra frames that costs.
  const placed = useRef(new Map<string, Feature<Point, { code: string; name: string }>>());
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const features = props.points?.features ?? [];
    let moved = false;
    for (const { geometry, properties } of features) {
      const known = placed.current.get(properties.code);
      if (known && known.geometry.coordinates.join() === geometry.coordinates.join()) continue;
      placed.current.set(properties.code, {
        type: "Feature",
        id: properties.code,
        geometry,
        properties: { code: properties.code, name: properties.name },
      });
      moved = true;
    }
    if (moved) {
      (map.getSource(ORGANISATION_SOURCE) as GeoJSONSource | undefined)?.setData({
        type: "FeatureCollection",
        features: [...placed.current.values()],
      });
    }
    const shown = new Set<string>();
    for (const { properties } of features) {
      const { code, provision, stage, places, colour } = properties;
      shown.add(code);
      map.setFeatureState(
        { source: ORGANISATION_SOURCE, id: code },
        { shown: true, provision, stage, places, colour },
      );
    }
    for (const code of placed.current.keys()) {
      if (!shown.has(code)) map.setFeatureState({ source: ORGANISATION_SOURCE, id: code }, { shown: false });
    }
  }, [ready, props.points]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const filter = ["==", ["get", "code"], props.selected ?? ""] as const;
    map.setFilter("area-selected", filter as never);
    map.setFilter("area-selected-casing", filter as never);
  }, [ready, props.selected]);

  useEffect(() => {
    mapRef.current?.getCanvas().setAttribute("aria-label", props.label);
  }, [props.label]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !props.fitTo) return;
    map.fitBounds(props.fitTo, { padding: 32, duration: props.reducedMotion ? 0 : 600, maxZoom: 9 });
  }, [props.fitTo, props.reducedMotion]);

  // Back/forward changes the URL's position: follow it when it is not where the map already is.
  useEffect(() => {
    const map = mapRef.current;
    const position = props.position;
    if (!map || !position) return;
    const center = map.getCenter();
    const near = Math.abs(center.lat - position.lat) < 1e-3 && Math.abs(center.lng - position.lon) < 1e-3;
    if (!near || Math.abs(map.getZoom() - position.zoom) > 0.01) {
      map.jumpTo({ center: [position.lon, position.lat], zoom: position.zoom });
    }
  }, [props.position]);

  return (
    <div ref={container} className="map-canvas" data-testid="map" data-ready={ready ? "true" : "false"} />
  );
}
