import { memo, type PointerEvent, useEffect, useMemo, useRef } from "react";
import { MISSING_STATUSES, type MissingStatus } from "../format/status";
import { type Camera, cameraTransform, panBy, type Size, zoomAround } from "./camera";
import type { AreaMapProperties } from "./geo";
import { PATTERN_CELL, patternRects, SMALL_BASE_PATTERN, smallBaseRects } from "./patterns";
import { POINT_STROKE, POINT_STROKE_WIDTH } from "./point-marks";
import { type ProjectedArea, REFERENCE_SCALE } from "./svg-geometry";

/** An organisation point ready to draw: its place at the reference scale and its mark. */
export interface SvgPoint {
  code: string;
  x: number;
  y: number;
  d: string;
  fill: string;
}

export type PointerKind = "mouse" | "touch" | "pen";

/** What is under the pointer: an area or an organisation point, with the pointer's place in the frame. */
export interface MapPick {
  kind: "area" | "organisation";
  code: string;
  x: number;
  y: number;
}

export interface SvgMapProps {
  size: Size;
  camera: Camera;
  areas: readonly ProjectedArea[];
  /** Each area's state by code (colour or status); an area without one is drawn as no data. */
  states: ReadonlyMap<string, AreaMapProperties>;
  points: readonly SvgPoint[];
  /** The selected area's outline (it may be at another level than the areas drawn). */
  selected: ProjectedArea | null;
  hovered: string | null;
  focused: ProjectedArea | null;
  /** Reports what is under the pointer: an area or point code with the pointer's place, or null. */
  onHover: (target: MapPick | null) => void;
  onPick: (target: MapPick, pointer: PointerKind) => void;
  /** A pan or zoom by hand: `done` at the end of the gesture. */
  onCamera: (camera: Camera, done: boolean) => void;
  /** The first sign of a pan or zoom (wheel, drag, pinch): time to bring in maplibre. */
  onGesture: () => void;
}

const patternId = (status: MissingStatus | typeof SMALL_BASE_PATTERN) => `map-pattern-${status}`;
const SEA = "#dde6ed";
const OUTLINE = "#3e4c59";

/** Every area's path, with its fill; re-rendered only when the data or the boundaries change. */
const AreaPaths = memo(function AreaPaths({
  areas,
  states,
}: {
  areas: readonly ProjectedArea[];
  states: ReadonlyMap<string, AreaMapProperties>;
}) {
  return (
    <>
      {areas.map((area) => {
        const state = states.get(area.code);
        const status = state?.status ?? "no_data";
        const fill =
          status === "ok" && state?.fill ? state.fill : `url(#${patternId(status as MissingStatus)})`;
        const path = (
          <path
            key={area.code}
            d={area.d}
            fill={fill}
            stroke={OUTLINE}
            strokeWidth={0.7}
            vectorEffect="non-scaling-stroke"
            data-code={area.code}
            data-status={status}
            data-small-base={state?.smallBase ? "true" : undefined}
            className="map-area"
          />
        );
        if (!state?.smallBase) return path;
        // A value resting on 1 to 4 organisations: hatched over its colour (small-base.ts).
        return (
          <g key={area.code}>
            {path}
            <path
              d={area.d}
              fill={`url(#${patternId(SMALL_BASE_PATTERN)})`}
              pointerEvents="none"
              className="map-small-base"
            />
          </g>
        );
      })}
    </>
  );
});

function Outline({
  area,
  casing,
  colour,
  width,
}: {
  area: ProjectedArea;
  casing: string;
  colour: string;
  width: number;
}) {
  return (
    <g className="map-outline" pointerEvents="none">
      <path
        d={area.d}
        fill="none"
        stroke={casing}
        strokeWidth={width + 3}
        vectorEffect="non-scaling-stroke"
      />
      <path d={area.d} fill="none" stroke={colour} strokeWidth={width} vectorEffect="non-scaling-stroke" />
    </g>
  );
}

interface Gesture {
  pointers: Map<number, { x: number; y: number }>;
  start: { x: number; y: number } | null;
  moved: boolean;
  camera: Camera;
}

/**
 * The choropleth as SVG: boundaries projected once and drawn under the camera's transform, so the map
 * appears as soon as its data are here, without WebGL, and panning or zooming only changes one
 * attribute. Patterns keep their on-screen size at every zoom. Pointer hover, click and tap, wheel
 * zoom, drag and pinch all work here, so nothing is lost while maplibre is still loading.
 */
