/** Readers for the raw public data under RAW_DIR (CSV and GeoJSON). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { RAW_DIR } from "./config";

function rawPath(...p: string[]): string {
  return path.join(RAW_DIR, ...p);
}

export function readCsvObjects(file: string): Record<string, string>[] {
  return parse(readFileSync(rawPath(file), "utf8"), { columns: true, skip_empty_lines: true, bom: true });
}

export function readCsvRows(file: string): string[][] {
  return parse(readFileSync(rawPath(file), "utf8"), { columns: false, skip_empty_lines: true, bom: true });
}

export type RawProps = Record<string, string | number | null>;
export function readGeoJson(file: string): FeatureCollection<Polygon | MultiPolygon, RawProps> {
  return JSON.parse(readFileSync(rawPath("boundaries", file), "utf8"));
}
