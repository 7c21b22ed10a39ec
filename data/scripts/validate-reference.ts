/**
 * Validation of the committed reference geography (data/reference/).
 *
 * The validate* functions are pure: they take parsed data and return a list
 * of issues. Every issue names the offending code. `severity: "error"` makes
 * the build fail; `severity: "warning"` is reported only (used for English
 * trust HQs that lie outside their commissioning ICB).
 *
 * The parse and read helpers at the bottom turn the committed files into that
 * parsed form; they are used by build-reference.ts (on the serialised output,
 * before it is written) and by validate-reference.test.ts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Geometry, Position } from "geojson";
import { feature } from "topojson-client";
import {
  type AreaGeometry,
  pointInGeometry,
  polygonsOf,
  ringAreaKm2,
  signedRingAreaDegrees,
  UK_BBOX,
} from "./reference-geo";

export const LEVELS = ["nation", "region", "local"] as const;
export type Level = (typeof LEVELS)[number];

export const EXPECTED_LEVEL_COUNTS: Readonly<Record<Level, number>> = { nation: 4, region: 10, local: 68 };

export const AREA_COLUMNS = [
  "code",
  "name",
  "level",
  "parent_code",
  "adult_population",
  "population_year",
  "population_source",
] as const;

export const ORGANISATION_COLUMNS = [
  "code",
  "name",
  "type",
  "area_code",
  "lat",
  "lon",
  "opened_on",
  "closed_on",
  "successor_code",
  "source",
] as const;

// The organisation types are the domain's vocabulary; the build must not invent its own.
import { ORGANISATION_TYPES, type OrganisationType } from "../../packages/domain/src/reference";

export { ORGANISATION_TYPES, type OrganisationType };

/** Organisation types whose point is chosen by us and must lie inside their own area. */
const STRICT_LOCATION_TYPES: ReadonlySet<string> = new Set(["health_board", "hsc_trust"]);

export interface AreaRow {
  code: string;
  name: string;
  level: Level;
  parent_code: string;
  adult_population: number;
  population_year: number;
  population_source: string;
}

export interface OrganisationRow {
  code: string;
  name: string;
  type: OrganisationType;
  area_code: string;
  lat: number;
  lon: number;
  opened_on: string;
  closed_on: string;
  successor_code: string;
  source: string;
}

export interface BoundaryFeature {
  code: string;
  name: string;
  geometry: Geometry | null;
}

export interface Issue {
  severity: "error" | "warning";
  check: string;
  /** The offending area/organisation code (or the level name for count checks). */
  code: string;
  message: string;
}

export interface ReferenceData {
  areas: AreaRow[];
  organisations: OrganisationRow[];
  boundaries: Record<Level, BoundaryFeature[]>;
}

const error = (check: string, code: string, message: string): Issue => ({
  severity: "error",
  check,
  code,
  message,
});
const warning = (check: string, code: string, message: string): Issue => ({
  severity: "warning",
  check,
  code,
  message,
});

const PARENT_LEVEL: Record<Level, Level | null> = { nation: null, region: "nation", local: "region" };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function duplicates(codes: string[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const c of codes) {
    if (seen.has(c)) dupes.add(c);
    seen.add(c);
  }
  return [...dupes].sort();
}

