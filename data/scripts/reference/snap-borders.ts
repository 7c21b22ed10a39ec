/**
 * Step 2 of the geometry pipeline: the Welsh and Scottish outlines come from
 * other sources than the ICBs, so their stretches along England are snapped
 * onto the England outline and become shared arcs.
 */
import type { MultiPolygon, Position } from "geojson";
import { distanceKm, pointSegmentDistanceKm, polygonsOf, rewindClockwise, toKm } from "../reference-geo";
import { SNAP_TOLERANCE_KM } from "./config";
import { type LocalArea, normaliseRing } from "./local-areas";
import { note } from "./util";

interface MasterVertexRef {
  ring: number;
  index: number;
}

export class MasterOutline {
  readonly rings: Position[][]; // open rings (no closing point)
  private readonly segmentGrid = new Map<string, [number, number][]>(); // cell -> [ring, segment start index]
  private readonly vertexGrid = new Map<string, MasterVertexRef[]>();
  private readonly cellKm: number;

  constructor(geometry: MultiPolygon, cellKm: number) {
    this.cellKm = cellKm;
    this.rings = geometry.coordinates.flatMap((polygon) => polygon.map((ring) => ring.slice(0, -1)));
    this.rings.forEach((ring, r) => {
      ring.forEach((p, i) => {
        const [x, y] = toKm(p);
        this.push(this.vertexGrid, this.key(x, y), { ring: r, index: i });
        const q = ring[(i + 1) % ring.length]!;
        const [qx, qy] = toKm(q);
        const x0 = Math.floor(Math.min(x, qx) / cellKm) - 1;
        const x1 = Math.floor(Math.max(x, qx) / cellKm) + 1;
        const y0 = Math.floor(Math.min(y, qy) / cellKm) - 1;
        const y1 = Math.floor(Math.max(y, qy) / cellKm) + 1;
        for (let cx = x0; cx <= x1; cx++)
          for (let cy = y0; cy <= y1; cy++) this.push(this.segmentGrid, `${cx},${cy}`, [r, i]);
      });
    });
  }

  private key(x: number, y: number): string {
    return `${Math.floor(x / this.cellKm)},${Math.floor(y / this.cellKm)}`;
  }

  private push<T>(grid: Map<string, T[]>, key: string, value: T): void {
    const list = grid.get(key);
    if (list) list.push(value);
    else grid.set(key, [value]);
  }

  vertex(ref: MasterVertexRef): Position {
    return this.rings[ref.ring]![ref.index]!;
  }

  /** Distance (km) to the outline, exact when below cellKm, else >= cellKm. */
  distance(p: Position): number {
    const [x, y] = toKm(p);
    let best = Number.POSITIVE_INFINITY;
    for (const [r, i] of this.segmentGrid.get(this.key(x, y)) ?? []) {
      const ring = this.rings[r]!;
      const d = pointSegmentDistanceKm(p, ring[i]!, ring[(i + 1) % ring.length]!);
      if (d < best) best = d;
    }
    return best;
  }

  nearestVertex(p: Position): { ref: MasterVertexRef; distance: number } | undefined {
    const [x, y] = toKm(p);
    const cx = Math.floor(x / this.cellKm);
    const cy = Math.floor(y / this.cellKm);
    let best: { ref: MasterVertexRef; distance: number } | undefined;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const ref of this.vertexGrid.get(`${cx + dx},${cy + dy}`) ?? []) {
          const d = distanceKm(p, this.vertex(ref));
          if (!best || d < best.distance) best = { ref, distance: d };
        }
      }
    }
    return best;
  }

  /** Vertices from `from` stepping `step` (+1/-1) around the ring to `to`, inclusive, and the path length. */
  path(from: MasterVertexRef, to: MasterVertexRef, step: 1 | -1): { points: Position[]; lengthKm: number } {
    const ring = this.rings[from.ring]!;
    const n = ring.length;
    const points: Position[] = [ring[from.index]!];
    let lengthKm = 0;
    for (let i = from.index; i !== to.index; ) {
      const j = (i + step + n) % n;
      lengthKm += distanceKm(ring[i]!, ring[j]!);
      points.push(ring[j]!);
      i = j;
    }
    return { points, lengthKm };
  }
}

const edgeKey = (a: Position, b: Position): string => {
  const ka = `${a[0]},${a[1]}`;
  const kb = `${b[0]},${b[1]}`;
  return ka < kb ? `${ka};${kb}` : `${kb};${ka}`;
};

