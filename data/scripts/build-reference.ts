/**
 * Builds the committed UK reference geography in data/reference/ from the raw
 * public data in ../shared/data/raw (override with RAW_DIR).
 *
 *   npx tsx data/scripts/build-reference.ts      (or: pnpm build:reference)
 *
 * Outputs: areas.csv, organisations.csv, attribution.json and
 * boundaries/{nation,region,local}.topo.json. The run is deterministic: the
 * same raw files give byte-identical outputs. Every decision taken here is
 * documented in data/README.md. Nothing is written unless validation passes;
 * on failure the script exits 1 and names the offending codes.
 *
 * Geometry pipeline:
 *   1. Local areas = 42 ICBs (ONS BSC) + 14 Scottish HBs (SG 2019) + 7 Welsh
 *      LHBs (ONS BUC) + 5 NI HSC trusts (DoH NI). Rings are closed, de-duplicated
 *      and wound clockwise (d3-geo convention).
 *   2. The Welsh and Scottish outlines come from other sources than the ICBs, so
 *      their stretches that run along England are snapped onto the England
 *      outline (the union of the ICBs). After that the cross-border edges are
 *      identical and become shared arcs: no slivers or overlaps at any level.
 *   3. One unquantized topology of the 68 local areas; small detached islets
 *      are dropped, then Visvalingam simplification (area weight in km²) with
 *      every surviving ring kept at >= 3 distinct points.
 *   4. Regions and nations are dissolved from the simplified local topology
 *      with topojson-client mergeArcs, so all three levels nest exactly and
 *      share the same arcs. Devolved "regions" therefore equal their nation.
 *   5. Each level is pruned to its arcs and quantized with one shared transform.
 *
 * The steps live in data/scripts/reference/; this file only wires them together.
 */
import { buildBoundaries } from "./reference/boundaries";
import { RAW_DIR } from "./reference/config";
import { readLocalAreas } from "./reference/local-areas";
import { buildOrganisations } from "./reference/organisations";
import { checkSizeBudget, printSummary, serialiseAndValidate, writeReference } from "./reference/output";
import { buildAreaRows } from "./reference/populations";

function main(): void {
  console.log(`build-reference: raw data from ${RAW_DIR}`);
  const { population, englandRegions, icbOdsToOns, locals, localByCode } = readLocalAreas();

  console.log("Populations");
  const areaRows = buildAreaRows(locals, englandRegions, population);

  console.log("Geometry");
  const { fullGeometry, topoJsonText } = buildBoundaries(locals, areaRows);

  console.log("Organisations");
  const organisations = buildOrganisations(locals, localByCode, icbOdsToOns, fullGeometry);

  // Nothing is written unless the serialised outputs validate and fit the size budget.
  const { areasCsv, organisationsCsv, issues } = serialiseAndValidate(
    areaRows,
    organisations,
    topoJsonText,
    fullGeometry,
  );
  const sizes = checkSizeBudget(topoJsonText);
  writeReference(areasCsv, organisationsCsv, topoJsonText);
  printSummary(areaRows, organisations, sizes, issues);
}

main();
