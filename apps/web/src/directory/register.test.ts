import type { Area, OrganisationSummary } from "@atlas/domain";
import { describe, expect, it } from "vitest";
import { areaIndex } from "../state/area-lookup";
import {
  countWords,
  directoryEntries,
  filterDirectory,
  isClosed,
  matchesSearch,
  regionChoices,
  regionOf,
  searchTerms,
  waveStatusWords,
} from "./register";

const area = (code: string, name: string, level: Area["level"], parentCode: string | null): Area => ({
  code,
  name,
  level,
  parentCode,
  adultPopulation: 1000,
  populationYear: 2022,
  populationSource: "test",
});

const AREAS = [
  area("E92000001", "England", "nation", null),
  area("S92000003", "Scotland", "nation", null),
  area("E40000012", "North East and Yorkshire", "region", "E92000001"),
  area("E40000003", "London", "region", "E92000001"),
  area("S99999999", "Scotland", "region", "S92000003"),
  area("E54000054", "NHS West Yorkshire Integrated Care Board", "local", "E40000012"),
  area("E54000028", "NHS North Central London Integrated Care Board", "local", "E40000003"),
  area("S08000024", "NHS Lothian", "local", "S99999999"),
];

const org = (
  code: string,
  name: string,
  areaCode: string,
  more: Partial<OrganisationSummary> = {},
): OrganisationSummary => ({
  code,
  name,
  type: "mental_health_trust",
  areaCode,
  areaName: AREAS.find((a) => a.code === areaCode)!.name,
  lat: null,
  lon: null,
  openedOn: null,
  closedOn: null,
  successorCode: null,
  successorName: null,
  source: "test register",
  provision: null,
  stage: null,
  placesOffered: null,
  ...more,
});

const REGISTER = [
  org("RRP", "Barnet, Enfield and Haringey Mental Health NHS Trust", "E54000028", {
    openedOn: "2001-04-01",
    closedOn: "2024-10-31",
    successorCode: "G6V2S",
    successorName: "North London NHS Foundation Trust",
  }),
  org("RY6", "Leeds Community Healthcare NHS Trust", "E54000054", { type: "talking_therapies_trust" }),
  org("RGD", "Leeds and York Partnership NHS Foundation Trust", "E54000054"),
  org("S08000024", "NHS Lothian", "S08000024", { type: "health_board" }),
  org("G6V2S", "North London NHS Foundation Trust", "E54000028", { openedOn: "2024-11-01" }),
  org("RNK", "Tavistock and Portman NHS Foundation Trust", "E54000028", { closedOn: "2027-03-31" }),
  org("R1X", "St Mary’s & King's NHS Trust", "E54000028"),
];

const TODAY = "2026-12-02";
const byCode = areaIndex(AREAS);

describe("the directory's entries", () => {
  it("finds each organisation's region by walking up from its local area", () => {
    expect(regionOf("E54000054", byCode)?.name).toBe("North East and Yorkshire");
    expect(regionOf("S08000024", byCode)?.code).toBe("S99999999");
    expect(regionOf("E40000003", byCode)?.code).toBe("E40000003");
    expect(regionOf("E92000001", byCode)).toBeNull();
    expect(regionOf("nowhere", byCode)).toBeNull();
  });

  it("counts an organisation closed only once its close date has passed", () => {
    expect(isClosed("2024-10-31", TODAY)).toBe(true);
    expect(isClosed(TODAY, TODAY)).toBe(false);
    expect(isClosed("2027-03-31", TODAY)).toBe(false);
    expect(isClosed(null, TODAY)).toBe(false);
  });

  it("joins each wave answer, says who was open but did not answer, and who did not exist then", () => {
    const inWave = [
      { ...REGISTER[1]!, provision: "routine" as const },
      { ...REGISTER[2]!, provision: null },
    ];
    const entries = directoryEntries(REGISTER, byCode, inWave, TODAY);
    expect(entries.map((e) => e.code)).toEqual(REGISTER.map((o) => o.code));
    const wave = new Map(entries.map((e) => [e.code, e.wave]));
    expect(wave.get("RY6")).toEqual({ status: "answered", provision: "routine" });
    expect(wave.get("RGD")).toEqual({ status: "not_surveyed" });
    expect(wave.get("RRP")).toEqual({ status: "not_open" });
    expect(waveStatusWords(wave.get("RRP")!, "2026")).toBe("Not open in 2026");
    expect(waveStatusWords(wave.get("RGD")!, "2026")).toBe("Not surveyed");
    expect(waveStatusWords(wave.get("RY6")!, "2026")).toBe("Routine");
  });

  it("has no wave column at all before any wave is published", () => {
    const entries = directoryEntries(REGISTER, byCode, null, TODAY);
    expect(entries.every((e) => e.wave === null)).toBe(true);
    expect(entries.find((e) => e.code === "RRP")).toMatchObject({
      closed: true,
      regionCode: "E40000003",
      successorName: "North London NHS Foundation Trust",
    });
  });

  it("offers the regions by name", () => {
    expect(regionChoices(AREAS).map((a) => a.name)).toEqual([
      "London",
      "North East and Yorkshire",
      "Scotland",
    ]);
  });
});

