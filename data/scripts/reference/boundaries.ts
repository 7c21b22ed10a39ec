/** Steps 2-5 of the geometry pipeline: from the local areas to the three TopoJSON texts. */
import type { Feature, FeatureCollection, Geometry, MultiPolygon } from "geojson";
import { merge, mergeArcs, quantize } from "topojson-client";
import { topology as buildTopology } from "topojson-server";
import { presimplify, simplify } from "topojson-simplify";
import { type AreaRow, LEVELS, type Level } from "../validate-reference";
import {
  COLLAPSED_RING_KM2,
  MIN_RING_AREA_KM2,
  QUANTIZATION,
  SIMPLIFY_MIN_AREA_KM2,
  SNAP_TOLERANCE_KM,
} from "./config";
import { type LocalArea, NATIONS } from "./local-areas";
import { MasterOutline, snapToMaster } from "./snap-borders";
import {
  type AnyTopo,
  dropSmallDetachedRings,
  protectRings,
  pruneTopology,
  type Topo,
  type TopoGeometry,
  type TopoRing,
  topoPolygons,
  triangleAreaKm2,
} from "./topology";
import { note } from "./util";

export interface Boundaries {
  /** Snapped but unsimplified geometry by local area code. */
  fullGeometry: Map<string, Geometry>;
  topoJsonText: Record<Level, string>;
}

/** Snaps the local areas (mutating their geometry), simplifies them and dissolves regions and nations. */
export function buildBoundaries(locals: LocalArea[], areaRows: AreaRow[]): Boundaries {
  const icbTopo = buildTopology({
    icb: {
      type: "FeatureCollection",
      features: locals
        .filter((l) => l.kind === "icb")
        .map((l) => ({ type: "Feature", properties: {}, geometry: l.geometry })),
    } as FeatureCollection,
  }) as AnyTopo;
  const englandOutline = merge(icbTopo, icbTopo.objects.icb.geometries) as MultiPolygon;
  const master = new MasterOutline(englandOutline, 2 * SNAP_TOLERANCE_KM);
  snapToMaster(
    locals.filter((l) => l.kind === "lhb"),
    master,
    "Wales/England border",
  );
  snapToMaster(
    locals.filter((l) => l.kind === "hb"),
    master,
    "Scotland/England border",
  );
  // The unsimplified (but snapped) geometry is what organisation points are tested against.
  const fullGeometry = new Map<string, Geometry>(locals.map((l) => [l.code, l.geometry]));

  // --- Geometry: topology, islet filter, simplification ----------------------------
  const localFc: FeatureCollection = {
    type: "FeatureCollection",
    features: locals.map(
      (l): Feature => ({ type: "Feature", properties: { code: l.code, name: l.name }, geometry: l.geometry }),
    ),
  };
  let topo = buildTopology({ areas: localFc }) as unknown as Topo;
  const pointsBefore = topo.arcs.reduce((s, a) => s + a.length, 0);

  const islets = dropSmallDetachedRings(topo, MIN_RING_AREA_KM2);
  topo = islets.topo;
  note(
    `dropped ${islets.dropped} rings (islets, slivers, holes) smaller than ${MIN_RING_AREA_KM2} km² that share no border with another area, before simplification`,
  );

  const pre = presimplify(topo as AnyTopo, triangleAreaKm2 as AnyTopo) as unknown as Topo;
  const promoted = protectRings(pre, 3);
  topo = simplify(pre as AnyTopo, SIMPLIFY_MIN_AREA_KM2) as unknown as Topo;
  const afterSimplify = dropSmallDetachedRings(topo, SIMPLIFY_MIN_AREA_KM2, COLLAPSED_RING_KM2);
  topo = afterSimplify.topo;
  note(
    `after simplification dropped ${afterSimplify.dropped} more rings: detached ones below ${SIMPLIFY_MIN_AREA_KM2} km² and collapsed border slivers below ${COLLAPSED_RING_KM2} km²`,
  );
  const pointsAfter = topo.arcs.reduce((s, a) => s + a.length, 0);
  note(
    `Visvalingam simplification at ${SIMPLIFY_MIN_AREA_KM2} km² effective area: ${pointsBefore} -> ${pointsAfter} arc points (${promoted} points force-kept so every ring keeps >= 3 distinct points)`,
  );

  // --- Dissolve regions and nations from the simplified local topology ---------
  const localGeoms = topo.objects.areas!.geometries;
  const localGeomByCode = new Map(localGeoms.map((g) => [g.properties!.code, g]));
  const dissolve = (code: string, name: string, childCodes: string[]): TopoGeometry => {
    const children = childCodes.map((c) => localGeomByCode.get(c)!);
    const merged = mergeArcs(topo as AnyTopo, children as AnyTopo) as unknown as { arcs: TopoRing[][] };
    return merged.arcs.length === 1
      ? { type: "Polygon", arcs: merged.arcs[0]!, properties: { code, name } }
      : { type: "MultiPolygon", arcs: merged.arcs, properties: { code, name } };
  };
  const normaliseLocal = (g: TopoGeometry): TopoGeometry => {
    const polygons = topoPolygons(g);
    return polygons.length === 1
      ? { type: "Polygon", arcs: polygons[0]!, properties: g.properties! }
      : { type: "MultiPolygon", arcs: polygons, properties: g.properties! };
  };
  const geometriesByLevel: Record<Level, TopoGeometry[]> = {
    nation: NATIONS.map((n) =>
      dissolve(
        n.code,
        n.name,
        locals.filter((l) => l.nation === n.code).map((l) => l.code),
      ),
    ),
    region: areaRows
      .filter((a) => a.level === "region")
      .map((r) =>
        dissolve(
          r.code,
          r.name,
          locals.filter((l) => l.region === r.code).map((l) => l.code),
        ),
      ),
    local: locals.map((l) => normaliseLocal(localGeomByCode.get(l.code)!)),
  };

  // One transform for all three files, so shared borders quantize identically.
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const arc of topo.arcs) {
    for (const [x, y] of arc as [number, number][]) {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  const bbox = [x0, y0, x1, y1];
  const transform = {
    scale: [(x1 - x0) / (QUANTIZATION - 1), (y1 - y0) / (QUANTIZATION - 1)] as [number, number],
    translate: [x0, y0] as [number, number],
  };
  const topoJsonText: Record<Level, string> = { nation: "", region: "", local: "" };
  for (const level of LEVELS) {
    const pruned = pruneTopology({
      type: "Topology",
      bbox,
      objects: { areas: { type: "GeometryCollection", geometries: geometriesByLevel[level] } },
      arcs: topo.arcs,
    });
    const quantized = quantize(pruned as AnyTopo, transform) as unknown as Topo;
    const ordered = {
      type: "Topology",
      bbox,
      transform,
      objects: {
        areas: {
          type: "GeometryCollection",
          geometries: quantized.objects.areas!.geometries.map((g) => ({
            type: g.type,
            arcs: g.arcs,
            properties: { code: g.properties!.code, name: g.properties!.name },
          })),
        },
      },
      arcs: quantized.arcs,
    };
    topoJsonText[level] = JSON.stringify(ordered);
  }
  return { fullGeometry, topoJsonText };
}
