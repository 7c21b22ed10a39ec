import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Geometry, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import {
  type AreaRow,
  errorsOf,
  type Issue,
  type ReferenceData,
  readReference,
  validateAreas,
  validateBoundaries,
  validateGeometry,
  validateOrganisationLocations,
  validateOrganisations,
  validatePopulationSums,
  validateReference,
  warningsOf,
} from "./validate-reference";

const REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../reference");
const committed = readReference(REFERENCE_DIR);

/** A deep copy so each test can break its own data. */
function fresh(): ReferenceData {
  return structuredClone(committed);
}

function expectErrorNaming(issues: Issue[], code: string, check?: string): void {
  const hits = errorsOf(issues).filter((i) => i.code === code && (!check || i.check === check));
  expect(
    hits,
    `expected an error${check ? ` [${check}]` : ""} for ${code}, got ${JSON.stringify(issues)}`,
  ).not.toHaveLength(0);
  for (const hit of hits) expect(hit.message).toContain(code);
}

describe("committed reference data", () => {
  it("has no validation errors", () => {
    const issues = validateReference(committed);
    expect(errorsOf(issues)).toEqual([]);
  });

  it("only warns about English trust HQs outside their ICB", () => {
    for (const w of warningsOf(validateReference(committed))) {
      expect(w.check).toBe("organisation-location");
      const org = committed.organisations.find((o) => o.code === w.code);
      expect(org?.type).toMatch(/^(mental_health_trust|talking_therapies_trust)$/);
    }
  });

  it("has 4 nations, 10 regions and 68 local areas with matching boundary features", () => {
    const count = (level: string) => committed.areas.filter((a) => a.level === level).length;
    expect([count("nation"), count("region"), count("local")]).toEqual([4, 10, 68]);
    expect(committed.boundaries.nation).toHaveLength(4);
    expect(committed.boundaries.region).toHaveLength(10);
    expect(committed.boundaries.local).toHaveLength(68);
  });

  it("uses the ONS pseudo codes for the devolved regions, each equal to its nation", () => {
    for (const [region, nation] of [
      ["S99999999", "S92000003"],
      ["W99999999", "W92000004"],
      ["N99999999", "N92000002"],
    ] as const) {
      const r = committed.areas.find((a) => a.code === region);
      const n = committed.areas.find((a) => a.code === nation);
      expect(r?.parent_code).toBe(nation);
      expect(r?.adult_population).toBe(n?.adult_population);
      const rg = committed.boundaries.region.find((f) => f.code === region)?.geometry;
      const ng = committed.boundaries.nation.find((f) => f.code === nation)?.geometry;
      expect(rg).toEqual(ng);
    }
  });
});

