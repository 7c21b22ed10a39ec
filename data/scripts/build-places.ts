/**
 * Builds data/reference/places.csv from the raw places lookup in ../shared/data/raw/places (override with
 * RAW_DIR): every local authority and county of the four nations with the NHS local area(s) that serve
 * it, so the dashboard's search finds "Leeds", "Norfolk", "Cardiff" or "Glasgow City".
 *
 *   npx tsx data/scripts/build-places.ts      (or: pnpm build:places)
 *
 * Deterministic (rows sorted by place code, then largest share), validated against the committed
 * areas.csv before anything is written; on failure it writes nothing, exits 1 and names the codes.
 * The raw area names are left out: names come from areas.csv, joined on area_code.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PLACE_COLUMNS, type PlaceRow, type PlaceType, RAW_PLACE_COLUMNS } from "./places/schema";
import { parsePlacesCsv, sortPlaces, validatePlaces } from "./places/validate-places";
import { OUT_DIR } from "./reference/config";
import { readCsvObjects } from "./reference/raw-inputs";
import { fail } from "./reference/util";
import { errorsOf, parseAreasCsv } from "./validate-reference";

const RAW_FILE = "places/places_to_health_areas.csv";

function csvField(value: string | number): string {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function main(): void {
  const raw = readCsvObjects(RAW_FILE);
  const missing = RAW_PLACE_COLUMNS.filter((c) => !(c in (raw[0] ?? {})));
  if (missing.length > 0) fail(`${RAW_FILE}: missing column(s) ${missing.join(", ")}`);
  const places: PlaceRow[] = sortPlaces(
    raw.map((r) => ({
      place_code: r.place_code!.trim(),
      place_name: r.place_name!.trim(),
      place_type: r.place_type!.trim() as PlaceType,
      nation: r.nation!.trim(),
      area_code: r.area_code!.trim(),
      share_of_place: Number(r.share_of_place),
      share_basis: r.share_basis!.trim(),
    })),
  );
  const lines = [
    PLACE_COLUMNS.join(","),
    ...places.map((p) => PLACE_COLUMNS.map((c) => csvField(p[c])).join(",")),
  ];
  const csv = `${lines.join("\n")}\n`;

  // Validate exactly what will be written, parsed back, against the committed areas.
  const areas = parseAreasCsv(readFileSync(path.join(OUT_DIR, "areas.csv"), "utf8"));
  const errors = errorsOf(validatePlaces(parsePlacesCsv(csv), areas));
  if (errors.length > 0) {
    for (const e of errors) console.error(`  error [${e.check}] ${e.code}: ${e.message}`);
    fail(
      `${errors.length} validation error(s); nothing written. Offending codes: ${[...new Set(errors.map((e) => e.code))].join(", ")}`,
    );
  }
  writeFileSync(path.join(OUT_DIR, "places.csv"), csv);
  const count = new Set(places.map((p) => p.place_code)).size;
  const split = count - places.filter((p) => p.share_of_place === 1).length;
  console.log(
    `build-places: ${count} places (${split} split between areas), ${places.length} rows. Wrote data/reference/places.csv`,
  );
}

main();
