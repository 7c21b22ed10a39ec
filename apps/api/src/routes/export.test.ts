import { execFileSync, spawnSync } from "node:child_process";
import { TEST_DIALECTS } from "@atlas/db/testing";
import {
  CoverageResponseSchema,
  ExportResponseSchema,
  GapsResponseSchema,
  STATUS_WORDS,
  sortAreas,
} from "@atlas/domain";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../testing";
import { buildFixtureApp } from "./data-fixture";
import { PROVENANCE_COLUMNS } from "./export";

const hasPython = spawnSync("python3", ["-c", "import csv"]).status === 0;

/** What Python's standard csv module reads from the text (the reader pandas and most scripts mirror). */
function pythonCsv(text: string): string[][] {
  const script = "import csv, json, sys\nprint(json.dumps(list(csv.reader(sys.stdin))))";
  return JSON.parse(execFileSync("python3", ["-c", script], { input: text, encoding: "utf8" }));
}

// CSV downloads must open as a table in R's read.csv, pandas.read_csv and Excel with default settings:
// the header on line 1, no byte-order mark, nothing before it, the provenance in columns of every row.
describe.each(TEST_DIALECTS)("CSV export on %s", (kind) => {
  let t: TestApp;
  const text = async (url: string) => {
    const res = await t.app.request(url);
    expect(res.status, url).toBe(200);
    return res.text();
  };
  const json = async (url: string) => (await (await t.app.request(url)).json()) as unknown;

  beforeAll(async () => {
    t = await buildFixtureApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("has the header on the first line and parses with a standard CSV parser's defaults", async () => {
    const csv = await text("/api/export?view=coverage&wave=2024&level=local&metric=offering_pct");
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.startsWith("#")).toBe(false);
    // Excel takes a file starting "ID" for SYLK; ours starts with a column name of the view.
    expect(csv.startsWith("ID")).toBe(false);
    const rows = parse(csv) as string[][];
    const [header, ...data] = rows;
    expect(header!.slice(0, 5)).toEqual(["wave", "level", "metric", "code", "name"]);
    expect(header!.slice(-1 - PROVENANCE_COLUMNS.length)).toEqual(["synthetic", ...PROVENANCE_COLUMNS]);
    const view = CoverageResponseSchema.parse(
      await json("/api/coverage?wave=2024&level=local&metric=offering_pct"),
    );
    expect(data).toHaveLength(view.areas.length);
    for (const row of data) expect(row).toHaveLength(header!.length);
  });

  it("carries source, licence, attribution, the synthetic notice, its query and the time on every row", async () => {
    const csv = await text("/api/export?view=coverage&wave=2024&level=local&metric=offering_pct");
    const records = parse(csv, { columns: true }) as Record<string, string>[];
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(record.synthetic).toBe("true");
      expect(record.notice).toMatch(/^SYNTHETIC DEMONSTRATION DATA/);
      expect(record.licence).toMatch(/^Open Government Licence v3\.0 \(https:/);
      expect(record.attribution).toContain("Office for National Statistics");
      expect(record.source).toContain("fixture");
      expect(Date.parse(record.exported_at!)).not.toBeNaN();
      expect(record.query).toBe("view=coverage&wave=2024&level=local&metric=offering_pct&sort=name");
    }
    // The query reproduces the file.
    const again = ExportResponseSchema.parse(await json(`/api/export?${records[0]!.query}&format=json`));
    expect(again.rows.map((r) => r.code)).toEqual(records.map((r) => r.code));
    // A wave of real returns has no notice.
    const real = parse(await text("/api/export?view=gaps&wave=2022&level=local"), {
      columns: true,
    }) as Record<string, string>[];
    for (const record of real) {
      expect(record.synthetic).toBe("false");
      expect(record.notice).toBe("");
    }
  });

  it("lists rows in the order the screen shows them, with the screen's words for statuses", async () => {
    const view = CoverageResponseSchema.parse(
      await json("/api/coverage?wave=2024&level=local&metric=offering_pct"),
    );
    for (const sort of ["name", "value", "response"] as const) {
      const records = parse(
        await text(`/api/export?view=coverage&wave=2024&level=local&metric=offering_pct&sort=${sort}`),
        { columns: true },
      ) as Record<string, string>[];
      expect(
        records.map((r) => r.code),
        sort,
      ).toEqual(sortAreas(view.areas, sort).map((a) => a.code));
      for (const record of records) {
        const area = view.areas.find((a) => a.code === record.code)!;
        expect(record.status).toBe(STATUS_WORDS[area.status]);
        expect(record.status_code).toBe(area.status);
      }
    }
    expect(Object.values(STATUS_WORDS)).not.toContain("ok");
    // Gaps: ranked, largest gap first, as the list on screen, then the areas whose need is unknown.
    const gaps = GapsResponseSchema.parse(await json("/api/gaps?wave=2024&level=local"));
    const records = parse(await text("/api/export?view=gaps&wave=2024&level=local"), {
      columns: true,
    }) as Record<string, string>[];
    expect(records.map((r) => r.code)).toEqual([...gaps.gaps, ...gaps.unknown].map((g) => g.code));
    const bad = await t.app.request("/api/export?view=coverage&wave=2024&level=local&sort=colour");
    expect(bad.status).toBe(400);
  });

  it.skipIf(!hasPython)("reads the same in Python's csv module as in csv-parse", async () => {
    for (const url of [
      "/api/export?view=coverage&wave=2024&level=local&metric=offering_pct",
      "/api/export?view=gaps&wave=2024&level=local",
      "/api/export?view=organisations&wave=2024",
      "/api/export?view=trends&metric=offering_pct&level=nation&areas=K02000001",
    ]) {
      const csv = await text(url);
      const python = pythonCsv(csv);
      expect(python, url).toEqual(parse(csv));
      expect(python[0]![0], url).toMatch(/^[a-z_]+$/);
    }
  });
});
