/**
 * Parsing helpers: turn the committed files (or the build's serialised text)
 * into the parsed form the checks take. Not pure: readReference touches the
 * file system.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Geometry } from "geojson";
import { feature } from "topojson-client";
import {
  AREA_COLUMNS,
  type AreaRow,
  type BoundaryFeature,
  LEVELS,
  type Level,
  ORGANISATION_COLUMNS,
  type OrganisationRow,
  type OrganisationType,
  type ReferenceData,
} from "./schema";

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