/** Unique codes, valid levels and parents, positive populations, per-level counts. */
export function validateAreas(
  areas: AreaRow[],
  expectedCounts: Readonly<Record<Level, number>> = EXPECTED_LEVEL_COUNTS,
): Issue[] {
  const issues: Issue[] = [];
  for (const code of duplicates(areas.map((a) => a.code))) {
    issues.push(error("unique-area-code", code, `area code ${code} appears more than once in areas.csv`));
  }
  const byCode = new Map(areas.map((a) => [a.code, a]));
  for (const a of areas) {
    if (!a.code) issues.push(error("area-code", a.code, `area "${a.name}" has an empty code`));
    if (!a.name) issues.push(error("area-name", a.code, `area ${a.code} has an empty name`));
    if (!(LEVELS as readonly string[]).includes(a.level)) {
      issues.push(error("area-level", a.code, `area ${a.code} has unknown level "${a.level}"`));
      continue;
    }
    const parentLevel = PARENT_LEVEL[a.level];
    if (parentLevel === null) {
      if (a.parent_code) issues.push(error("area-parent", a.code, `nation ${a.code} must not have a parent`));
    } else {
      const parent = byCode.get(a.parent_code);
      if (!parent) {
        issues.push(
          error(
            "area-parent",
            a.code,
            `area ${a.code} has parent ${a.parent_code || "(empty)"} which is not an area`,
          ),
        );
      } else if (parent.level !== parentLevel) {
        issues.push(
          error(
            "area-parent",
            a.code,
            `area ${a.code} (${a.level}) has parent ${parent.code} of level ${parent.level}, expected ${parentLevel}`,
          ),
        );
      }
    }
    if (!Number.isInteger(a.adult_population) || a.adult_population <= 0) {
      issues.push(
        error("area-population", a.code, `area ${a.code} has invalid adult_population ${a.adult_population}`),
      );
    }
    if (!Number.isInteger(a.population_year) || a.population_year < 2000 || a.population_year > 2100) {
      issues.push(
        error(
          "area-population-year",
          a.code,
          `area ${a.code} has invalid population_year ${a.population_year}`,
        ),
      );
    }
    if (!a.population_source)
      issues.push(error("area-population-source", a.code, `area ${a.code} has no population_source`));
  }
  for (const level of LEVELS) {
    const n = areas.filter((a) => a.level === level).length;
    if (n !== expectedCounts[level]) {
      issues.push(error("area-count", level, `expected ${expectedCounts[level]} ${level} areas, found ${n}`));
    }
  }
  return issues;
}

/** Every parent's adult_population must equal the exact sum of its children's. */
export function validatePopulationSums(areas: AreaRow[]): Issue[] {
  const issues: Issue[] = [];
  const sums = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const a of areas) {
    if (!a.parent_code) continue;
    sums.set(a.parent_code, (sums.get(a.parent_code) ?? 0) + a.adult_population);
    counts.set(a.parent_code, (counts.get(a.parent_code) ?? 0) + 1);
  }
  for (const a of areas) {
    if (a.level === "local") continue;
    const sum = sums.get(a.code);
    if (sum === undefined) {
      issues.push(error("population-sum", a.code, `${a.level} ${a.code} has no child areas`));
    } else if (sum !== a.adult_population) {
      issues.push(
        error(
          "population-sum",
          a.code,
          `${a.level} ${a.code} adult_population ${a.adult_population} != sum of its ${counts.get(a.code)} children ${sum}`,
        ),
      );
    }
  }
  return issues;
}

