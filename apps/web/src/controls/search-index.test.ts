import type { Area, Place } from "@atlas/domain";
import { describe, expect, it } from "vitest";
import { normalise, searchAll, servedBy, shareWords } from "./search-index";

const area = (code: string, name: string, level: Area["level"], parentCode: string | null = null): Area => ({
  code,
  name,
  level,
  parentCode,
  adultPopulation: 1000,
  populationYear: 2024,
  populationSource: "test",
});

const areas = [
  area("W92000004", "Wales", "nation"),
  area("W11000023", "Betsi Cadwaladr University Health Board", "local", "W92000004"),
  area("E54000054", "NHS West Yorkshire Integrated Care Board", "local"),
  area("E54000022", "NHS Norfolk and Waveney Integrated Care Board", "local"),
  area("E54000023", "NHS Suffolk and North East Essex Integrated Care Board", "local"),
  area("W11000029", "Cardiff and Vale University Health Board", "local", "W92000004"),
  area("S08000031", "NHS Greater Glasgow and Clyde", "local"),
];
const place = (
  code: string,
  name: string,
  type: Place["type"],
  nation: string,
  shares: Array<[string, number]>,
) => ({
  code,
  name,
  type,
  nation,
  areas: shares.map(([c, share]) => ({ code: c, share })),
  shareBasis: "LSOA 2021 count",
});
const places: Place[] = [
  place("E08000035", "Leeds", "local_authority_district_2024", "England", [["E54000054", 1]]),
  place("E10000020", "Norfolk", "county_2023", "England", [["E54000022", 1]]),
  place("E07000147", "North Norfolk", "local_authority_district_2024", "England", [["E54000022", 1]]),
  place("W06000015", "Cardiff", "local_authority_2021", "Wales", [["W11000029", 1]]),
  place("S12000049", "Glasgow City", "council_area_2019", "Scotland", [["S08000031", 1]]),
  place("E10000029", "Suffolk", "county_2023", "England", [
    ["E54000023", 0.8396],
    ["E54000022", 0.1604],
  ]),
  place("E07000244", "East Suffolk", "local_authority_district_2024", "England", [
    ["E54000023", 0.5034],
    ["E54000022", 0.4966],
  ]),
];
const organisations = [
  {
    code: "RX4",
    name: "Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust",
    areaName: "NHS North East and North Cumbria ICB",
  },
  {
    code: "RGD",
    name: "Leeds and York Partnership NHS Foundation Trust",
    areaName: "NHS West Yorkshire ICB",
  },
];

describe("searchAll", () => {
  it("finds areas and organisations by name, with their context", () => {
    const results = searchAll("betsi", areas, organisations);
    expect(results).toEqual([
      {
        kind: "area",
        code: "W11000023",
        name: "Betsi Cadwaladr University Health Board",
        level: "local",
        target: "W11000023",
        detail: "Local area in Wales",
      },
    ]);
    expect(searchAll("leeds", areas, organisations)[0]).toMatchObject({ kind: "organisation", code: "RGD" });
  });

  it("ranks an exact code first, then names that start with the query", () => {
    expect(searchAll("rx4", areas, organisations)[0]!.code).toBe("RX4");
    // Names starting "NHS" (alphabetically), then those that only contain it.
    expect(searchAll("nhs", areas, organisations).map((r) => r.code)).toEqual([
      "S08000031",
      "E54000022",
      "E54000023",
      "E54000054",
      "RX4",
      "RGD",
    ]);
  });

  it("ignores case and accents, and waits for two characters", () => {
    expect(normalise("Ynys Môn")).toBe("ynys mon");
    expect(searchAll("w", areas, organisations)).toEqual([]);
    expect(searchAll("WALES", areas, organisations)[0]!.code).toBe("W92000004");
  });

  it("finds a place by the name people use and says which NHS area serves it", () => {
    const leeds = searchAll("Leeds", areas, organisations, places);
    // The place first (an exact name), before the trust whose name only starts with it.
    expect(leeds[0]).toMatchObject({
      kind: "place",
      name: "Leeds",
      target: "E54000054",
      level: "local",
      detail: "Local authority in England, served by NHS West Yorkshire ICB",
    });
    expect(leeds[1]).toMatchObject({ kind: "organisation", code: "RGD" });
    expect(searchAll("norfolk", areas, organisations, places).map((r) => r.name)).toEqual([
      "Norfolk",
      "NHS Norfolk and Waveney Integrated Care Board",
      "North Norfolk",
    ]);
    expect(searchAll("Cardiff", areas, organisations, places)[0]).toMatchObject({
      kind: "place",
      target: "W11000029",
      detail: "Local authority in Wales, served by Cardiff and Vale University Health Board",
    });
    expect(searchAll("glasgow city", areas, organisations, places)[0]).toMatchObject({
      kind: "place",
      target: "S08000031",
      detail: "Council area in Scotland, served by NHS Greater Glasgow and Clyde",
    });
  });

  it("says roughly how a split place is shared, and opens the area serving most of it", () => {
    const [suffolk] = searchAll("Suffolk", areas, organisations, places);
    expect(suffolk).toMatchObject({ name: "Suffolk", target: "E54000023" });
    expect(suffolk!.detail).toBe(
      "County in England, mostly in NHS Suffolk and North East Essex ICB, about 15% in NHS Norfolk and Waveney ICB",
    );
    const names = new Map(areas.map((a) => [a.code, a.name]));
    expect(servedBy(places.find((p) => p.name === "East Suffolk")!, names)).toBe(
      "about half in NHS Suffolk and North East Essex ICB, about half in NHS Norfolk and Waveney ICB",
    );
  });

  it("words shares as counts of small areas allow: roughly, never to the decimal", () => {
    expect([0.988, 0.9129, 0.567, 0.5034, 0.2281, 0.1548, 0.0792, 0.0154].map(shareWords)).toEqual([
      "almost all",
      "mostly",
      "about 60%",
      "about half",
      "about 25%",
      "about 15%",
      "about 10%",
      "a small part",
    ]);
  });
});
