import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  AREA_LEVELS,
  type Area,
  type AreaLevel,
  AreaSchema,
  type Organisation,
  OrganisationSchema,
  type Place,
  PlaceSchema,
} from "@atlas/domain";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { REFERENCE_DIR } from "../paths";

export const AttributionSchema = z.object({
  licence: z.string(),
  licenceUrl: z.string(),
  statements: z.array(z.string()),
  sources: z.array(z.record(z.string(), z.unknown())).optional(),
});
export type Attribution = z.infer<typeof AttributionSchema>;

export interface ReferenceData {
  areas: Area[];
  organisations: Organisation[];
  attribution: Attribution;
}

type Row = Record<string, string>;

function readCsv(file: string): Row[] {
  return parse(readFileSync(file, "utf8"), { columns: true, bom: true, skip_empty_lines: true }) as Row[];
}

function orNull(value: string | undefined): string | null {
  return value === undefined || value === "" ? null : value;
}

function numberOrNull(value: string | undefined): number | null {
  return value === undefined || value === "" ? null : Number(value);
}

/** Parses one CSV row with a schema, naming the file, row and column of any problem. */
function parseRow<T>(schema: z.ZodType<T>, value: unknown, file: string, row: number): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new Error(`${file}: row ${row}, column ${String(issue.path[0] ?? "?")}: ${issue.message}`);
}

/** Reads the committed reference data (built by data/scripts/build-reference.ts). */
export function readReference(dir: string = REFERENCE_DIR): ReferenceData {
  const areasFile = join(dir, "areas.csv");
  const areas = readCsv(areasFile).map((r, i) =>
    parseRow(
      AreaSchema,
      {
        code: r.code,
        name: r.name,
        level: r.level,
        parentCode: orNull(r.parent_code),
        adultPopulation: Number(r.adult_population),
        populationYear: Number(r.population_year),
        populationSource: r.population_source,
      },
      areasFile,
      i + 2,
    ),
  );
  const orgsFile = join(dir, "organisations.csv");
  const organisations = readCsv(orgsFile).map((r, i) =>
    parseRow(
      OrganisationSchema,
      {
        code: r.code,
        name: r.name,
        type: r.type,
        areaCode: r.area_code,
        lat: numberOrNull(r.lat),
        lon: numberOrNull(r.lon),
        openedOn: orNull(r.opened_on),
        closedOn: orNull(r.closed_on),
        successorCode: orNull(r.successor_code),
        source: r.source,
      },
      orgsFile,
      i + 2,
    ),
  );
  const attribution = AttributionSchema.parse(
    JSON.parse(readFileSync(join(dir, "attribution.json"), "utf8")),
  );
  return { areas, organisations, attribution };
}

/** The TopoJSON boundaries of one level, as stored (already simplified and quantised). */
export function readBoundaries(level: AreaLevel, dir: string = REFERENCE_DIR): string {
  if (!AREA_LEVELS.includes(level)) throw new Error(`unknown level ${level}`);
  return readFileSync(join(dir, "boundaries", `${level}.topo.json`), "utf8");
}

/**
 * The places lookup (data/reference/places.csv, built by data/scripts/build-places.ts): one entry per
 * place, its areas largest share first. Checked against the wire schema, naming the row at fault.
 */
export function readPlaces(dir: string = REFERENCE_DIR): Place[] {
  const file = join(dir, "places.csv");
  const byCode = new Map<string, { place: Record<string, unknown>; row: number }>();
  readCsv(file).forEach((r, i) => {
    const entry = byCode.get(r.place_code!) ?? {
      place: {
        code: r.place_code,
        name: r.place_name,
        type: r.place_type,
        nation: r.nation,
        areas: [],
        shareBasis: r.share_basis,
      },
      row: i + 2,
    };
    (entry.place.areas as Array<{ code: string; share: number }>).push({
      code: r.area_code!,
      share: Number(r.share_of_place),
    });
    byCode.set(r.place_code!, entry);
  });
  return [...byCode.values()].map(({ place, row }) => {
    (place.areas as Array<{ share: number }>).sort((a, b) => b.share - a.share);
    return parseRow(PlaceSchema, place, file, row);
  });
}
