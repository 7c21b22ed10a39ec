/** TopoJSON plumbing for steps 3-5: pruning, small-ring filtering and simplification helpers. */
import type { Position } from "geojson";
import { filter as filterTopology } from "topojson-simplify";
import { ringAreaKm2, toKm } from "../reference-geo";

// TopoJSON plumbing (types kept local: topojson-specification is not hoisted)

export type TopoRing = number[];
export interface TopoGeometry {
  type: "Polygon" | "MultiPolygon" | null;
  arcs?: TopoRing[] | TopoRing[][];
  properties?: { code: string; name: string };
}
export interface Topo {
  type: "Topology";
  bbox?: number[];
  transform?: { scale: [number, number]; translate: [number, number] };
  objects: Record<string, { type: "GeometryCollection"; geometries: TopoGeometry[] }>;
  arcs: number[][][];
}
// biome-ignore lint/suspicious/noExplicitAny: bridge to the untyped topojson-specification Topology.
export type AnyTopo = any;

export function topoPolygons(g: TopoGeometry): TopoRing[][] {
  if (g.type === "Polygon") return [g.arcs as TopoRing[]];
  if (g.type === "MultiPolygon") return g.arcs as TopoRing[][];
  return [];
}

/** Absolute coordinates of a ring of an unquantized topology. */
export function ringCoordinates(topo: Topo, ring: TopoRing): Position[] {
  const out: Position[] = [];
  for (const index of ring) {
    const arc = topo.arcs[index < 0 ? ~index : index]!;
    const points = index < 0 ? arc.slice().reverse() : arc;
    points.forEach((p, i) => {
      if (i > 0 || out.length === 0) out.push([p[0]!, p[1]!]);
    });
  }
  return out;
}

/** Keeps only the arcs used by the objects and renumbers them (like topojson-simplify's internal prune). */
export function pruneTopology(topo: Topo): Topo {
  const newIndex = new Map<number, number>();
  const arcs: number[][][] = [];
  const mapArc = (i: number): number => {
    const abs = i < 0 ? ~i : i;
    let j = newIndex.get(abs);
    if (j === undefined) {
      j = arcs.length;
      newIndex.set(abs, j);
      arcs.push(topo.arcs[abs]!);
    }
    return i < 0 ? ~j : j;
  };
  const objects: Topo["objects"] = {};
  for (const [key, object] of Object.entries(topo.objects)) {
    objects[key] = {
      type: "GeometryCollection",
      geometries: object.geometries.map((g) => {
        if (g.type === "Polygon") return { ...g, arcs: (g.arcs as TopoRing[]).map((r) => r.map(mapArc)) };
        if (g.type === "MultiPolygon")
          return { ...g, arcs: (g.arcs as TopoRing[][]).map((p) => p.map((r) => r.map(mapArc))) };
        return g;
      }),
    };
  }
  return { type: "Topology", bbox: topo.bbox, transform: topo.transform, objects, arcs };
}

/**
 * Drops rings smaller than minKm2 unless they share an arc with a *different*
 * area (so neighbours never get holes) or are the largest polygon of their
 * area (so no area disappears). Slivers attached only to their own area's
 * rings, detached islets and small holes go. Rings below collapsedKm2 go even
 * when attached: after simplification those are degenerate slivers.
 */
export function dropSmallDetachedRings(
  topo: Topo,
  minKm2: number,
  collapsedKm2 = 0,
): { topo: Topo; dropped: number } {
  const ownersByArc = new Map<number, Set<number>>();
  const largestExterior = new Set<TopoRing>();
  topo.objects.areas!.geometries.forEach((g, gi) => {
    let best: TopoRing | undefined;
    let bestArea = -1;
    for (const polygon of topoPolygons(g)) {
      for (const ring of polygon) {
        for (const index of ring) {
          const arc = index < 0 ? ~index : index;
          const owners = ownersByArc.get(arc) ?? new Set<number>();
          owners.add(gi);
          ownersByArc.set(arc, owners);
        }
      }
      const area = ringAreaKm2(ringCoordinates(topo, polygon[0]!));
      if (area > bestArea) {
        bestArea = area;
        best = polygon[0];
      }
    }
    if (best) largestExterior.add(best);
  });
  let dropped = 0;
  const filtered = filterTopology(topo as AnyTopo, (ring) => {
    const r = ring as unknown as TopoRing;
    const area = ringAreaKm2(ringCoordinates(topo, r));
    const keep =
      largestExterior.has(r) ||
      (area >= collapsedKm2 &&
        r.some((index) => (ownersByArc.get(index < 0 ? ~index : index)?.size ?? 0) > 1)) ||
      area >= minKm2;
    if (!keep) dropped++;
    return keep;
  }) as unknown as Topo;
  return { topo: filtered, dropped };
}

/** Visvalingam effective area of a triangle, in km² (sinusoidal projection). */
export function triangleAreaKm2(t: number[][]): number {
  const [a, b, c] = t.map((p) => toKm(p)) as [[number, number], [number, number], [number, number]];
  return Math.abs((a[0] - c[0]) * (b[1] - a[1]) - (a[0] - b[0]) * (c[1] - a[1])) / 2;
}

/** After presimplify: make sure every ring keeps at least `minPoints` distinct points. */
export function protectRings(topo: Topo, minPoints: number): number {
  let promoted = 0;
  for (const g of topo.objects.areas!.geometries) {
    for (const polygon of topoPolygons(g)) {
      for (const ring of polygon) {
        const points: number[][] = [];
        for (const index of ring) {
          const arc = topo.arcs[index < 0 ? ~index : index]!;
          points.push(...arc.slice(0, -1), arc[arc.length - 1]!);
        }
        const keyOf = (p: number[]) => `${p[0]},${p[1]}`;
        const kept = new Set(points.filter((p) => p[2] === Number.POSITIVE_INFINITY).map(keyOf));
        if (kept.size >= minPoints) continue;
        const candidates = points
          .filter((p) => p[2] !== Number.POSITIVE_INFINITY)
          .sort((p, q) => q[2]! - p[2]!);
        for (const p of candidates) {
          if (kept.size >= minPoints) break;
          if (!kept.has(keyOf(p))) {
            p[2] = Number.POSITIVE_INFINITY;
            kept.add(keyOf(p));
            promoted++;
          }
        }
      }
    }
  }
  return promoted;
}
