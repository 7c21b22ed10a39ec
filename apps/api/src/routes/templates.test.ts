import { execFileSync } from "node:child_process";
import { listReturns } from "@atlas/db";
import { TEST_DIALECTS } from "@atlas/db/testing";
import { ImportSummarySchema, isOpenDuringWave, SURVEY_COLUMNS } from "@atlas/domain";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readReference } from "../reference/read-reference";
import { buildTestApp, type TestApp } from "../testing";

const TOKEN = "templates-test-token-0123456789";
const open2027 = readReference().organisations.filter((o) => isOpenDuringWave(o, "2027"));
const TEMPLATE_HEADER = ["wave", "org_code", "org_name", ...SURVEY_COLUMNS.slice(2)];

describe.each(TEST_DIALECTS)("pre-filled templates on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(kind, { reference: true, config: { adminToken: TOKEN } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("serves a CSV with a row per organisation open during the wave, which imports once some rows are filled in", async () => {
    const res = await t.app.request("/api/imports/template.csv?wave=2027");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="survey-template-2027.csv"');
    const lines = (await res.text()).trim().split("\n");
    expect(lines[0]).toBe(TEMPLATE_HEADER.join(","));
    expect(lines).toHaveLength(open2027.length + 1);
    const codes = lines.slice(1).map((l) => l.split(",")[1]);
    expect(new Set(codes)).toEqual(new Set(open2027.map((o) => o.code)));
    // Closed organisations are not invited.
    const closed = readReference().organisations.find(
      (o) => o.closedOn !== null && o.closedOn < "2027-01-01",
    )!;
    expect(codes).not.toContain(closed.code);

    // Fill in two rows (provision is the fourth column), leave the rest as they came.
    const filled = lines.map((line, i) =>
      i === 1 || i === 2 ? line.replace(/^([^,]*,[^,]*,(?:"[^"]*"|[^,]*)),/, "$1,routine") : line,
    );
    const imported = await t.app.request("/api/imports?mode=add&fileName=survey-template-2027.csv", {
      method: "POST",
      body: `${filled.join("\n")}\n`,
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "text/csv" },
    });
    expect(imported.status).toBe(201);
    const summary = ImportSummarySchema.parse(await imported.json());
    expect(summary).toMatchObject({ rows: 2, skippedRows: open2027.length - 2 });
    expect(summary.message).toMatch(new RegExp(`${open2027.length - 2} template rows left blank skipped`));
    expect((await listReturns(t.db.db, { waveIds: ["2027"] })).map((r) => r.orgCode).sort()).toEqual(
      [codes[0], codes[1]].sort(),
    );
  });

  it("serves an XLSX that keeps its drop-downs, instructions and vocabulary, with the rows filled in", async () => {
    const res = await t.app.request("/api/imports/template.xlsx?wave=2027");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="survey-template-2027.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["returns", "vocabulary", "how to fill in"]);
    const sheet = workbook.getWorksheet("returns")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(TEMPLATE_HEADER);
    expect(sheet.actualRowCount).toBe(open2027.length + 1);
    expect(sheet.getCell("A2").value).toBe("2027");
    expect(sheet.getCell("D2").dataValidation).toMatchObject({ type: "list" });
    // Drop-downs reach past the pre-filled rows, for organisations added by hand.
    expect(sheet.getCell(open2027.length + 50, 4).dataValidation).toMatchObject({ type: "list" });
    const notes = (workbook.getWorksheet("how to fill in")!.getColumn(1).values as unknown[]).join("\n");
    expect(notes).toMatch(/Pre-filled for wave 2027.*org_name is a helper/);
  });

  it("serves the blank template without a wave, and refuses a bad wave id", async () => {
    expect((await (await t.app.request("/api/imports/template.csv")).text()).trim()).toBe(
      SURVEY_COLUMNS.join(","),
    );
    expect((await t.app.request("/api/imports/template.csv?wave=27")).status).toBe(400);
    expect((await t.app.request("/api/imports/template.xlsx?wave=2027-13")).status).toBe(400);
  });
});

describe("the XLSX writer", () => {
  it("is loaded when a template is first written, not when the server starts", () => {
    // A fresh process: this one has loaded exceljs itself (to read the templates back).
    const probe = `
      const { createRequire } = await import("node:module");
      await import("./apps/api/src/app.ts");
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((p) => p.includes("/exceljs/"));
      const before = loaded();
      const { surveyTemplateXlsx } = await import("./apps/api/src/import/template.ts");
      await surveyTemplateXlsx();
      console.log(JSON.stringify({ before, after: loaded() }));`;
    const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", probe], {
      cwd: new URL("../../../../", import.meta.url),
      encoding: "utf8",
    });
    expect(JSON.parse(out.trim().split("\n").at(-1)!)).toEqual({ before: false, after: true });
  }, 60_000);
});
