import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  DIRECTORY_COLUMNS,
  type DirectoryCsvContext,
  directoryCsv,
  directoryFileName,
} from "./directory-csv";
import type { DirectoryEntry } from "./register";

const entry = (more: Partial<DirectoryEntry>): DirectoryEntry => ({
  code: "RGD",
  name: "Leeds and York Partnership NHS Foundation Trust",
  type: "mental_health_trust",
  areaCode: "E54000054",
  areaName: "NHS West Yorkshire Integrated Care Board",
  regionCode: "E40000012",
  regionName: "North East and Yorkshire",
  openedOn: "2007-08-01",
  closedOn: null,
  closed: false,
  successorCode: null,
  successorName: null,
  source: "NHS ODS etr 2026-04; OGL v3.0",
  wave: { status: "answered", provision: "routine" },
  ...more,
});

const CONTEXT: DirectoryCsvContext = {
  wave: "2026",
  synthetic: true,
  provisional: false,
  licence: "Open Government Licence v3.0",
  licenceUrl: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
  attribution: ["Contains public sector information licensed under the Open Government Licence v3.0."],
  query: "?view=directory&q=leeds",
  exportedAt: "2026-12-02T03:00:00.000Z",
};

const read = (csv: string) => parse(csv, { columns: true }) as Array<Record<string, string>>;

describe("the directory's CSV", () => {
  it("starts with the header, ends lines with CRLF, and has one row per organisation listed, in order", () => {
    const csv = directoryCsv(
      [entry({}), entry({ code: "RY6", name: "Leeds Community Healthcare NHS Trust" })],
      CONTEXT,
    );
    expect(csv.startsWith(`${DIRECTORY_COLUMNS.join(",")}\r\n`)).toBe(true);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "").includes("\n")).toBe(false);
    const rows = read(csv);
    expect(rows.map((r) => r.code)).toEqual(["RGD", "RY6"]);
    expect(Object.keys(rows[0]!)).toEqual([...DIRECTORY_COLUMNS]);
  });

  it("carries the wave's answer, where it came from, the licence and the query on every row", () => {
    const [row] = read(directoryCsv([entry({})], CONTEXT));
    expect(row).toMatchObject({
      wave: "2026",
      wave_status: "Routine",
      provision: "routine",
      status: "open",
      synthetic: "true",
      query: "view=directory&q=leeds",
      exported_at: CONTEXT.exportedAt,
    });
    expect(row!.notice).toMatch(/synthetic/i);
    expect(row!.source).toContain("NHS ODS etr 2026-04");
    expect(row!.source).toContain("survey wave 2026 (synthetic)");
    expect(row!.licence).toContain(CONTEXT.licenceUrl);
  });

  it("before any wave: no wave, no answers, nothing synthetic", () => {
    const [row] = read(
      directoryCsv([entry({ wave: null })], { ...CONTEXT, wave: null, synthetic: false, provisional: false }),
    );
    expect(row).toMatchObject({ wave: "", wave_status: "", provision: "", synthetic: "false", notice: "" });
  });

  it("quotes commas, quotes and line breaks, and neutralises cells a spreadsheet would run as formulas", () => {
    const hostile = entry({
      code: "X1",
      name: '=HYPERLINK("http://evil","click")',
      areaName: "+44 area, with a comma",
      regionName: "-1",
      successorName: "@SUM(A1)",
      source: 'line one\nline "two"',
    });
    const csv = directoryCsv([hostile], CONTEXT);
    const [row] = read(csv);
    expect(row!.name).toBe(`'=HYPERLINK("http://evil","click")`);
    expect(row!.area_name).toBe("'+44 area, with a comma");
    expect(row!.region_name).toBe("'-1");
    expect(row!.successor_name).toBe("'@SUM(A1)");
    expect(row!.source).toContain('line one\nline "two"');
    for (const value of Object.values(row!)) expect(value).not.toMatch(/^[=+\-@]/);
  });

  it("names the file for what is in it", () => {
    expect(directoryFileName({ q: " leeds ", status: "closed", region: null }, "2026", true)).toBe(
      "mbct-atlas_directory_leeds_closed_2026_synthetic.csv",
    );
    expect(directoryFileName({ q: "", status: "all", region: "S99999999" }, null, false)).toBe(
      "mbct-atlas_directory_S99999999_register.csv",
    );
    expect(directoryFileName({ q: "../a b/c", status: "all", region: null }, null, false)).toBe(
      "mbct-atlas_directory_-a-b-c_register.csv",
    );
  });
});