describe("validation catches broken inputs", () => {
  it("duplicate area code", () => {
    const data = fresh();
    const dupe = data.areas.find((a) => a.code === "E54000057") as AreaRow;
    data.areas.push({ ...dupe });
    expectErrorNaming(validateAreas(data.areas), "E54000057", "unique-area-code");
  });

  it("duplicate organisation code", () => {
    const data = fresh();
    const org = data.organisations.find((o) => o.code === "RXV");
    if (!org) throw new Error("fixture RXV missing");
    data.organisations.push({ ...org });
    expectErrorNaming(
      validateOrganisations(data.organisations, data.areas),
      "RXV",
      "unique-organisation-code",
    );
  });

  it("organisation pointing at a missing or non-local area", () => {
    const data = fresh();
    const org = data.organisations.find((o) => o.code === "RNU");
    const board = data.organisations.find((o) => o.code === "S08000024");
    if (!org || !board) throw new Error("fixtures missing");
    org.area_code = "E54999999";
    board.area_code = "S99999999";
    const issues = validateOrganisations(data.organisations, data.areas);
    expectErrorNaming(issues, "RNU", "organisation-area");
    expect(errorsOf(issues).find((i) => i.code === "RNU")?.message).toContain("E54999999");
    expectErrorNaming(issues, "S08000024", "organisation-area");
  });

  it("missing area row", () => {
    const data = fresh();
    data.areas = data.areas.filter((a) => a.code !== "E54000008");
    const issues = validateReference(data);
    expectErrorNaming(issues, "local", "area-count");
    expectErrorNaming(issues, "E54000008", "boundary"); // its boundary feature is no longer an area
    expectErrorNaming(issues, "E40000010", "population-sum"); // North West no longer adds up
    expectErrorNaming(issues, "RW4", "organisation-area"); // Mersey Care's ICB is gone
  });

  it("population mismatch between a parent and its children", () => {
    const data = fresh();
    const icb = data.areas.find((a) => a.code === "E54000050") as AreaRow;
    icb.adult_population += 1;
    const issues = validatePopulationSums(data.areas);
    expectErrorNaming(issues, "E40000012", "population-sum");
    expect(errorsOf(issues)).toHaveLength(1);
  });

  it("non-positive population", () => {
    const data = fresh();
    (data.areas.find((a) => a.code === "BHSCT") as AreaRow).adult_population = 0;
    expectErrorNaming(validateAreas(data.areas), "BHSCT", "area-population");
  });

  it("missing boundary feature", () => {
    const data = fresh();
    data.boundaries.local = data.boundaries.local.filter((f) => f.code !== "S08000026");
    expectErrorNaming(
      validateBoundaries("local", data.boundaries.local, data.areas),
      "S08000026",
      "boundary",
    );
  });

  it("boundary feature that is not an area of its level", () => {
    const data = fresh();
    const shetland = data.boundaries.local.find((f) => f.code === "S08000026");
    if (!shetland) throw new Error("fixture missing");
    data.boundaries.region.push({ ...shetland });
    data.boundaries.local.push({ ...shetland, code: "S08999999" });
    expectErrorNaming(
      validateBoundaries("region", data.boundaries.region, data.areas),
      "S08000026",
      "boundary",
    );
    expectErrorNaming(
      validateBoundaries("local", data.boundaries.local, data.areas),
      "S08999999",
      "boundary",
    );
  });

  it("invalid geometry", () => {
    const open: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [-1, 52],
          [-1, 53],
          [0, 53],
          [0, 52],
        ],
      ],
    };
    const outside: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [-12, 52],
          [-12, 53],
          [-11, 53],
          [-12, 52],
        ],
      ],
    };
    expectErrorNaming(validateGeometry("E54000044", open), "E54000044", "geometry");
    expectErrorNaming(validateGeometry("E54000044", outside), "E54000044", "geometry");
    expectErrorNaming(validateGeometry("E54000044", null), "E54000044", "geometry");
    const anticlockwise: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [-1, 52],
          [0, 52],
          [0, 53],
          [-1, 53],
          [-1, 52],
        ],
      ],
    };
    expectErrorNaming(validateGeometry("E54000044", anticlockwise), "E54000044", "geometry");
    expect(
      validateGeometry("E54000044", {
        ...anticlockwise,
        coordinates: [anticlockwise.coordinates[0]!.slice().reverse()],
      }),
    ).toEqual([]);
  });

  it("board point outside its area is an error, English trust HQ outside its ICB only a warning", () => {
    const data = fresh();
    const geometries = new Map<string, Geometry | null>(
      data.boundaries.local.map((f) => [f.code, f.geometry]),
    );
    const board = data.organisations.find((o) => o.code === "S08000026");
    const trust = data.organisations.find((o) => o.code === "RX2");
    if (!board || !trust) throw new Error("fixtures missing");
    board.lat = 55.95; // Edinburgh, not Shetland
    board.lon = -3.19;
    trust.lat = 51.5; // central London, not Sussex
    trust.lon = -0.12;
    const issues = validateOrganisationLocations(data.organisations, geometries);
    expectErrorNaming(issues, "S08000026", "organisation-location");
    expect(errorsOf(issues).some((i) => i.code === "RX2")).toBe(false);
    expect(warningsOf(issues).some((i) => i.code === "RX2")).toBe(true);
  });

  it("successor that is not an organisation", () => {
    const data = fresh();
    const rrp = data.organisations.find((o) => o.code === "RRP");
    if (!rrp) throw new Error("fixture missing");
    rrp.successor_code = "ZZZ";
    expectErrorNaming(validateOrganisations(data.organisations, data.areas), "RRP", "organisation-successor");
  });
});