/** Unique codes, known types, existing local area, plausible coordinates and dates, successors. */
export function validateOrganisations(organisations: OrganisationRow[], areas: AreaRow[]): Issue[] {
  const issues: Issue[] = [];
  for (const code of duplicates(organisations.map((o) => o.code))) {
    issues.push(
      error(
        "unique-organisation-code",
        code,
        `organisation code ${code} appears more than once in organisations.csv`,
      ),
    );
  }
  const areaByCode = new Map(areas.map((a) => [a.code, a]));
  const orgCodes = new Set(organisations.map((o) => o.code));
  for (const o of organisations) {
    if (!o.code)
      issues.push(error("organisation-code", o.code, `organisation "${o.name}" has an empty code`));
    if (!o.name) issues.push(error("organisation-name", o.code, `organisation ${o.code} has an empty name`));
    if (o.name && o.name === o.name.toUpperCase() && /[A-Z]{3,}/.test(o.name.replace(/\b(NHS|HSC)\b/g, ""))) {
      issues.push(
        error("organisation-name", o.code, `organisation ${o.code} name "${o.name}" is not in title case`),
      );
    }
    if (!(ORGANISATION_TYPES as readonly string[]).includes(o.type)) {
      issues.push(error("organisation-type", o.code, `organisation ${o.code} has unknown type "${o.type}"`));
    }
    const area = areaByCode.get(o.area_code);
    if (!area) {
      issues.push(
        error(
          "organisation-area",
          o.code,
          `organisation ${o.code} has area_code ${o.area_code || "(empty)"} which is not an area`,
        ),
      );
    } else if (area.level !== "local") {
      issues.push(
        error(
          "organisation-area",
          o.code,
          `organisation ${o.code} area_code ${o.area_code} is level ${area.level}, expected local`,
        ),
      );
    }
    if (
      !Number.isFinite(o.lat) ||
      !Number.isFinite(o.lon) ||
      o.lon < UK_BBOX.minLon ||
      o.lon > UK_BBOX.maxLon ||
      o.lat < UK_BBOX.minLat ||
      o.lat > UK_BBOX.maxLat
    ) {
      issues.push(
        error(
          "organisation-coordinates",
          o.code,
          `organisation ${o.code} has lat/lon ${o.lat},${o.lon} outside the UK bounding box`,
        ),
      );
    }
    for (const field of ["opened_on", "closed_on"] as const) {
      if (o[field] && !isIsoDate(o[field])) {
        issues.push(
          error(
            "organisation-date",
            o.code,
            `organisation ${o.code} ${field} "${o[field]}" is not an ISO date`,
          ),
        );
      }
    }
    if (o.opened_on && o.closed_on && o.closed_on < o.opened_on) {
      issues.push(
        error(
          "organisation-date",
          o.code,
          `organisation ${o.code} closed_on ${o.closed_on} is before opened_on ${o.opened_on}`,
        ),
      );
    }
    if (o.successor_code) {
      if (!o.closed_on) {
        issues.push(
          error(
            "organisation-successor",
            o.code,
            `organisation ${o.code} has successor ${o.successor_code} but no closed_on`,
          ),
        );
      }
      if (!orgCodes.has(o.successor_code)) {
        issues.push(
          error(
            "organisation-successor",
            o.code,
            `organisation ${o.code} successor ${o.successor_code} is not an organisation`,
          ),
        );
      }
      if (o.successor_code === o.code) {
        issues.push(error("organisation-successor", o.code, `organisation ${o.code} is its own successor`));
      }
    }
    if (!o.source) issues.push(error("organisation-source", o.code, `organisation ${o.code} has no source`));
  }
  return issues;
}

/** Geometry sanity: polygonal, non-empty, closed rings, finite, in the UK box, non-degenerate, d3 winding. */
export function validateGeometry(code: string, geometry: Geometry | null | undefined): Issue[] {
  const check = "geometry";
  if (!geometry) return [error(check, code, `boundary ${code} has an empty (null) geometry`)];
  if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") {
    return [
      error(
        check,
        code,
        `boundary ${code} has geometry type ${geometry.type}, expected Polygon or MultiPolygon`,
      ),
    ];
  }
  const polygons = polygonsOf(geometry as AreaGeometry);
  if (polygons.length === 0) return [error(check, code, `boundary ${code} has no polygons`)];
  const issues: Issue[] = [];
  polygons.forEach((polygon, pi) => {
    if (polygon.length === 0) {
      issues.push(error(check, code, `boundary ${code} polygon ${pi} has no rings`));
      return;
    }
    polygon.forEach((ring, ri) => {
      const where = `boundary ${code} polygon ${pi} ring ${ri}`;
      if (ring.length < 4) {
        issues.push(error(check, code, `${where} has ${ring.length} positions (< 4)`));
        return;
      }
      const first = ring[0]!;
      const last = ring[ring.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1])
        issues.push(error(check, code, `${where} is not closed`));
      const bad = ring.find(
        (p: Position) =>
          !Number.isFinite(p[0]) ||
          !Number.isFinite(p[1]) ||
          p[0]! < UK_BBOX.minLon ||
          p[0]! > UK_BBOX.maxLon ||
          p[1]! < UK_BBOX.minLat ||
          p[1]! > UK_BBOX.maxLat,
      );
      if (bad)
        issues.push(
          error(
            check,
            code,
            `${where} has a position ${bad[0]},${bad[1]} that is not finite or outside lon [-9, 2.1] / lat [49.8, 61]`,
          ),
        );
      if (!(ringAreaKm2(ring) > 0)) issues.push(error(check, code, `${where} has zero area`));
      // d3-geo convention (used by world-atlas/us-atlas): exteriors clockwise, holes anticlockwise.
      const clockwise = signedRingAreaDegrees(ring) < 0;
      if (clockwise !== (ri === 0)) {
        issues.push(
          error(
            check,
            code,
            `${where} is wound ${clockwise ? "clockwise" : "anticlockwise"}; exteriors must be clockwise and holes anticlockwise`,
          ),
        );
      }
    });
  });
  return issues;
}

