import type { Metric } from "@atlas/domain";
import type { FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";
import {
  type ComponentType,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { MapPosition } from "../url/url-state";
import {
  type Camera,
  cameraTransform,
  fitCamera,
  interpolateCamera,
  panBy,
  type Size,
  sameCamera,
  uniformPadding,
  zoomAround,
} from "./camera";
import { type AreaFeature, type AreaMapProperties, type OrganisationMapProperties, UK_BOUNDS } from "./geo";
import { currentHoverTarget, type HoverTarget } from "./hover-target";
import { arrowDirection, nearestArea, nextArea } from "./keyboard-nav";
import { describeArea, MapTooltip } from "./MapTooltip";
import type { MapViewProps } from "./MapView";
import { TILE_URL } from "./map-config";
import { markPath, pointMark, pointRadius } from "./point-marks";
import { type MapPick, type PointerKind, SvgMap, type SvgPoint } from "./SvgMap";
import { type ProjectedArea, projectPoint, REFERENCE_SCALE } from "./svg-geometry";

export interface MapFrameProps {
  /** The boundaries drawn (one level), as GeoJSON for maplibre and projected for the SVG map. */
  features: FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>;
  areas: readonly ProjectedArea[];
  /** Each drawn area's value, status and class colour. */
  states: readonly AreaMapProperties[];
  points: FeatureCollection<Point, OrganisationMapProperties> | null;
  /** The selected area, at whatever level it is: its outline, and what the camera shows when no position is set. */
  selected: { area: ProjectedArea; feature: AreaFeature } | null;
  /** The camera from the URL; null means "show the selected area, or the whole UK". */
  position: MapPosition | null;
  dataKey: string;
  loading: boolean;
  updating: boolean;
  label: string;
  unit: Metric["unit"];
  wave: string;
  metricTitle: string;
  /** The metric's id, for the count behind a small base ("0 of 1 organisation offers MBCT"). */
  metricId: string;
  reducedMotion: boolean;
  onMove: (position: MapPosition) => void;
  onAreaClick: (code: string) => void;
  onOrganisationClick: (code: string) => void;
}

const FLY_MS = 600;
const NARROW = "(max-width: 720px)";

/** The frame's height: the rest of the window below its top, so the whole map is in view at once. */
function frameHeight(top: number): number {
  const viewport = window.innerHeight;
  const narrow = window.matchMedia(NARROW).matches;
  const rest = viewport - top - (narrow ? 8 : 16);
  return Math.round(Math.max(narrow ? 300 : 340, Math.min(rest, narrow ? viewport * 0.72 : 1_100)));
}

/** The camera with no position set: the selected area with room around it, or the whole UK. */
function autoCamera(size: Size, selected: ProjectedArea | null, bottomInset: number): Camera {
  if (!selected) return fitCamera(UK_BOUNDS, size, uniformPadding(12));
  const room = Math.max(24, Math.round(Math.min(size.width, size.height) * 0.16));
  return fitCamera(
    selected.bounds,
    size,
    { top: room, right: room, bottom: room + bottomInset, left: room },
    9,
  );
}

/**
 * The interactive map: the SVG map at once, maplibre from the first pan or zoom by hand; the camera
 * (the URL's position, or the selection, or the UK); hover, tap and keyboard selection with a visible
 * focus and a spoken description; tooltips kept inside the window; zoom buttons.
 */
export function MapFrame(props: MapFrameProps) {
  const { areas, states, points, selected, position, dataKey, reducedMotion } = props;
  const frame = useRef<HTMLDivElement>(null);
  const surface = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<Size | null>(null);
  const [height, setHeight] = useState<number | null>(null);
  const [bottomInset, setBottomInset] = useState(0);

  // Fill the window below the frame's top, and follow the frame's width (the panel opening, a resize).
  useLayoutEffect(() => {
    const element = frame.current;
    if (!element) return;
    const measure = () => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      const h = frameHeight(top);
      setHeight(h);
      setSize((was) => {
        const width = element.clientWidth;
        return was && was.width === width && was.height === h ? was : { width, height: h };
      });
      // On a phone the area panel is a sheet over the lower part of the window: keep the area clear of it.
      setBottomInset(
        window.matchMedia(NARROW).matches ? Math.max(0, Math.round(h - window.innerHeight * 0.58)) : 0,
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, []);

  // The camera: where the URL says, else fitted to the selection or the UK.
  const target = useMemo<Camera | null>(() => {
    if (!size) return null;
    return position ?? autoCamera(size, selected?.area ?? null, selected ? bottomInset : 0);
  }, [size, position, selected, bottomInset]);
  const [live, setLive] = useState<Camera | null>(null);
  const liveRef = useRef<Camera | null>(null);
  liveRef.current = live;
  const gesturing = useRef(false);
  const [gl, setGl] = useState<ComponentType<MapViewProps> | null>(null);
  const [glActive, setGlActive] = useState(false);
  const glFailed = useRef(false);

  // Fly to a new target (not while the reader is moving the map by hand, and not at the first frame).
  useEffect(() => {
    if (!target || gesturing.current) return;
    const from = liveRef.current;
    if (!from || reducedMotion || glActive || sameCamera(from, target)) {
      setLive(target);
      return;
    }
    let frameId = 0;
    const started = performance.now();
    const step = (now: number) => {
      const t = Math.min(1, (now - started) / FLY_MS);
      setLive(t >= 1 ? target : interpolateCamera(from, target, t));
      if (t < 1) frameId = requestAnimationFrame(step);
    };
    frameId = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frameId);
  }, [target, reducedMotion, glActive]);

  const camera = live ?? target;
  const stateByCode = useMemo(() => new Map(states.map((s) => [s.code, s])), [states]);
  const pointByCode = useMemo(
    () => new Map((points?.features ?? []).map((f) => [f.properties.code, f])),
    [points],
  );
  const svgPoints = useMemo<SvgPoint[]>(
    () =>
      (points?.features ?? []).map((f) => {
        const [x, y] = projectPoint(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!);
        const mark = pointMark(f.properties.provision);
        return {
          code: f.properties.code,
          x,
          y,
          d: markPath(mark.shape, pointRadius(f.properties.places)),
          fill: mark.fill,
        };
      }),
    [points],
  );

  // maplibre, for panning and zooming by hand (and a basemap): loaded at the first sign of either.
  const wantGl = useCallback(() => {
    if (gl || glFailed.current) return;
    void import("./MapView")
      .then((module) => setGl(() => module.MapView))
      .catch(() => {
        glFailed.current = true;
      });
  }, [gl]);
  const firstPaint = useRef(false);

  // Mark the data as shown once drawn, for tests and benchmarks (data-shown="wave|level|metric").
  const markShown = useCallback((key: string) => {
    if (surface.current && key) surface.current.dataset.shown = key;
  }, []);
  useEffect(() => {
    if (glActive || !size || !dataKey || areas.length === 0) return;
    const id = requestAnimationFrame(() => {
      markShown(dataKey);
      if (!firstPaint.current) {
        firstPaint.current = true;
        if (TILE_URL) wantGl();
      }
    });
    return () => cancelAnimationFrame(id);
  }, [glActive, size, dataKey, areas, markShown, wantGl]);

  // Hover (pointer), a pinned tap on a point (touch), keyboard focus.
  const [hover, setHover] = useState<HoverTarget | null>(null);
  const [pinned, setPinned] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const focusedArea = useMemo(() => areas.find((a) => a.code === focused) ?? null, [areas, focused]);

  const resolve = useCallback(
    (pick: MapPick | null): HoverTarget | null => {
      if (!pick) return null;
      if (pick.kind === "organisation") {
        const point = pointByCode.get(pick.code);
        return point ? { kind: "organisation", x: pick.x, y: pick.y, properties: point.properties } : null;
      }
      const state = stateByCode.get(pick.code);
      return state ? { kind: "area", x: pick.x, y: pick.y, properties: state } : null;
    },
    [pointByCode, stateByCode],
  );

  const screenOf = useCallback(
    (area: ProjectedArea): { x: number; y: number } | null => {
      if (!camera || !size) return null;
      const t = cameraTransform(camera, size, REFERENCE_SCALE);
      return { x: t.tx + area.x * t.s, y: t.ty + area.y * t.s };
    },
    [camera, size],
  );

  const focusTarget = useMemo<HoverTarget | null>(() => {
    if (!focusedArea) return null;
    const at = screenOf(focusedArea);
    const state = stateByCode.get(focusedArea.code);
    return at && state ? { kind: "area", x: at.x, y: at.y, properties: state } : null;
  }, [focusedArea, screenOf, stateByCode]);
  // The hovered thing as drawn now (a new wave's values); an area tapped to drill down stays, as the selection.
  const shown = focusTarget ?? currentHoverTarget(hover, states, points);

  // Speak the focused area's details as focus moves (and again when the wave or metric changes).
  useEffect(() => {
    if (focusTarget?.kind === "area")
      setAnnouncement(describeArea(focusTarget, props.unit, props.wave, props.metricId));
  }, [focusTarget, props.unit, props.wave, props.metricId]);

  // On a phone, a new selection brings the map to the top of the window, with the area's sheet below it.
  const selectedCode = selected?.area.code ?? null;
  const lastSelected = useRef(selectedCode);
  useEffect(() => {
    if (selectedCode === lastSelected.current) return;
    lastSelected.current = selectedCode;
    const element = frame.current;
    if (!selectedCode || !element || !window.matchMedia(NARROW).matches) return;
    if (Math.abs(element.getBoundingClientRect().top) > 24) {
      element.scrollIntoView({ block: "start", behavior: reducedMotion ? "auto" : "smooth" });
    }
  }, [selectedCode, reducedMotion]);

  const moveTo = useCallback(
    (next: Camera) => {
      props.onMove(next);
    },
    [props.onMove],
  );

  const onCamera = useCallback(
    (next: Camera, done: boolean) => {
      gesturing.current = !done;
      setLive(next);
      if (done) props.onMove(next);
    },
    [props.onMove],
  );

  const onPick = useCallback(
    (pick: MapPick, pointer: PointerKind) => {
      setFocused(null);
      if (pick.kind === "organisation") {
        // A tap shows the organisation first; a second tap on it opens its journey (a click opens it at once).
        if (pointer === "touch" && pinned !== pick.code) {
          setPinned(pick.code);
          setHover(resolve(pick));
          return;
        }
        props.onOrganisationClick(pick.code);
        return;
      }
      setPinned(null);
      if (pointer === "touch") setHover(resolve(pick));
      props.onAreaClick(pick.code);
    },
    [pinned, resolve, props.onOrganisationClick, props.onAreaClick],
  );

  const onHover = useCallback(
    (pick: MapPick | null) => {
      setPinned(null);
      setHover(resolve(pick));
    },
    [resolve],
  );

  const zoomBy = (delta: number) => {
    if (!camera || !size) return;
    wantGl();
    moveTo(zoomAround(camera, size, delta, size.width / 2, size.height / 2));
  };
  const showUk = () => {
    if (!size) return;
    moveTo(fitCamera(UK_BOUNDS, size, uniformPadding(12)));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const direction = arrowDirection(event.key);
    if (direction && event.shiftKey && camera && size) {
      event.preventDefault();
      const step = Math.round(Math.min(size.width, size.height) / 4);
      const [dx, dy] = { left: [step, 0], right: [-step, 0], up: [0, step], down: [0, -step] }[direction];
      moveTo(panBy(camera, dx!, dy!));
      return;
    }
    if (direction) {
      event.preventDefault();
      setHover(null);
      const current = focusedArea;
      let next: ProjectedArea | null;
      if (!current) {
        const inView = areas.find((a) => a.code === selected?.area.code);
        next =
          inView ??
          (camera && size
            ? (nearestArea(centreOf(camera, size), areas) as ProjectedArea | null)
            : (areas[0] ?? null));
      } else {
        next = (nextArea(current, direction, areas, current.code) as ProjectedArea | null) ?? current;
      }
      if (!next) return;
      setFocused(next.code);
      // Bring it into view if it is outside the frame.
      const at = screenOf(next);
      if (at && camera && size && (at.x < 0 || at.y < 0 || at.x > size.width || at.y > size.height)) {
        moveTo(panBy(camera, size.width / 2 - at.x, size.height / 2 - at.y));
      }
      return;
    }
    if ((event.key === "Enter" || event.key === " ") && focusedArea) {
      event.preventDefault();
      props.onAreaClick(focusedArea.code);
      setAnnouncement(`Selected ${focusedArea.name}. Its details are in the area panel.`);
      return;
    }
    if (event.key === "Escape" && focused) {
      event.preventDefault();
      setFocused(null);
      setAnnouncement("");
      return;
    }
    if (event.key === "+" || event.key === "=") {
      event.preventDefault();
      zoomBy(1);
    } else if (event.key === "-" || event.key === "_") {
      event.preventDefault();
      zoomBy(-1);
    } else if (event.key === "0" || event.key === "Home") {
      event.preventDefault();
      showUk();
    }
  };

  // After drilling down, the focused area may no longer be drawn: keep focus on the nearest part of it.
  useEffect(() => {
    if (focused && !focusedArea) setFocused(null);
  }, [focused, focusedArea]);

  const Gl = gl;
  const selectedFeature = selected?.feature ?? null;
  const touchHint = pinned && shown?.kind === "organisation" ? "Tap again to open its journey" : undefined;
  return (
    <div
      className="map-frame"
      ref={frame}
      style={height ? { height } : undefined}
      data-renderer={glActive ? "maplibre" : "svg"}
    >
      <div
        ref={surface}
        className="map-surface"
        data-testid="map"
        data-ready={size ? "true" : "false"}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the map is one focus stop; arrow keys move between areas
        tabIndex={0}
        role="application"
        aria-roledescription="map"
        aria-label={props.label}
        aria-describedby="map-keys"
        onKeyDown={onKeyDown}
        onBlur={() => setFocused(null)}
      >
        {Gl && camera && size ? (
          <Gl
            geometry={props.features}
            states={states}
            points={points}
            selected={selectedFeature}
            hovered={hover?.kind === "area" ? hover.properties.code : null}
            focused={focused}
            camera={camera}
            reducedMotion={reducedMotion || !glActive}
            dataKey={dataKey}
            onPainted={(key) => {
              markShown(key);
              setGlActive(true);
            }}
            onFailed={() => {
              glFailed.current = true;
              setGl(null);
              setGlActive(false);
            }}
            onUserMove={onCamera}
            onHover={onHover}
            onPick={onPick}
          />
        ) : null}
        {!glActive && camera && size ? (
          <SvgMap
            size={size}
            camera={camera}
            areas={areas}
            states={stateByCode}
            points={svgPoints}
            selected={selected?.area ?? null}
            hovered={hover?.kind === "area" ? hover.properties.code : null}
            focused={focusedArea}
            onHover={onHover}
            onPick={onPick}
            onCamera={onCamera}
            onGesture={wantGl}
          />
        ) : null}
      </div>
      <div className="map-zoom">
        <button type="button" onClick={() => zoomBy(1)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoomBy(-1)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={showUk} aria-label="Show the whole UK">
          UK
        </button>
      </div>
      {props.loading ? (
        <p className="map-status" role="status">
          Loading the map…
        </p>
      ) : props.updating ? (
        <p className="map-status" role="status">
          Updating…
        </p>
      ) : null}
      {shown ? (
        <MapTooltip
          target={shown}
          unit={props.unit}
          wave={props.wave}
          metricTitle={props.metricTitle}
          metricId={props.metricId}
          frame={frame}
          hint={focusTarget ? "Enter selects it" : touchHint}
        />
      ) : null}
      <p className="visually-hidden" id="map-keys">
        Arrow keys move between areas, Enter selects one and opens its details, plus and minus zoom, Shift
        with an arrow pans, 0 shows the whole UK. Every area is also in the Table tab.
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

/** The middle of the view, at the reference scale (where keyboard focus starts). */
function centreOf(camera: Camera, size: Size): { x: number; y: number } {
  const t = cameraTransform(camera, size, REFERENCE_SCALE);
  return { x: (size.width / 2 - t.tx) / t.s, y: (size.height / 2 - t.ty) / t.s };
}
