/** Serialising the outputs, validating them as parsed back, the size budget, writing and the summary. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Geometry } from "geojson";
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
  parseAreasCsv,
  parseOrganisationsCsv,
  validateOrganisationLocations,
  validateReference,
  warningsOf,
} from "../validate-reference";
import { ATTRIBUTION } from "./attribution";
import { MAX_BOUNDARY_BYTES, MAX_BOUNDARY_GZIP_BYTES, OUT_DIR, REPO_ROOT } from "./config";
import { fail } from "./util";

function csvField(value: string | number): string {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(columns: readonly string[], rows: Record<string, string | number>[]): string {
  const lines = [columns.join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c] ?? "")).join(","));
  return `${lines.join("\n")}\n`;
}

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

export interface SerialisedReference {
  areasCsv: string;
  organisationsCsv: string;
  issues: Issue[];
}

/**
 * Serialises the rows, parses the text back and validates that, so the checks
 * see exactly what will be written. Exits 1 on any validation error.
 */
export function serialiseAndValidate(
  areaRows: AreaRow[],
  organisations: OrganisationRow[],
  topoJsonText: Record<Level, string>,
  fullGeometry: Map<string, Geometry>,
): SerialisedReference {
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
  return { areasCsv, organisationsCsv, issues };
}

export interface BoundarySizes {
  totalBytes: number;
  totalGzip: number;
  sizeLines: string[];
}

/** Measures the boundary files and exits 1 if they exceed the output budget. */
export function checkSizeBudget(topoJsonText: Record<Level, string>): BoundarySizes {
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
  return { totalBytes, totalGzip, sizeLines };
}

export function writeReference(
  areasCsv: string,
  organisationsCsv: string,
  topoJsonText: Record<Level, string>,
): void {
  mkdirSync(path.join(OUT_DIR, "boundaries"), { recursive: true });
  writeFileSync(path.join(OUT_DIR, "areas.csv"), areasCsv);
  writeFileSync(path.join(OUT_DIR, "organisations.csv"), organisationsCsv);
  for (const level of LEVELS)
    writeFileSync(path.join(OUT_DIR, "boundaries", `${level}.topo.json`), topoJsonText[level]);
  writeFileSync(path.join(OUT_DIR, "attribution.json"), `${JSON.stringify(ATTRIBUTION, null, 2)}\n`);
}

export function printSummary(
  areaRows: AreaRow[],
  organisations: OrganisationRow[],
  sizes: BoundarySizes,
  issues: Issue[],
): void {
  const { totalBytes, totalGzip, sizeLines } = sizes;

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