/** Every area of `level` has exactly one boundary feature and every feature is an area of that level. */
export function validateBoundaries(level: Level, features: BoundaryFeature[], areas: AreaRow[]): Issue[] {
  const issues: Issue[] = [];
  const check = "boundary";
  const levelAreas = new Map(areas.filter((a) => a.level === level).map((a) => [a.code, a]));
  const allAreas = new Map(areas.map((a) => [a.code, a]));
  for (const code of duplicates(features.map((f) => f.code))) {
    issues.push(error(check, code, `${level} boundary file has more than one feature with code ${code}`));
  }
  const featureCodes = new Set(features.map((f) => f.code));
  for (const code of [...levelAreas.keys()].sort()) {
    if (!featureCodes.has(code))
      issues.push(error(check, code, `${level} area ${code} has no boundary feature in ${level}.topo.json`));
  }
  for (const f of features) {
    const area = levelAreas.get(f.code);
    if (!area) {
      const other = allAreas.get(f.code);
      issues.push(
        error(
          check,
          f.code,
          other
            ? `${level} boundary feature ${f.code} is an area of level ${other.level}, not ${level}`
            : `${level} boundary feature ${f.code} is not an area in areas.csv`,
        ),
      );
    } else if (area.name !== f.name) {
      issues.push(
        error(
          check,
          f.code,
          `${level} boundary feature ${f.code} name "${f.name}" != areas.csv name "${area.name}"`,
        ),
      );
    }
    issues.push(...validateGeometry(f.code, f.geometry));
  }
  return issues;
}

/**
 * Each organisation's point must lie inside its area's polygon. Enforced
 * (error) for health boards and HSC trusts, whose points we choose; a warning
 * for English trusts, whose registered HQ may be in a neighbouring ICB.
 */
