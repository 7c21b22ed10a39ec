/** The shape of the committed reference data: levels, CSV columns, row types and validation issues. */
import type { Geometry } from "geojson";
// The organisation types are the domain's vocabulary; the build must not invent its own.
import { ORGANISATION_TYPES, type OrganisationType } from "../../../packages/domain/src/reference";

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

export { ORGANISATION_TYPES, type OrganisationType };

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