describe("searching the directory", () => {
  const entries = directoryEntries(REGISTER, byCode, null, TODAY);
  const names = (q: string, more: Partial<Parameters<typeof filterDirectory>[1]> = {}) =>
    filterDirectory(entries, { q, status: "all", region: null, ...more }).map((e) => e.code);

  it("leaves out the words nearly every name has, unless they are all there is", () => {
    expect(searchTerms("Leeds NHS Foundation Trust")).toEqual(["leeds"]);
    expect(searchTerms("  the  ")).toEqual(["the"]);
    expect(searchTerms("NHS")).toEqual(["nhs"]);
    expect(searchTerms("King’s & St Mary's")).toEqual(["kings", "st", "marys"]);
  });

  it("ignores case, accents, “NHS” and “Trust”; every word must match", () => {
    expect(names("leeds")).toEqual(["RY6", "RGD"]);
    expect(names("LEEDS nhs trust")).toEqual(["RY6", "RGD"]);
    expect(names("leeds york")).toEqual(["RGD"]);
    expect(names("Lóthian")).toEqual(["S08000024"]);
    expect(names("kings")).toEqual(["R1X"]);
    expect(names("st mary's & king’s")).toEqual(["R1X"]);
    expect(names("leeds lothian")).toEqual([]);
  });

  it("finds a code from its start, and puts the organisation with exactly that code first", () => {
    expect(names("rgd")).toEqual(["RGD"]);
    expect(names("S0800")).toEqual(["S08000024"]);
    expect(matchesSearch({ code: "RGD", name: "x" }, ["gd"])).toBe(false);
    // "North London" names G6V2S; "G6V2S" (a successor link's search) lists it alone, first.
    expect(names("G6V2S")).toEqual(["G6V2S"]);
  });

  it("lists everything for an empty search, in the register's order", () => {
    expect(names("")).toEqual(REGISTER.map((o) => o.code));
    expect(names("   ")).toEqual(REGISTER.map((o) => o.code));
  });

  it("filters open or closed, and by region, together with the search", () => {
    expect(names("", { status: "closed" })).toEqual(["RRP"]);
    expect(names("", { status: "open" })).not.toContain("RRP");
    expect(names("", { status: "open" })).toContain("RNK");
    expect(names("", { region: "S99999999" })).toEqual(["S08000024"]);
    expect(names("north", { region: "E40000003", status: "open" })).toEqual(["G6V2S"]);
    expect(names("leeds", { region: "E40000003" })).toEqual([]);
  });

  it("says how many are shown of how many", () => {
    expect(countWords(23, 90)).toBe("Showing 23 of 90 organisations");
    expect(countWords(90, 90)).toBe("Showing all 90 organisations");
    expect(countWords(0, 90)).toBe("Showing 0 of 90 organisations");
    expect(countWords(1, 1)).toBe("Showing all 1 organisation");
  });
});