/**
 * Replaces every run of >= 2 consecutive outline vertices of the given areas
 * that lie within SNAP_TOLERANCE_KM of the England outline with the matching
 * stretch of the England outline. Vertices on borders shared *within* the set
 * (e.g. Powys / Betsi Cadwaladr) are never moved, and run ends map to the
 * nearest England vertex, so neighbours in the set stay consistent.
 */
export function snapToMaster(areas: LocalArea[], master: MasterOutline, label: string): void {
  const edgeUse = new Map<string, number>();
  for (const area of areas) {
    for (const polygon of polygonsOf(area.geometry)) {
      for (const ring of polygon) {
        for (let i = 0; i < ring.length - 1; i++) {
          const k = edgeKey(ring[i]!, ring[i + 1]!);
          edgeUse.set(k, (edgeUse.get(k) ?? 0) + 1);
        }
      }
    }
  }
  let runs = 0;
  let movedVertices = 0;
  let snappedKm = 0;
  const skipped: string[] = [];
  for (const area of areas) {
    const polygons = polygonsOf(area.geometry).map((polygon) =>
      polygon.map((closed) => {
        const open = closed.slice(0, -1);
        const n = open.length;
        const onOutline = (i: number) =>
          edgeUse.get(edgeKey(open[(i - 1 + n) % n]!, open[i]!)) === 1 ||
          edgeUse.get(edgeKey(open[i]!, open[(i + 1) % n]!)) === 1;
        const eligible = open.map((p, i) => onOutline(i) && master.distance(p) <= SNAP_TOLERANCE_KM);
        const start = eligible.indexOf(false);
        if (start < 0 || !eligible.includes(true)) return closed;
        // Rotate so that the ring starts on a vertex that is not snapped: runs then never wrap.
        const pts = [...open.slice(start), ...open.slice(0, start)];
        const ok = [...eligible.slice(start), ...eligible.slice(0, start)];
        const out: Position[] = [];
        for (let i = 0; i < n; ) {
          if (!ok[i]) {
            out.push(pts[i]!);
            i++;
            continue;
          }
          let j = i;
          while (j + 1 < n && ok[j + 1]) j++;
          const run = pts.slice(i, j + 1);
          i = j + 1;
          if (run.length < 2) {
            out.push(...run);
            continue;
          }
          const a = master.nearestVertex(run[0]!);
          const b = master.nearestVertex(run[run.length - 1]!);
          let runKm = 0;
          for (let k = 1; k < run.length; k++) runKm += distanceKm(run[k - 1]!, run[k]!);
          const where = `${area.code} near ${run[0]![1]!.toFixed(3)},${run[0]![0]!.toFixed(3)} (${run.length} vertices, ${runKm.toFixed(1)} km)`;
          if (
            !a ||
            !b ||
            a.ref.ring !== b.ref.ring ||
            a.distance > 2 * SNAP_TOLERANCE_KM ||
            b.distance > 2 * SNAP_TOLERANCE_KM
          ) {
            skipped.push(`${where}: no matching England vertex`);
            out.push(...run);
            continue;
          }
          // Clockwise neighbours traverse a shared border in opposite directions, so walk England backwards.
          const backward = master.path(a.ref, b.ref, -1);
          const forward = master.path(a.ref, b.ref, 1);
          const chosen =
            Math.abs(backward.lengthKm - runKm) <= Math.abs(forward.lengthKm - runKm) ? backward : forward;
          if (Math.abs(chosen.lengthKm - runKm) > Math.max(2, 0.5 * runKm)) {
            skipped.push(`${where}: England path ${chosen.lengthKm.toFixed(1)} km does not match`);
            out.push(...run);
            continue;
          }
          runs++;
          movedVertices += run.length;
          snappedKm += runKm;
          out.push(...chosen.points);
        }
        const ring = normaliseRing(out);
        return ring;
      }),
    );
    area.geometry = rewindClockwise({ type: "MultiPolygon", coordinates: polygons });
  }
  note(
    `${label}: snapped ${runs} stretch(es) (${movedVertices} vertices, ${snappedKm.toFixed(0)} km of outline) onto the England outline within ${SNAP_TOLERANCE_KM} km`,
  );
  for (const s of skipped) note(`${label}: left unsnapped ${s}`);
}
