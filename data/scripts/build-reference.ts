/**
 * Builds the committed UK reference geography in data/reference/ from the raw
 * public data in ../shared/data/raw (override with RAW_DIR).
 *
 *   npx tsx data/scripts/build-reference.ts      (or: pnpm build:reference)
 *
 * Outputs: areas.csv, organisations.csv, attribution.json and
 * boundaries/{nation,region,local}.topo.json. The run is deterministic: the
 * same raw files give byte-identical outputs. Every decision taken here is
 * documented in data/README.md. Nothing is written unless validation passes;
 * on failure the script exits 1 and names the offending codes.
 *
 * Geometry pipeline:
 *   1. Local areas = 42 ICBs (ONS BSC) + 14 Scottish HBs (SG 2019) + 7 Welsh
 *      LHBs (ONS BUC) + 5 NI HSC trusts (DoH NI). Rings are closed, de-duplicated
 *      and wound clockwise (d3-geo convention).
 *   2. The Welsh and Scottish outlines come from other sources than the ICBs, so
 *      their stretches that run along England are snapped onto the England
 *      outline (the union of the ICBs). After that the cross-border edges are
 *      identical and become shared arcs: no slivers or overlaps at any level.
 *   3. One unquantized topology of the 68 local areas; small detached islets
 *      are dropped, then Visvalingam simplification (area weight in km²) with
 *      every surviving ring kept at >= 3 distinct points.
 *   4. Regions and nations are dissolved from the simplified local topology
 *      with topojson-client mergeArcs, so all three levels nest exactly and
 *      share the same arcs. Devolved "regions" therefore equal their nation.
 *   5. Each level is pruned to its arcs and quantized with one shared transform.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from "geojson";
import { merge, mergeArcs, quantize } from "topojson-client";
import { topology as buildTopology } from "topojson-server";
import { filter as filterTopology, presimplify, simplify } from "topojson-simplify";
import {
  type AreaGeometry,
  distanceKm,
  interiorPoint,
  pointInGeometry,
  pointSegmentDistanceKm,
  polygonsOf,
  type Ring,
  rewindClockwise,
  ringAreaKm2,
  toKm,
} from "./reference-geo";
import {
  AREA_COLUMNS,
  type AreaRow,
  type BoundaryFeature,
  boundaryFeaturesFromTopology,
  errorsOf,
  type Issue,
  LEVELS,
  type Level,
  ORGANISATION_COLUMNS,
  type OrganisationRow,
  type OrganisationType,
  parseAreasCsv,
  parseOrganisationsCsv,
  validateOrganisationLocations,
  validateReference,
  warningsOf,
} from "./validate-reference";

// ---------------------------------------------------------------------------
// Configuration

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RAW_DIR = path.resolve(process.env.RAW_DIR ?? path.join(REPO_ROOT, "../shared/data/raw"));
const OUT_DIR = path.join(REPO_ROOT, "data/reference");

/** Max distance (km) at which a Welsh/Scottish outline vertex is snapped onto the England outline. */
const SNAP_TOLERANCE_KM = Number(process.env.SNAP_TOLERANCE_KM ?? 0.5);
/** Visvalingam threshold: points whose effective triangle area is below this (km²) are removed. */
const SIMPLIFY_MIN_AREA_KM2 = Number(process.env.SIMPLIFY_MIN_AREA_KM2 ?? 0.1);
/** Detached rings (islets, lakes) smaller than this (km², before simplification) are dropped. */
const MIN_RING_AREA_KM2 = Number(process.env.MIN_RING_AREA_KM2 ?? 0.25);
/** After simplification, rings below this (km²) are degenerate slivers and are dropped even on a shared border. */
const COLLAPSED_RING_KM2 = 0.05;
/** Quantization of the written TopoJSON (grid of n x n over the UK bounding box). */
const QUANTIZATION = 1e5;
/** Output budget from the brief. */
const MAX_BOUNDARY_BYTES = 1_000_000;
const MAX_BOUNDARY_GZIP_BYTES = 300_000;

const OGL = "OGL v3.0";

// ---------------------------------------------------------------------------
// Small utilities

const notes: string[] = [];
function note(message: string): void {
  notes.push(message);
  console.log(`  - ${message}`);
}

function fail(message: string): never {
  console.error(`build-reference: ${message}`);
  process.exit(1);
}

function rawPath(...p: string[]): string {
  return path.join(RAW_DIR, ...p);
}

function readCsvObjects(file: string): Record<string, string>[] {
  return parse(readFileSync(rawPath(file), "utf8"), { columns: true, skip_empty_lines: true, bom: true });
}

function readCsvRows(file: string): string[][] {
  return parse(readFileSync(rawPath(file), "utf8"), { columns: false, skip_empty_lines: true, bom: true });
}

type RawProps = Record<string, string | number | null>;
function readGeoJson(file: string): FeatureCollection<Polygon | MultiPolygon, RawProps> {
  return JSON.parse(readFileSync(rawPath("boundaries", file), "utf8"));
}

