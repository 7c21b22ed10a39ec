/**
 * Validation of the committed reference geography (data/reference/).
 *
 * The validate* functions are pure: they take parsed data and return a list
 * of issues. Every issue names the offending code. `severity: "error"` makes
 * the build fail; `severity: "warning"` is reported only (used for English
 * trust HQs that lie outside their commissioning ICB).
 *
 * The checks live in reference/validate-*.ts and the parse and read helpers
 * in reference/parse-reference.ts; this file is their public entry point. The
 * helpers turn the committed files into the parsed form; they are used by
 * build-reference.ts (on the serialised output, before it is written) and by
 * validate-reference.test.ts.
 */
import type { Geometry } from "geojson";
import { type Issue, LEVELS, type ReferenceData } from "./reference/schema";
import { validateAreas, validatePopulationSums } from "./reference/validate-areas";
import { validateBoundaries } from "./reference/validate-geometry";
import { validateOrganisationLocations, validateOrganisations } from "./reference/validate-organisations";

export { errorsOf, warningsOf } from "./reference/issues";
export {
  type AreasTopology,
  boundaryFeaturesFromTopology,
  parseAreasCsv,
  parseOrganisationsCsv,
  readReference,
} from "./reference/parse-reference";
export {
  AREA_COLUMNS,
  type AreaRow,
  type BoundaryFeature,
  EXPECTED_LEVEL_COUNTS,
  type Issue,
  LEVELS,
  type Level,
  ORGANISATION_COLUMNS,
  ORGANISATION_TYPES,
  type OrganisationRow,
  type OrganisationType,
  type ReferenceData,
} from "./reference/schema";
export { validateAreas, validatePopulationSums } from "./reference/validate-areas";
export { validateBoundaries, validateGeometry } from "./reference/validate-geometry";
export { validateOrganisationLocations, validateOrganisations } from "./reference/validate-organisations";

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
