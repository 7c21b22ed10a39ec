import type { Area } from "@atlas/domain";
import { describe, expect, it } from "vitest";
import { normalise, searchAll } from "./search-index";

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
        detail: "Local area in Wales",
      },
    ]);
    expect(searchAll("leeds", areas, organisations)[0]).toMatchObject({ kind: "organisation", code: "RGD" });
  });

  it("ranks an exact code first, then names that start with the query", () => {
    expect(searchAll("rx4", areas, organisations)[0]!.code).toBe("RX4");
    expect(searchAll("nhs", areas, organisations).map((r) => r.code)).toEqual(["E54000054", "RX4", "RGD"]);
  });

  it("ignores case and accents, and waits for two characters", () => {
    expect(normalise("Ynys Môn")).toBe("ynys mon");
    expect(searchAll("w", areas, organisations)).toEqual([]);
    expect(searchAll("WALES", areas, organisations)[0]!.code).toBe("W92000004");
  });
});
