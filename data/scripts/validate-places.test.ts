import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { PlaceRow } from "./places/schema";
import { parsePlacesCsv, sortPlaces, validatePlaces } from "./places/validate-places";
import { errorsOf, type Issue, parseAreasCsv } from "./validate-reference";

const REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../reference");
const committed = parsePlacesCsv(readFileSync(path.join(REFERENCE_DIR, "places.csv"), "utf8"));
const areas = parseAreasCsv(readFileSync(path.join(REFERENCE_DIR, "areas.csv"), "utf8"));

const fresh = (): PlaceRow[] => structuredClone(committed);
const row = (places: PlaceRow[], code: string) => places.find((p) => p.place_code === code)!;

function expectErrorNaming(issues: Issue[], code: string, check: string): void {
  const hits = errorsOf(issues).filter((i) => i.code === code && i.check === check);
  expect(hits, `expected [${check}] for ${code}, got ${JSON.stringify(issues)}`).not.toHaveLength(0);
  for (const hit of hits) expect(hit.message).toContain(code);
}

describe("committed places.csv", () => {
  it("validates against areas.csv and is in the build's order", () => {
    expect(errorsOf(validatePlaces(committed, areas))).toEqual([]);
    expect(committed).toEqual(sortPlaces(committed));
  });

  it("has the places people search for, each with the NHS area that serves it", () => {
    const name = (code: string) => areas.find((a) => a.code === code)?.name;
    const served = (placeName: string) =>
      committed.filter((p) => p.place_name === placeName).map((p) => [name(p.area_code), p.share_of_place]);
    expect(served("Leeds")).toEqual([["NHS West Yorkshire Integrated Care Board", 1]]);
    expect(served("Norfolk")).toEqual([["NHS Norfolk and Waveney Integrated Care Board", 1]]);
    expect(served("Cardiff")).toEqual([["Cardiff and Vale University Health Board", 1]]);
    expect(served("Glasgow City")).toEqual([["NHS Greater Glasgow and Clyde", 1]]);
    // A split place: one row per area, the largest share first.
    expect(served("Essex").map(([n]) => n)).toEqual([
      "NHS Mid and South Essex Integrated Care Board",
      "NHS Suffolk and North East Essex Integrated Care Board",
      "NHS Hertfordshire and West Essex Integrated Care Board",
    ]);
  });
});

describe("place validation catches broken inputs", () => {
  it("an area that is not a local area of areas.csv", () => {
    const places = fresh();
    row(places, "E08000035").area_code = "E54999999";
    row(places, "W06000015").area_code = "W99999999";
    const issues = validatePlaces(places, areas);
    expectErrorNaming(issues, "E08000035", "place-area");
    expectErrorNaming(issues, "W06000015", "place-area");
  });

  it("shares that do not add up to the whole place", () => {
    const places = fresh();
    const essex = places.filter((p) => p.place_code === "E10000012");
    essex[0]!.share_of_place = 0.4;
    expectErrorNaming(validatePlaces(places, areas), "E10000012", "place-share-sum");
    row(places, "E08000035").share_of_place = 0;
    expectErrorNaming(validatePlaces(places, areas), "E08000035", "place-share");
  });

  it("a code of the wrong kind, a wrong nation, an empty name or an area listed twice", () => {
    const places = fresh();
    row(places, "S12000049").place_code = "S08000049";
    row(places, "W06000015").nation = "England";
    row(places, "N09000001").place_name = " ";
    const leeds = row(places, "E08000035");
    places.push({ ...leeds, share_of_place: 0 });
    const issues = validatePlaces(places, areas);
    expectErrorNaming(issues, "S08000049", "place-code");
    expectErrorNaming(issues, "W06000015", "place-nation");
    expectErrorNaming(issues, "N09000001", "place-name");
    expectErrorNaming(issues, "E08000035", "place-unique-area");
  });

  it("a missing place", () => {
    const places = fresh().filter((p) => p.place_code !== "N09000003");
    expectErrorNaming(validatePlaces(places, areas), "local_government_district_2021", "place-count");
  });

  it("refuses a file with another header", () => {
    expect(() => parsePlacesCsv("code,name\nE1,x\n")).toThrow(/places\.csv: header "code,name"/);
  });
});