export function validateOrganisationLocations(
  organisations: OrganisationRow[],
  geometryByCode: ReadonlyMap<string, Geometry | null>,
): Issue[] {
  const issues: Issue[] = [];
  for (const o of organisations) {
    const geometry = geometryByCode.get(o.area_code);
    if (!geometry || (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon")) continue; // reported by other checks
    if (!pointInGeometry([o.lon, o.lat], geometry)) {
      const make = STRICT_LOCATION_TYPES.has(o.type) ? error : warning;
      issues.push(
        make(
          "organisation-location",
          o.code,
          `organisation ${o.code} point ${o.lat},${o.lon} is outside its area ${o.area_code}`,
        ),
      );
    }
  }
  return issues;
}

/** Runs every check. `locationGeometries` defaults to the local boundary features. */
export function validateReference(
  data: ReferenceData,
  locationGeometries?: ReadonlyMap<string, Geometry | null>,
): Issue[] {
  const geometries = locationGeometries ?? new Map(data.boundaries.local.map((f) => [f.code, f.geometry]));
  return [
    ...validateAreas(data.areas),
    ...validatePopulationSums(data.areas),
    ...validateOrganisations(data.organisations, data.areas),
    ...LEVELS.flatMap((level) => validateBoundaries(level, data.boundaries[level], data.areas)),
    ...validateOrganisationLocations(data.organisations, geometries),
  ];
}

export const errorsOf = (issues: Issue[]): Issue[] => issues.filter((i) => i.severity === "error");
export const warningsOf = (issues: Issue[]): Issue[] => issues.filter((i) => i.severity === "warning");

// ---------------------------------------------------------------------------
// Parsing helpers (not pure: readReference touches the file system).

function parseCsv<C extends string>(text: string, columns: readonly C[], file: string): Record<C, string>[] {
  const rows = parse(text, { columns: false, skip_empty_lines: true }) as string[][];
  const header = rows.shift() ?? [];
  if (header.join(",") !== columns.join(",")) {
    throw new Error(`${file}: header "${header.join(",")}" != expected "${columns.join(",")}"`);
  }
  return rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? ""])) as Record<C, string>);
}

const toNumber = (s: string): number => (s.trim() === "" ? Number.NaN : Number(s));

export function parseAreasCsv(text: string): AreaRow[] {
  return parseCsv(text, AREA_COLUMNS, "areas.csv").map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level as Level,
    parent_code: r.parent_code,
    adult_population: toNumber(r.adult_population),
    population_year: toNumber(r.population_year),
    population_source: r.population_source,
  }));
}

export function parseOrganisationsCsv(text: string): OrganisationRow[] {
  return parseCsv(text, ORGANISATION_COLUMNS, "organisations.csv").map((r) => ({
    code: r.code,
    name: r.name,
    type: r.type as OrganisationType,
    area_code: r.area_code,
    lat: toNumber(r.lat),
    lon: toNumber(r.lon),
    opened_on: r.opened_on,
    closed_on: r.closed_on,
    successor_code: r.successor_code,
    source: r.source,
  }));
}

/** Minimal structural type for the TopoJSON files we write. */
export interface AreasTopology {
  type: "Topology";
  objects: { areas: { type: "GeometryCollection"; geometries: unknown[] } };
  arcs: unknown[];
  transform?: { scale: [number, number]; translate: [number, number] };
  bbox?: number[];
}

/** Decodes the `areas` object of a TopoJSON file with topojson-client. */
export function boundaryFeaturesFromTopology(topology: unknown): BoundaryFeature[] {
  const topo = topology as AreasTopology;
  if (topo?.type !== "Topology" || topo.objects?.areas?.type !== "GeometryCollection") {
    throw new Error('expected a Topology with a GeometryCollection object named "areas"');
  }
  // biome-ignore lint/suspicious/noExplicitAny: topojson-specification types are not hoisted in this workspace.
  const fc = feature(topo as any, topo.objects.areas as any) as unknown as {
    features: { properties: { code?: string; name?: string } | null; geometry: Geometry | null }[];
  };
  return fc.features.map((f) => ({
    code: String(f.properties?.code ?? ""),
    name: String(f.properties?.name ?? ""),
    geometry: f.geometry,
  }));
}

/** Reads data/reference/ (or another directory with the same layout). */
export function readReference(dir: string): ReferenceData {
  const read = (...p: string[]) => readFileSync(path.join(dir, ...p), "utf8");
  const boundaries = Object.fromEntries(
    LEVELS.map((level) => [
      level,
      boundaryFeaturesFromTopology(JSON.parse(read("boundaries", `${level}.topo.json`))),
    ]),
  ) as Record<Level, BoundaryFeature[]>;
  return {
    areas: parseAreasCsv(read("areas.csv")),
    organisations: parseOrganisationsCsv(read("organisations.csv")),
    boundaries,
  };
}