function csvField(value: string | number): string {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(columns: readonly string[], rows: Record<string, string | number>[]): string {
  const lines = [columns.join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c] ?? "")).join(","));
  return `${lines.join("\n")}\n`;
}

/** "20241101" -> "2024-11-01"; "" -> "". */
function odsDate(value: string | undefined): string {
  const v = (value ?? "").trim();
  if (!v) return "";
  if (/^\d{8}$/.test(v)) return `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  fail(`unrecognised date "${v}"`);
}

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const SMALL_WORDS = new Set(["and", "of", "the", "upon", "on", "in", "for", "with", "at", "by", "a"]);
const ACRONYMS = new Set(["NHS", "HSC", "UK", "CIC", "IAPT"]);
/** Official stylings that generic title-casing cannot produce (checked against the trusts' own usage). */
const NAME_OVERRIDES: Record<string, string> = {
  "DORSET HEALTHCARE UNIVERSITY NHS FOUNDATION TRUST": "Dorset HealthCare University NHS Foundation Trust",
};

/** Title-cases an upper-case ODS name: "THE NEWCASTLE UPON TYNE HOSPITALS NHS FOUNDATION TRUST" -> "The Newcastle upon Tyne Hospitals NHS Foundation Trust". */
function titleCaseOrganisationName(name: string): string {
  const upper = name.trim().replace(/\s+/g, " ").toUpperCase();
  const override = NAME_OVERRIDES[upper];
  if (override) return override;
  const capitalise = (w: string) =>
    w.replace(
      /^([^A-Za-z]*)([A-Za-z])(.*)$/,
      (_m, pre, c, rest) => pre + c.toUpperCase() + rest.toLowerCase(),
    );
  return upper
    .split(" ")
    .map((word, i) => {
      const bare = word.replace(/[^A-Z&']/g, "");
      if (ACRONYMS.has(bare)) return word;
      const lower = word.toLowerCase();
      if (i > 0 && SMALL_WORDS.has(lower)) return lower;
      return word
        .split("-")
        .map((part) => capitalise(part))
        .join("-");
    })
    .join(" ");
}

// ---------------------------------------------------------------------------
// Raw inputs

interface LocalArea {
  code: string;
  name: string;
  nation: string;
  region: string;
  kind: "icb" | "hb" | "lhb" | "hsct";
  geometry: AreaGeometry;
  /** ONS LAT/LONG attribute when the boundary file has one. */
  labelPoint?: [number, number];
}

const NATIONS = [
  { code: "E92000001", name: "England" },
  { code: "N92000002", name: "Northern Ireland" },
  { code: "S92000003", name: "Scotland" },
  { code: "W92000004", name: "Wales" },
] as const;

/** ONS pseudo codes used for the devolved nations in the NHS England region field of ONS postcode directories. */
const DEVOLVED_REGIONS = [
  { code: "N99999999", name: "Northern Ireland", nation: "N92000002" },
  { code: "S99999999", name: "Scotland", nation: "S92000003" },
  { code: "W99999999", name: "Wales", nation: "W92000004" },
] as const;

function normaliseRing(ring: Position[]): Ring {
  const out: Ring = [];
  for (const p of ring) {
    const q: Position = [Number(p[0]), Number(p[1])];
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== q[0] || prev[1] !== q[1]) out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0]!, first[1]!]);
  return out;
}

function normaliseGeometry(geometry: Polygon | MultiPolygon, code: string): AreaGeometry {
  const polygons = polygonsOf(geometry)
    .map((polygon) => polygon.map(normaliseRing).filter((ring) => ring.length >= 4))
    .filter((polygon) => polygon.length > 0);
  if (polygons.length === 0) fail(`boundary ${code} has no usable polygon`);
  return rewindClockwise({ type: "MultiPolygon", coordinates: polygons });
}

function labelPointOf(props: RawProps): [number, number] | undefined {
  const lon = Number(props.LONG);
  const lat = Number(props.LAT);
  return Number.isFinite(lon) && Number.isFinite(lat) && props.LONG !== undefined ? [lon, lat] : undefined;
}

// ---------------------------------------------------------------------------
// Step 2: snap Welsh and Scottish outlines onto the England outline

interface MasterVertexRef {
  ring: number;
  index: number;
}

class MasterOutline {
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
function snapToMaster(areas: LocalArea[], master: MasterOutline, label: string): void {
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

// ---------------------------------------------------------------------------
// TopoJSON plumbing (types kept local: topojson-specification is not hoisted)

type TopoRing = number[];
interface TopoGeometry {
  type: "Polygon" | "MultiPolygon" | null;
  arcs?: TopoRing[] | TopoRing[][];
  properties?: { code: string; name: string };
}
interface Topo {
  type: "Topology";
  bbox?: number[];
  transform?: { scale: [number, number]; translate: [number, number] };
  objects: Record<string, { type: "GeometryCollection"; geometries: TopoGeometry[] }>;
  arcs: number[][][];
}
// biome-ignore lint/suspicious/noExplicitAny: bridge to the untyped topojson-specification Topology.
type AnyTopo = any;

function topoPolygons(g: TopoGeometry): TopoRing[][] {
  if (g.type === "Polygon") return [g.arcs as TopoRing[]];
  if (g.type === "MultiPolygon") return g.arcs as TopoRing[][];
  return [];
}

/** Absolute coordinates of a ring of an unquantized topology. */
function ringCoordinates(topo: Topo, ring: TopoRing): Position[] {
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
function pruneTopology(topo: Topo): Topo {
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
function dropSmallDetachedRings(
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
function triangleAreaKm2(t: number[][]): number {
  const [a, b, c] = t.map((p) => toKm(p)) as [[number, number], [number, number], [number, number]];
  return Math.abs((a[0] - c[0]) * (b[1] - a[1]) - (a[0] - b[0]) * (c[1] - a[1])) / 2;
}

/** After presimplify: make sure every ring keeps at least `minPoints` distinct points. */
function protectRings(topo: Topo, minPoints: number): number {
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

// ---------------------------------------------------------------------------
// Main

function main(): void {
  console.log(`build-reference: raw data from ${RAW_DIR}`);

  // --- Boundaries and area lists --------------------------------------------
  const countriesFc = readGeoJson("uk_countries_dec2022_buc.geojson");
  const nhserFc = readGeoJson("nhs_england_regions_jul2022_buc.geojson");
  const icbFc = readGeoJson("icb_apr2023_bsc.geojson");
  const lhbFc = readGeoJson("wales_lhb_apr2022_buc.geojson");
  const hbFc = readGeoJson("scotland_health_boards_2019.geojson");
  const niFc = readGeoJson("ni_hsc_trusts_2018.geojson");
  const icbLookup = readCsvObjects("organisations/icb_sicbl_region_codes_2024.csv");
  const population = readCsvObjects("population/population_summary_uk_health_geographies.csv");

  for (const n of NATIONS) {
    const f = countriesFc.features.find((x) => x.properties.CTRY22CD === n.code);
    if (!f || f.properties.CTRY22NM !== n.name)
      fail(`country ${n.code} ${n.name} not found in the countries boundary file`);
  }

  const nhserOfIcb = new Map<string, string>();
  const icbOdsToOns = new Map<string, string>();
  const nhserName = new Map<string, string>();
  for (const r of icbLookup) {
    const prev = nhserOfIcb.get(r.icb_code!);
    if (prev && prev !== r.nhser_code) fail(`ICB ${r.icb_code} maps to two NHS England regions`);
    nhserOfIcb.set(r.icb_code!, r.nhser_code!);
    icbOdsToOns.set(r.icb_ods_code!, r.icb_code!);
    nhserName.set(r.nhser_code!, r.nhser_name!);
  }
  const englandRegions = nhserFc.features
    .map((f) => ({ code: String(f.properties.NHSER22CD), name: String(f.properties.NHSER22NM) }))
    .sort((a, b) => compareStrings(a.code, b.code));
  for (const r of englandRegions) {
    if (nhserName.get(r.code) !== r.name)
      fail(`NHS England region ${r.code} "${r.name}" does not match the ICB lookup`);
  }

  const niPopulationRows = population.filter((r) => r.geography_type === "HSCT");
  const locals: LocalArea[] = [];
  for (const f of icbFc.features) {
    const code = String(f.properties.ICB23CD);
    const region = nhserOfIcb.get(code);
    if (!region) fail(`ICB ${code} is not in icb_sicbl_region_codes_2024.csv`);
    locals.push({
      code,
      name: String(f.properties.ICB23NM),
      nation: "E92000001",
      region,
      kind: "icb",
      geometry: normaliseGeometry(f.geometry, code),
      labelPoint: labelPointOf(f.properties),
    });
  }
  for (const f of hbFc.features) {
    const code = String(f.properties.hb19_code);
    locals.push({
      code,
      name: `NHS ${f.properties.hb19_name}`,
      nation: "S92000003",
      region: "S99999999",
      kind: "hb",
      geometry: normaliseGeometry(f.geometry, code),
    });
  }
  for (const f of lhbFc.features) {
    const code = String(f.properties.LHB22CD);
    locals.push({
      code,
      name: String(f.properties.LHB22NM),
      nation: "W92000004",
      region: "W99999999",
      kind: "lhb",
      geometry: normaliseGeometry(f.geometry, code),
      labelPoint: labelPointOf(f.properties),
    });
  }
  for (const f of niFc.features) {
    const code = String(f.properties.trust18_code);
    const pop = niPopulationRows.find((r) => r.code === code);
    if (!pop) fail(`NI trust ${code} has no population row`);
    if (!pop.name!.startsWith(String(f.properties.trust18_name))) fail(`NI trust ${code} name mismatch`);
    locals.push({
      code,
      name: pop.name!,
      nation: "N92000002",
      region: "N99999999",
      kind: "hsct",
      geometry: normaliseGeometry(f.geometry, code),
    });
  }
  locals.sort((a, b) => compareStrings(a.code, b.code));
  const localByCode = new Map(locals.map((l) => [l.code, l]));

  // --- Populations ----------------------------------------------------------
  console.log("Populations");
  const popRow = (type: string, code: string, year: string) => {
    const rows = population.filter((r) => r.geography_type === type && r.code === code && r.year === year);
    if (rows.length !== 1)
      fail(`expected one ${type} population row for ${code} ${year}, found ${rows.length}`);
    return rows[0]!;
  };
  const int = (s: string | undefined, what: string): number => {
    const n = Number(s);
    if (!s || !Number.isInteger(n)) fail(`${what}: "${s}" is not an integer`);
    return n;
  };
  const SAPE = "ONS mid-2022 population estimates for health geographies (sapehealthgeogstablefinal)";
  const localPopulation = new Map<string, { adults: number; year: number; source: string }>();
  // Method check for NI on GB areas, where the true 18+ is known.
  const niMethodErrors: number[] = [];
  for (const l of locals) {
    if (l.kind === "hsct") {
      const r = popRow("HSCT", l.code, "2020");
      const all = int(r.all_ages, `${l.code} all_ages`);
      const over16 = int(r.aged_16_plus, `${l.code} aged_16_plus`);
      const age16to17 = Math.round(((all - over16) * 2) / 16);
      localPopulation.set(l.code, {
        adults: over16 - age16to17,
        year: 2020,
        source: `NISRA mid-2020 population estimates by HSC Trust: 18+ derived as 16+ minus 2/16 of ages 0-15 (see data/README.md), ${OGL}`,
      });
      continue;
    }
    const type = { icb: "ICB", hb: "HB", lhb: "LHB" }[l.kind];
    const r = popRow(type, l.code, "2022");
    const adults = int(r.aged_18_plus, `${l.code} aged_18_plus`);
    const all = int(r.all_ages, `${l.code} all_ages`);
    const over16 = int(r.aged_16_plus, `${l.code} aged_16_plus`);
    niMethodErrors.push((over16 - Math.round(((all - over16) * 2) / 16) - adults) / adults);
    localPopulation.set(l.code, {
      adults,
      year: 2022,
      source:
        l.kind === "icb"
          ? `${SAPE}, ICB 2023, ${OGL}`
          : l.kind === "lhb"
            ? `${SAPE}, LHB 2023, ${OGL}`
            : `NRS mid-2022 population estimates by council area, aggregated to NHS Health Boards (HB2019), ${OGL}`,
    });
  }
  const meanAbs = niMethodErrors.reduce((s, e) => s + Math.abs(e), 0) / niMethodErrors.length;
  const maxAbs = Math.max(...niMethodErrors.map(Math.abs));
  note(
    `NI 18+ method (16+ minus 2/16 of 0-15) tested on the ${niMethodErrors.length} GB local areas with known 18+: mean |error| ${(meanAbs * 100).toFixed(2)}%, max |error| ${(maxAbs * 100).toFixed(2)}% of 18+`,
  );

  // --- Area rows -------------------------------------------------------------
  const areaRows: AreaRow[] = [];
  const sumOf = (codes: string[]) => codes.reduce((s, c) => s + (localPopulation.get(c)?.adults ?? 0), 0);
  const yearOfNation: Record<string, number> = {
    E92000001: 2022,
    S92000003: 2022,
    W92000004: 2022,
    N92000002: 2020,
  };
  const nationSource: Record<string, string> = {
    E92000001: `Sum of the 42 ICBs: ${SAPE}, ${OGL}`,
    S92000003: `Sum of the 14 NHS Health Boards: NRS mid-2022 population estimates, ${OGL}`,
    W92000004: `Sum of the 7 Local Health Boards: ${SAPE}, ${OGL}`,
    N92000002: `Sum of the 5 HSC Trusts: NISRA mid-2020 estimates, 18+ derived from 16+ (see data/README.md), ${OGL}`,
  };
  for (const n of NATIONS) {
    areaRows.push({
      code: n.code,
      name: n.name,
      level: "nation",
      parent_code: "",
      adult_population: sumOf(locals.filter((l) => l.nation === n.code).map((l) => l.code)),
      population_year: yearOfNation[n.code]!,
      population_source: nationSource[n.code]!,
    });
  }
  for (const r of englandRegions) {
    const children = locals.filter((l) => l.region === r.code);
    areaRows.push({
      code: r.code,
      name: r.name,
      level: "region",
      parent_code: "E92000001",
      adult_population: sumOf(children.map((l) => l.code)),
      population_year: 2022,
      population_source: `Sum of the ${children.length} ICBs: ${SAPE}, ${OGL}`,
    });
  }
  for (const r of DEVOLVED_REGIONS) {
    const children = locals.filter((l) => l.region === r.code);
    const nation = areaRows.find((a) => a.code === r.nation)!;
    areaRows.push({
      code: r.code,
      name: r.name,
      level: "region",
      parent_code: r.nation,
      adult_population: sumOf(children.map((l) => l.code)),
      population_year: nation.population_year,
      population_source: `ONS pseudo code for ${r.name} (no NHS England region); ${nation.population_source}`,
    });
  }
  for (const l of locals) {
    const p = localPopulation.get(l.code)!;
    areaRows.push({
      code: l.code,
      name: l.name,
      level: "local",
      parent_code: l.region,
      adult_population: p.adults,
      population_year: p.year,
      population_source: p.source,
    });
  }
  const levelOrder: Record<Level, number> = { nation: 0, region: 1, local: 2 };
  areaRows.sort((a, b) => levelOrder[a.level] - levelOrder[b.level] || compareStrings(a.code, b.code));
  // Cross-check the sums against the summary file's own NHSER / country rows.
  for (const a of areaRows) {
    const type = a.level === "nation" ? "CTRY" : a.level === "region" ? "NHSER" : "";
    if (!type || a.code === "N92000002") continue;
    const r = population.find((x) => x.geography_type === type && x.code === a.code && x.year === "2022");
    if (r && Number(r.aged_18_plus) !== a.adult_population) {
      fail(`${a.code}: sum of children ${a.adult_population} != published ${type} total ${r.aged_18_plus}`);
    }
  }
  note(
    "England, Scotland, Wales and the 7 NHS England region totals equal the summary file's own NHSER/CTRY 18+ rows",
  );

  // --- Geometry: snap cross-source borders -------------------------------------
  console.log("Geometry");
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

  // --- Organisations -------------------------------------------------------------
  console.log("Organisations");
  const organisations = buildOrganisations(locals, localByCode, icbOdsToOns, fullGeometry);

  // --- Serialise, parse back, validate -------------------------------------------
  const areasCsv = toCsv(
    AREA_COLUMNS,
    areaRows.map((a) => ({ ...a })),
  );
  const organisationsCsv = toCsv(
    ORGANISATION_COLUMNS,
    organisations.map((o) => ({ ...o, lat: String(round5(o.lat)), lon: String(round5(o.lon)) })),
  );
  const parsed = {
    areas: parseAreasCsv(areasCsv),
    organisations: parseOrganisationsCsv(organisationsCsv),
    boundaries: Object.fromEntries(
      LEVELS.map((level) => [level, boundaryFeaturesFromTopology(JSON.parse(topoJsonText[level]))]),
    ) as Record<Level, BoundaryFeature[]>,
  };
  // Organisation points are tested on the unsimplified geometry (brief) and, for
  // boards/trusts, also on the simplified geometry that the map will draw.
  const issues: Issue[] = [
    ...validateReference(parsed, fullGeometry),
    ...errorsOf(
      validateOrganisationLocations(
        parsed.organisations,
        new Map(parsed.boundaries.local.map((f) => [f.code, f.geometry])),
      ),
    ).map((i) => ({ ...i, message: `${i.message} (simplified boundary)` })),
  ];
  for (const w of warningsOf(issues)) console.warn(`  warning [${w.check}] ${w.code}: ${w.message}`);
  const errors = errorsOf(issues);
  if (process.env.DEBUG_DIR) {
    mkdirSync(process.env.DEBUG_DIR, { recursive: true });
    for (const level of LEVELS)
      writeFileSync(path.join(process.env.DEBUG_DIR, `${level}.topo.json`), topoJsonText[level]);
  }
  if (errors.length > 0) {
    for (const e of errors) console.error(`  error [${e.check}] ${e.code}: ${e.message}`);
    fail(
      `${errors.length} validation error(s); nothing written. Offending codes: ${[...new Set(errors.map((e) => e.code))].join(", ")}`,
    );
  }

  // --- Size budget ------------------------------------------------------------------
  let totalBytes = 0;
  let totalGzip = 0;
  const sizeLines: string[] = [];
  for (const level of LEVELS) {
    const bytes = Buffer.byteLength(topoJsonText[level]);
    const gz = gzipSync(topoJsonText[level], { level: 9 }).length;
    totalBytes += bytes;
    totalGzip += gz;
    sizeLines.push(`${level}.topo.json ${bytes} B (gzip ${gz} B)`);
  }
  if (totalBytes >= MAX_BOUNDARY_BYTES || totalGzip >= MAX_BOUNDARY_GZIP_BYTES) {
    fail(
      `boundary files too large: ${totalBytes} B raw / ${totalGzip} B gzip (limits ${MAX_BOUNDARY_BYTES} / ${MAX_BOUNDARY_GZIP_BYTES})`,
    );
  }

  // --- Write -------------------------------------------------------------------------
  mkdirSync(path.join(OUT_DIR, "boundaries"), { recursive: true });
  writeFileSync(path.join(OUT_DIR, "areas.csv"), areasCsv);
  writeFileSync(path.join(OUT_DIR, "organisations.csv"), organisationsCsv);
  for (const level of LEVELS)
    writeFileSync(path.join(OUT_DIR, "boundaries", `${level}.topo.json`), topoJsonText[level]);
  writeFileSync(path.join(OUT_DIR, "attribution.json"), `${JSON.stringify(ATTRIBUTION, null, 2)}\n`);

  console.log("Summary");
  for (const level of LEVELS)
    console.log(`  ${level}: ${areaRows.filter((a) => a.level === level).length} areas`);
  const byType = new Map<string, number>();
  for (const o of organisations) byType.set(o.type, (byType.get(o.type) ?? 0) + 1);
  console.log(
    `  organisations: ${organisations.length} (${[...byType].map(([t, n]) => `${t} ${n}`).join(", ")})`,
  );
  for (const s of sizeLines) console.log(`  ${s}`);
  console.log(`  boundaries total ${totalBytes} B (gzip ${totalGzip} B)`);
  console.log(
    `  ${warningsOf(issues).length} warning(s), 0 errors. Wrote ${path.relative(REPO_ROOT, OUT_DIR)}/`,
  );
}

// ---------------------------------------------------------------------------
// Organisations

interface TrustFacts {
  code: string;
  type: OrganisationType;
}

/**
 * Closed predecessors and their successors. RRP/TAF -> G6V2S is stated in
 * england_mental_health_trusts.csv; R1C -> RW1 is a manual decision (README).
 */
const SUCCESSORS: Record<
  string,
  { successor: string; mentalHealthPredecessor: boolean; closedOn?: string; name?: string; why: string }
> = {
  RRP: {
    successor: "G6V2S",
    mentalHealthPredecessor: true,
    why: "england_mental_health_trusts.csv evidence for G6V2S",
  },
  TAF: {
    successor: "G6V2S",
    mentalHealthPredecessor: true,
    closedOn: "2024-10-31",
    name: "CAMDEN AND ISLINGTON NHS FOUNDATION TRUST",
    why: "england_mental_health_trusts.csv evidence for G6V2S; TAF is in neither etr file, so closed_on is the day before G6V2S opened (2024-11-01), the same as RRP's ODS close date",
  },
  R1C: {
    successor: "RW1",
    mentalHealthPredecessor: false, // PROVENANCE excludes R1C from the MH list as closed; it enters via the TT flag
    why: "manual: Solent NHS Trust closed 2024-09-30 and RW1 (Southern Health) became Hampshire and Isle of Wight Healthcare NHS FT at the same time; PROVENANCE lists this as unconfirmed",
  },
};

function buildOrganisations(
  locals: LocalArea[],
  localByCode: Map<string, LocalArea>,
  icbOdsToOns: Map<string, string>,
  fullGeometry: Map<string, Geometry>,
): OrganisationRow[] {
  const mhTrusts = readCsvObjects("organisations/england_mental_health_trusts.csv");
  const trusts = readCsvObjects("organisations/england_nhs_trusts_2025-07_with_locations.csv");
  const ttProviders = readCsvObjects("organisations/nhs_talking_therapies_providers.csv");
  const hq = readCsvObjects("organisations/nhs_trust_hq_locations_2024.csv");
  const etr2025 = new Map(readCsvRows("organisations/ods_etr_nhs_trusts_2025-07.csv").map((r) => [r[0]!, r]));
  const etr2026 = new Map(readCsvRows("organisations/ods_etr_nhs_trusts_2026-04.csv").map((r) => [r[0]!, r]));
  const trustByCode = new Map(trusts.map((t) => [t.ods_code!, t]));
  const ttByCode = new Map(ttProviders.map((t) => [t.org_code!, t]));
  const hqByCode = new Map(hq.map((h) => [h.org_code!, h]));

  const g6v2sEvidence = mhTrusts.find((t) => t.ods_code === "G6V2S")?.evidence ?? "";
  if (!/\bRRP\b/.test(g6v2sEvidence) || !/\bTAF\b/.test(g6v2sEvidence)) {
    fail("england_mental_health_trusts.csv no longer names RRP and TAF as G6V2S predecessors");
  }

  const chosen = new Map<string, TrustFacts>();
  for (const t of mhTrusts) chosen.set(t.ods_code!, { code: t.ods_code!, type: "mental_health_trust" });
  for (const [code, s] of Object.entries(SUCCESSORS)) {
    if (s.mentalHealthPredecessor && chosen.get(s.successor)?.type === "mental_health_trust") {
      chosen.set(code, { code, type: "mental_health_trust" });
    }
  }
  for (const t of trusts) {
    if (t.talking_therapies_provider === "Y" && !chosen.has(t.ods_code!)) {
      chosen.set(t.ods_code!, { code: t.ods_code!, type: "talking_therapies_trust" });
    }
  }

  const rows: OrganisationRow[] = [];
  const icbCentroid = (icb: string): [number, number] => {
    const p = localByCode.get(icb)?.labelPoint;
    if (!p) fail(`ICB ${icb} has no LAT/LONG attribute`);
    return p;
  };
  for (const { code, type } of [...chosen.values()].sort((a, b) => compareStrings(a.code, b.code))) {
    const e26 = etr2026.get(code);
    const e25 = etr2025.get(code);
    const trust = trustByCode.get(code);
    const tt = ttByCode.get(code);
    const succ = SUCCESSORS[code];
    const rawName = e26?.[1] ?? e25?.[1] ?? tt?.org_name ?? succ?.name;
    if (!rawName) fail(`trust ${code} has no name in any raw file`);
    const name = titleCaseOrganisationName(rawName);
    const nameSource =
      e26 || e25
        ? `NHS ODS etr ${e26 ? "2026-04" : "2025-07"}`
        : tt
          ? "NHS ODS via nhstt provider metadata"
          : "england_mental_health_trusts.csv";
    let icbSource = "ODS etr 2025-07";

    // ICB (ONS E54 code)
    let area = trust?.icb_code ?? "";
    if (!area && tt?.icb_code) {
      area = icbOdsToOns.get(tt.icb_code) ?? "";
      icbSource = `ODS ICB ${tt.icb_code} (nhstt)`;
      if (area)
        note(
          `${code}: ICB ${area} from the ODS ICB code ${tt.icb_code} in nhs_talking_therapies_providers.csv (HQ ${tt.postcode})`,
        );
    }
    if (!area && succ) {
      area = trustByCode.get(succ.successor)?.icb_code ?? "";
      icbSource = `successor ${succ.successor}`;
      if (area)
        note(
          `${code}: ICB ${area} taken from its successor ${succ.successor} (no ICB or postcode in the raw files)`,
        );
    }
    if (!area) fail(`trust ${code} has no ICB`);

    // Location
    let lat = Number(trust?.latitude);
    let lon = Number(trust?.longitude);
    let located = "HQ postcode";
    if (!trust?.latitude || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      const h = hqByCode.get(code);
      if (h?.latitude && h.longitude) {
        lat = Number(h.latitude);
        lon = Number(h.longitude);
        located = `earlier HQ postcode ${h.postcode}`;
        note(
          `${code}: no point for the current HQ postcode ${trust?.postcode ?? "?"}; used the 2024 HQ file's point for its earlier HQ postcode ${h.postcode}`,
        );
      } else {
        [lon, lat] = icbCentroid(area);
        located = "ICB centroid (approximate)";
        note(
          `${code}: no HQ coordinates (postcode ${trust?.postcode ?? tt?.postcode ?? "unknown"}); used the ${area} boundary LAT/LONG`,
        );
      }
    }

    let closedOn = odsDate(e26?.[11] ?? e25?.[11] ?? tt?.end_date);
    if (!closedOn && succ?.closedOn) closedOn = succ.closedOn;
    const openedOn = odsDate(e26?.[10] ?? e25?.[10] ?? tt?.start_date);
    rows.push({
      code,
      name,
      type,
      area_code: area,
      lat,
      lon,
      opened_on: openedOn,
      closed_on: closedOn,
      successor_code: closedOn && succ ? succ.successor : "",
      source: `${nameSource}; ICB: ${icbSource}; point: ${located}; ${OGL}`,
    });
  }

  // Scottish and Welsh health boards, NI HSC trusts: one per local area.
  for (const l of locals) {
    if (l.kind === "icb") continue;
    const geometry = fullGeometry.get(l.code) as AreaGeometry;
    let point: [number, number];
    let method: string;
    if (l.labelPoint && pointInGeometry(l.labelPoint, geometry)) {
      point = l.labelPoint;
      method = "ONS LAT/LONG";
    } else {
      ({ point, method } = interiorPoint(geometry));
    }
    const source = {
      lhb: `ONS Local Health Boards (April 2022) boundary, GSS code; point: ${method}; ${OGL}`,
      hb: `Scottish Government NHS Health Boards 2019 boundary, GSS code; point: ${method}; ${OGL}`,
      hsct: `DoH NI Trust Boundaries (OpenDataNI); point: ${method}; ${OGL}`,
      icb: "",
    }[l.kind];
    rows.push({
      code: l.code,
      name: l.name,
      type: l.kind === "hsct" ? "hsc_trust" : "health_board",
      area_code: l.code,
      lat: point[1],
      lon: point[0],
      opened_on: "",
      closed_on: "",
      successor_code: "",
      source,
    });
  }
  rows.sort((a, b) => compareStrings(a.code, b.code));
  return rows;
}