export function SvgMap(props: SvgMapProps) {
  const { size, camera, areas, states, points, selected, hovered, focused } = props;
  const svg = useRef<SVGSVGElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const gesture = useRef<Gesture>({ pointers: new Map(), start: null, moved: false, camera });

  const t = cameraTransform(camera, size, REFERENCE_SCALE);
  const hoveredArea = useMemo(() => areas.find((a) => a.code === hovered) ?? null, [areas, hovered]);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling under the map.
  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    let pending: ReturnType<typeof setTimeout> | undefined;
    // Several wheel events can arrive within one frame, before the new camera is rendered: chain them.
    let wheeled: Camera | null = null;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const { size: frame } = latest.current;
      const now = wheeled ?? latest.current.camera;
      const rect = element.getBoundingClientRect();
      const lines = event.deltaMode === 1 ? 40 : event.deltaMode === 2 ? 800 : 1;
      const next = zoomAround(
        now,
        frame,
        Math.max(-1, Math.min(1, (-event.deltaY * lines) / 300)),
        event.clientX - rect.left,
        event.clientY - rect.top,
      );
      wheeled = next;
      latest.current.onGesture();
      latest.current.onCamera(next, false);
      clearTimeout(pending);
      pending = setTimeout(() => {
        wheeled = null;
        latest.current.onCamera(next, true);
      }, 250);
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => {
      clearTimeout(pending);
      element.removeEventListener("wheel", onWheel);
    };
  }, []);

  const local = (event: PointerEvent) => {
    const rect = svg.current!.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  // What is under the pointer now (during a captured gesture the event's target is the SVG itself).
  const targetOf = (event: PointerEvent): MapPick | null => {
    const element = document
      .elementFromPoint(event.clientX, event.clientY)
      ?.closest("[data-code], [data-org]");
    if (!element) return null;
    const org = element.getAttribute("data-org");
    const { x, y } = local(event);
    return org
      ? { kind: "organisation" as const, code: org, x, y }
      : { kind: "area" as const, code: element.getAttribute("data-code")!, x, y };
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    const g = gesture.current;
    g.pointers.set(event.pointerId, local(event));
    if (g.pointers.size === 1) {
      g.start = local(event);
      g.moved = false;
    }
    g.camera = latest.current.camera;
    svg.current?.setPointerCapture?.(event.pointerId);
  };

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const g = gesture.current;
    const before = g.pointers.get(event.pointerId);
    if (!before) {
      if (event.pointerType === "mouse") latest.current.onHover(targetOf(event));
      return;
    }
    const now = local(event);
    const others = [...g.pointers].filter(([id]) => id !== event.pointerId).map(([, p]) => p);
    if (others.length === 0) {
      if (!g.moved && g.start && Math.hypot(now.x - g.start.x, now.y - g.start.y) < 5) return;
      if (!g.moved) latest.current.onGesture();
      g.moved = true;
      g.camera = panBy(g.camera, now.x - before.x, now.y - before.y);
    } else {
      // Two fingers: zoom by the change in their distance, about their midpoint, and pan with it.
      const other = others[0]!;
      const was = Math.hypot(before.x - other.x, before.y - other.y);
      const is = Math.hypot(now.x - other.x, now.y - other.y);
      if (!g.moved) latest.current.onGesture();
      g.moved = true;
      const mid = { x: (now.x + other.x) / 2, y: (now.y + other.y) / 2 };
      const midBefore = { x: (before.x + other.x) / 2, y: (before.y + other.y) / 2 };
      g.camera = panBy(g.camera, mid.x - midBefore.x, mid.y - midBefore.y);
      if (was > 0 && is > 0)
        g.camera = zoomAround(g.camera, latest.current.size, Math.log2(is / was), mid.x, mid.y);
    }
    g.pointers.set(event.pointerId, now);
    latest.current.onHover(null);
    latest.current.onCamera(g.camera, false);
  };

  const onPointerUp = (event: PointerEvent<SVGSVGElement>) => {
    const g = gesture.current;
    if (!g.pointers.has(event.pointerId)) return;
    g.pointers.delete(event.pointerId);
    if (g.pointers.size > 0) return;
    if (g.moved) {
      latest.current.onCamera(g.camera, true);
    } else {
      const target = targetOf(event);
      if (target) latest.current.onPick(target, event.pointerType as PointerKind);
    }
    g.start = null;
    g.moved = false;
  };

  return (
    <svg
      ref={svg}
      className="map-svg"
      width={size.width}
      height={size.height}
      aria-hidden="true"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onPointerLeave={(event) => {
        if (event.pointerType === "mouse" && gesture.current.pointers.size === 0)
          latest.current.onHover(null);
      }}
    >
      <defs>
        {MISSING_STATUSES.map((status) => (
          // Tiles in the map's own coordinates, scaled back so they stay 8 px on screen at every zoom.
          <pattern
            key={status}
            id={patternId(status)}
            width={PATTERN_CELL}
            height={PATTERN_CELL}
            patternUnits="userSpaceOnUse"
            patternTransform={`scale(${1 / t.s})`}
          >
            {patternRects(status).map((r) => (
              <rect key={`${r.x}-${r.y}`} x={r.x} y={r.y} width={r.width} height={r.height} fill={r.fill} />
            ))}
          </pattern>
        ))}
        <pattern
          id={patternId(SMALL_BASE_PATTERN)}
          width={PATTERN_CELL}
          height={PATTERN_CELL}
          patternUnits="userSpaceOnUse"
          patternTransform={`scale(${1 / t.s})`}
        >
          {smallBaseRects().map((r) => (
            <rect key={`${r.x}-${r.y}`} x={r.x} y={r.y} width={r.width} height={r.height} fill={r.fill} />
          ))}
        </pattern>
      </defs>
      <rect width={size.width} height={size.height} fill={SEA} />
      <g transform={`translate(${t.tx} ${t.ty}) scale(${t.s})`}>
        <AreaPaths areas={areas} states={states} />
        {hoveredArea ? (
          <Outline area={hoveredArea} casing="transparent" colour="#000000" width={2.5} />
        ) : null}
        {selected ? <Outline area={selected} casing="#ffffff" colour="#000000" width={3} /> : null}
        {focused ? <Outline area={focused} casing="#000000" colour="#ffbf47" width={4} /> : null}
      </g>
      <g className="map-points">
        {points.map((p) => (
          <path
            key={p.code}
            transform={`translate(${(t.tx + p.x * t.s).toFixed(1)} ${(t.ty + p.y * t.s).toFixed(1)})`}
            d={p.d}
            fill={p.fill}
            stroke={POINT_STROKE}
            strokeWidth={POINT_STROKE_WIDTH}
            data-org={p.code}
            className="map-point"
          />
        ))}
      </g>
    </svg>
  );
}
