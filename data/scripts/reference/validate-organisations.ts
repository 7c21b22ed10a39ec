/** Pure checks on organisations.csv: fields, dates, successors, and points inside their areas. */
import type { Geometry } from "geojson";
import { pointInGeometry, UK_BBOX } from "../reference-geo";
import { duplicates, error, warning } from "./issues";
import { type AreaRow, type Issue, ORGANISATION_TYPES, type OrganisationRow } from "./schema";

/** Organisation types whose point is chosen by us and must lie inside their own area. */
const STRICT_LOCATION_TYPES: ReadonlySet<string> = new Set(["health_board", "hsc_trust"]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
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