// ---------------------------------------------------------------------------
// Attribution (statements verbatim from shared/data/raw/PROVENANCE.md)

const ATTRIBUTION = {
  licence: "Open Government Licence v3.0",
  licenceUrl: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
  statements: [
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2023.",
    "Contains public sector information licensed under the Open Government Licence v3.0 (Source: NHS England Organisation Data Service).",
    "NHS Health Board boundaries © Scottish Government; contains Ordnance Survey data © Crown copyright and database right.",
    "Population estimates for Scotland © Crown copyright, National Records of Scotland.",
    "Contains public sector information licensed under the OGL v3.0 (Department of Health NI / NISRA).",
    "Source: NHS Staff Survey, NHS England.",
    "Contains public sector information from NHS England Mental Health Services Monthly Statistics licensed under the Open Government Licence v3.0.",
  ],
  sources: [
    {
      id: "ons-icb-boundaries-2023",
      title: "Integrated Care Boards (April 2023) EN BSC",
      publisher: "Office for National Statistics",
      licence: OGL,
      usedFor:
        "England local (ICB) boundaries; England regions and nation are dissolved from them; ICB centroids",
    },
    {
      id: "ons-lhb-boundaries-2022",
      title: "Local Health Boards (April 2022) WA BUC",
      publisher: "Office for National Statistics",
      licence: OGL,
      usedFor: "Wales local health board boundaries, codes, names and points",
    },
    {
      id: "ons-nhser-boundaries-2022",
      title: "NHS England Regions (July 2022) EN BUC",
      publisher: "Office for National Statistics",
      licence: OGL,
      usedFor: "NHS England region codes and names",
    },
    {
      id: "ons-countries-2022",
      title: "Countries (December 2022) UK BUC",
      publisher: "Office for National Statistics",
      licence: OGL,
      usedFor: "Nation codes and names",
    },
    {
      id: "sg-health-boards-2019",
      title: "NHS Health Boards 2019",
      publisher: "Scottish Government (via humaniverse/geographr)",
      licence: OGL,
      usedFor: "Scotland health board boundaries, codes and names",
    },
    {
      id: "dohni-trust-boundaries",
      title: "Department of Health Trust Boundaries",
      publisher: "Department of Health (Northern Ireland), OpenDataNI (via humaniverse/geographr)",
      licence: OGL,
      usedFor: "Northern Ireland HSC trust boundaries and codes",
    },
    {
      id: "ons-sape-health-geographies-2022",
      title:
        "Population estimates for health geographies in England and Wales, mid-2021 and mid-2022 (sapehealthgeogstablefinal)",
      publisher: "Office for National Statistics",
      licence: OGL,
      usedFor: "18+ population of ICBs and Welsh local health boards (mid-2022)",
    },
    {
      id: "ons-lsoa-sicbl-icb-lookup-2024",
      title: "LSOA (2021) to Sub-ICB Location to ICB (2024) lookup",
      publisher: "Office for National Statistics (via humaniverse/geographr)",
      licence: OGL,
      usedFor: "ICB to NHS England region, and ICB ODS to ONS codes",
    },
    {
      id: "nrs-mid-2022",
      title: "Mid-2022 population estimates by council area and single year of age",
      publisher: "National Records of Scotland (via humaniverse/demographr)",
      licence: OGL,
      usedFor: "18+ population of Scottish health boards (mid-2022)",
    },
    {
      id: "nisra-mid-2020",
      title: "Mid-2020 population estimates by HSC Trust, broad age bands",
      publisher: "NISRA (via humaniverse/demographr)",
      licence: OGL,
      usedFor: "Northern Ireland 16+ population, from which 18+ is estimated",
    },
    {
      id: "ods-etr",
      title: "NHS Trusts (etr.csv), snapshots 2025-07 and 2026-04",
      publisher: "NHS England Organisation Data Service",
      licence: OGL,
      usedFor: "English trust codes, names, ICBs, postcodes, open and close dates",
    },
    {
      id: "nhs-trust-hq-locations",
      title: "NHS trust HQ locations (locations.csv, nhsengland/opensource_maternity_dashboard_project)",
      publisher: "NHS England (ODS data; coordinate source not stated)",
      licence: "OGL v3.0 (ODS data); MIT (repository)",
      usedFor: "Trust HQ latitude/longitude",
    },
    {
      id: "nhstt-providers",
      title: "NHS Talking Therapies provider metadata (bennettoxford/nhstt)",
      publisher: "Bennett Institute, University of Oxford, from NHS ODS",
      licence: "OGL v3.0 (ODS data); MIT (repository)",
      usedFor: "Which NHS trusts provide NHS Talking Therapies; TAD/TAH/TAJ names, postcodes and ICBs",
    },
    {
      id: "nhs-staff-survey",
      title: "NHS Staff Survey organisational results 2021-2024",
      publisher: "NHS England",
      licence: "NHS England publication (normally OGL v3.0; reuse terms not checked)",
      usedFor: "Selecting mental health trusts (benchmarking group)",
    },
    {
      id: "mhsds",
      title: "Mental Health Services Monthly Statistics (MHSDS), 4-week-wait measures, 2024",
      publisher: "NHS England",
      licence: OGL,
      usedFor: "Confirming adult community mental health activity of the selected trusts",
    },
  ],
};

main();
