/**
 * Pure checks on the places lookup, plus parsing of the committed places.csv. Every issue names the
 * offending place code; the build writes nothing if any check fails.
 */
import { parse } from "csv-parse/sync";
import { duplicates, error } from "../reference/issues";
import type { AreaRow, Issue } from "../reference/schema";
import {
  EXPECTED_PLACE_COUNTS,
  PLACE_COLUMNS,
  PLACE_TYPES,
  type PlaceRow,
  type PlaceType,
  SHARE_SUM_TOLERANCE,
} from "./schema";

/**
 * Every row's type, nation and code agree; every area is a local area of areas.csv; each place has one
 * name and type, no area twice, shares in (0, 1] adding up to 1; every type has its expected count.
 */
export function validatePlaces(
  places: PlaceRow[],
  areas: AreaRow[],
  expectedCounts: Readonly<Record<PlaceType, number>> = EXPECTED_PLACE_COUNTS,
): Issue[] {
  const issues: Issue[] = [];
  const areaByCode = new Map(areas.map((a) => [a.code, a]));
  const byPlace = new Map<string, PlaceRow[]>();
  for (const row of places) byPlace.set(row.place_code, [...(byPlace.get(row.place_code) ?? []), row]);

  for (const row of places) {
    const code = row.place_code;
    const type = PLACE_TYPES[row.place_type];
    if (!type) {
      issues.push(error("place-type", code, `place ${code} has unknown type "${row.place_type}"`));
      continue;
    }
    if (row.nation !== type.nation)
      issues.push(
        error("place-nation", code, `place ${code} is a ${row.place_type} but says nation "${row.nation}"`),
      );
    if (!type.codePrefixes.some((prefix) => code.startsWith(prefix)) || !/^[A-Z]\d{8}$/.test(code))
      issues.push(error("place-code", code, `place ${code} is not a GSS code of a ${row.place_type}`));
    if (!row.place_name.trim()) issues.push(error("place-name", code, `place ${code} has an empty name`));
    const area = areaByCode.get(row.area_code);
    if (!area)
      issues.push(
        error("place-area", code, `place ${code} names area ${row.area_code || "(empty)"}, not in areas.csv`),
      );
    else if (area.level !== "local")
      issues.push(
        error("place-area", code, `place ${code} names ${row.area_code}, a ${area.level}, not a local area`),
      );
    if (!(Number.isFinite(row.share_of_place) && row.share_of_place > 0 && row.share_of_place <= 1))
      issues.push(
        error(
          "place-share",
          code,
          `place ${code}: share ${row.share_of_place} in ${row.area_code} is not in (0, 1]`,
        ),
      );
  }

  for (const [code, rows] of byPlace) {
    if (new Set(rows.map((r) => `${r.place_name}|${r.place_type}|${r.nation}`)).size > 1)
      issues.push(error("place-consistent", code, `place ${code} has more than one name, type or nation`));
    for (const area of duplicates(rows.map((r) => r.area_code)))
      issues.push(error("place-unique-area", code, `place ${code} lists area ${area} more than once`));
    const sum = rows.reduce((total, r) => total + r.share_of_place, 0);
    if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE)
      issues.push(
        error("place-share-sum", code, `the shares of place ${code} add up to ${sum.toFixed(4)}, not 1`),
      );
  }

  for (const [type, expected] of Object.entries(expectedCounts)) {
    const n = new Set(places.filter((p) => p.place_type === type).map((p) => p.place_code)).size;
    if (n !== expected) issues.push(error("place-count", type, `${type}: ${n} places, expected ${expected}`));
  }
  return issues;
}

/** Places in a fixed order: by code, then the largest share first, then area code. */
export function sortPlaces(places: readonly PlaceRow[]): PlaceRow[] {
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...places].sort(
    (a, b) =>
      text(a.place_code, b.place_code) ||
      b.share_of_place - a.share_of_place ||
      text(a.area_code, b.area_code),
  );
}

/** Parses places.csv (the committed output), checking its header. */
export function parsePlacesCsv(csv: string): PlaceRow[] {
  const rows = parse(csv, { columns: false, skip_empty_lines: true }) as string[][];
  const header = rows.shift() ?? [];
  if (header.join(",") !== PLACE_COLUMNS.join(","))
    throw new Error(`places.csv: header "${header.join(",")}" != expected "${PLACE_COLUMNS.join(",")}"`);
  return rows.map((r) => ({
    place_code: r[0] ?? "",
    place_name: r[1] ?? "",
    place_type: (r[2] ?? "") as PlaceType,
    nation: r[3] ?? "",
    area_code: r[4] ?? "",
    share_of_place: r[5] === undefined || r[5] === "" ? Number.NaN : Number(r[5]),
    share_basis: r[6] ?? "",
  }));
}
