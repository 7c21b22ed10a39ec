/**
 * Step 1 of the geometry pipeline: the 68 local areas (42 ICBs, 14 Scottish
 * HBs, 7 Welsh LHBs, 5 NI HSC trusts) with normalised, clockwise rings, plus
 * the nation and region lists they roll up to.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import { type AreaGeometry, polygonsOf, type Ring, rewindClockwise } from "../reference-geo";
import { type RawProps, readCsvObjects, readGeoJson } from "./raw-inputs";
import { compareStrings, fail } from "./util";

export interface LocalArea {
  code: string;
  name: string;
  nation: string;
  region: string;
  kind: "icb" | "hb" | "lhb" | "hsct";
  geometry: AreaGeometry;
  /** ONS LAT/LONG attribute when the boundary file has one. */
  labelPoint?: [number, number];
}

export const NATIONS = [
  { code: "E92000001", name: "England" },
  { code: "N92000002", name: "Northern Ireland" },
  { code: "S92000003", name: "Scotland" },
  { code: "W92000004", name: "Wales" },
] as const;

/** ONS pseudo codes used for the devolved nations in the NHS England region field of ONS postcode directories. */
export const DEVOLVED_REGIONS = [
  { code: "N99999999", name: "Northern Ireland", nation: "N92000002" },
  { code: "S99999999", name: "Scotland", nation: "S92000003" },
  { code: "W99999999", name: "Wales", nation: "W92000004" },
] as const;

export function normaliseRing(ring: Position[]): Ring {
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

export interface RawAreaInputs {
  /** Rows of population_summary_uk_health_geographies.csv, used again for the population step. */
  population: Record<string, string>[];
  englandRegions: { code: string; name: string }[];
  icbOdsToOns: Map<string, string>;
  /** Sorted by code. */
  locals: LocalArea[];
  localByCode: Map<string, LocalArea>;
}

/** Reads the boundary files and area lookups, cross-checks their codes and names, and builds the local areas. */
export function readLocalAreas(): RawAreaInputs {
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
  return { population, englandRegions, icbOdsToOns, locals, localByCode };
}
