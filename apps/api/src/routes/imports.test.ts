import { countReturns } from "@atlas/db";
import { dumpTables, TEST_DIALECTS } from "@atlas/db/testing";
import { ImportSummarySchema, ProblemSchema, SURVEY_COLUMNS } from "@atlas/domain";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { decodeXlsx } from "../import/decode-xlsx";
import { insertFixture } from "../import/test-fixture";
import { buildTestApp, type TestApp } from "../testing";

const TOKEN = "test-admin-token-0123456789";
const WAVE_2016 = "wave,org_code,provision,places_offered\n2016,RV3,routine,24\n2016,RAT,none,0\n";
const auth = { Authorization: `Bearer ${TOKEN}` };
const post = (t: TestApp, body: BodyInit, headers: Record<string, string>, query = "") =>
  t.app.request(`/api/imports${query}`, { method: "POST", body, headers });

describe.each(TEST_DIALECTS)("POST /api/imports on %s", (kind) => {
  let t: TestApp;
  let off: TestApp;
  beforeAll(async () => {
    [t, off] = await Promise.all([
      buildTestApp(kind, { config: { adminToken: TOKEN, maxImportBytes: 10_000 } }),
      buildTestApp(kind, {}),
    ]);
    await insertFixture(t.db);
  });
  afterAll(async () => {
    await Promise.all([t?.close(), off?.close()]);
  });
  beforeEach(async () => {
    await t.db.db.deleteFrom("surveyReturns").execute();
    await t.db.db.deleteFrom("returnRevisions").execute();
    await t.db.db.deleteFrom("importBatches").execute();
    await t.db.db.deleteFrom("surveyWaves").execute();
  });

  it("is off (403) without a configured admin token", async () => {
    const res = await post(off, WAVE_2016, { ...auth, "Content-Type": "text/csv" });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(ProblemSchema.parse(await res.json()).detail).toMatch(/HTTP imports are off/);
  });

  it("imports a CSV body (201), says an identical file changes nothing (200), refuses an existing wave (409)", async () => {
    const created = await post(
      t,
      WAVE_2016,
      { ...auth, "Content-Type": "text/csv" },
      "?fileName=returns-2016.csv",
    );
    expect(created.status).toBe(201);
    const summary = ImportSummarySchema.parse(await created.json());
    expect(summary).toMatchObject({
      status: "imported",
      file: "returns-2016.csv",
      rows: 2,
      synthetic: false,
    });
    expect(summary.importedBy).toMatch(/^api:/);

    const again = await post(t, WAVE_2016, { ...auth, "Content-Type": "text/csv" });
    expect(again.status).toBe(200);
    expect(ImportSummarySchema.parse(await again.json()).status).toBe("unchanged");

    const other = "wave,org_code,provision\n2016,RV3,limited\n";
    const conflict = await post(t, other, { ...auth, "Content-Type": "text/csv" });
    expect(conflict.status).toBe(409);
    const p = ProblemSchema.parse(await conflict.json());
    expect(p.detail).toMatch(
      /wave 2016 already has 2 returns from returns-2016\.csv.*\?mode=add.*\?mode=replace\. Nothing was imported\./,
    );
    expect(p.errors).toEqual([expect.objectContaining({ parameter: "mode" })]);

    // Replacing two returns with one removes half the wave: refused until confirmed, naming what goes.
    const shrink = await post(t, other, { ...auth, "Content-Type": "text/csv" }, "?replace=true");
    expect(shrink.status).toBe(409);
    const refusal = ProblemSchema.parse(await shrink.json());
    expect(refusal.type).toMatch(/confirmation-required$/);
    expect(refusal.detail).toMatch(
      /would remove 1 of its 2 stored returns.*: RAT.*\?mode=add.*\?confirmShrink=true/,
    );
    expect(refusal.errors).toEqual([expect.objectContaining({ parameter: "confirmShrink" })]);
    expect(refusal.waves).toEqual([
      expect.objectContaining({
        waveId: "2016",
        diff: expect.objectContaining({
          removed: ["RAT"],
          changed: [{ orgCode: "RV3", fields: ["provision", "places_offered"] }],
        }),
      }),
    ]);
    expect(await countReturns(t.db.db, "2016")).toBe(2);
    const replaced = await post(
      t,
      other,
      { ...auth, "Content-Type": "text/csv" },
      "?replace=true&confirmShrink=true",
    );
    expect(replaced.status).toBe(201);
    expect(await countReturns(t.db.db, "2016")).toBe(1);
  });

  it("answers 422 with every problem's file, row and column, storing nothing", async () => {
    const dump = await dumpTables(t.db.db);
    const bad = "wave,org_code,provision,places_offered\n2016,RV3,sometimes,24\n2016,NOPE,none,-1\n";
    const res = await post(
      t,
      bad,
      { ...auth, "Content-Type": "text/csv; charset=utf-8" },
      "?fileName=..%2F..%2Fbad.csv",
    );
    expect(res.status).toBe(422);
    const p = ProblemSchema.parse(await res.json());
    expect(p.detail).toBe("bad.csv: 3 problems found; nothing was imported");
    expect(p.errors!.map((e) => [e.file, e.row, e.column])).toEqual([
      ["bad.csv", 2, "provision"],
      ["bad.csv", 3, "org_code"],
      ["bad.csv", 3, "places_offered"],
    ]);
    expect(p.errors![0]!.allowed).toContain("routine");
    expect(await dumpTables(t.db.db)).toEqual(dump);
  });

  it("accepts multipart (field file) and XLSX bodies; a synthetic file name marks the wave synthetic", async () => {
    const form = new FormData();
    form.append(
      "file",
      new File([WAVE_2016], "../../etc/mbct-survey-2016-synthetic.csv", { type: "text/csv" }),
    );
    const res = await post(t, form, auth, "?dryRun=true");
    expect(res.status).toBe(200);
    expect(ImportSummarySchema.parse(await res.json())).toMatchObject({
      status: "validated",
      file: "mbct-survey-2016-synthetic.csv",
      synthetic: true,
    });
    expect(await countReturns(t.db.db)).toBe(0);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("returns");
    sheet.addRows([
      ["wave", "org_code", "provision"],
      [2020, "NEW1", "limited"],
    ]);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const imported = await post(t, xlsx, {
      ...auth,
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    expect(imported.status).toBe(201);
    expect(ImportSummarySchema.parse(await imported.json())).toMatchObject({ file: "upload.xlsx", rows: 1 });

    const empty = await post(t, new FormData(), auth);
    expect(empty.status).toBe(400);
    const malformed = await post(t, "--x\r\nnot a part", {
      ...auth,
      "Content-Type": "multipart/form-data; boundary=x",
    });
    expect(malformed.status).toBe(400);
    expect(ProblemSchema.parse(await malformed.json()).detail).toMatch(/cannot be read/);
  });

  it("refuses bodies over the size limit (413) and other content types (415)", async () => {
    const big = `${WAVE_2016}${"2016,RWK,none,0\n".repeat(1000)}`;
    const res = await post(t, big, { ...auth, "Content-Type": "text/csv" });
    expect(res.status).toBe(413);
    expect(ProblemSchema.parse(await res.json()).detail).toMatch(/larger than the 0 MB limit/);
    const json = await post(t, JSON.stringify({ wave: 2016 }), {
      ...auth,
      "Content-Type": "application/json",
    });
    expect(json.status).toBe(415);
    expect(ProblemSchema.parse(await json.json()).errors![0]!.allowed).toContain("text/csv");
  });

  it("serves the blank templates, CSV and XLSX, without a token", async () => {
    const csv = await t.app.request("/api/imports/template.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/survey-template\.csv/);
    expect(await csv.text()).toBe(`${SURVEY_COLUMNS.join(",")}\n`);
    const xlsx = await t.app.request("/api/imports/template.xlsx");
    expect(xlsx.status).toBe(200);
    const decoded = await decodeXlsx(new Uint8Array(await xlsx.arrayBuffer()), "template.xlsx", {
      maxRows: 10,
    });
    expect(decoded.ok && decoded.table?.header).toEqual([...SURVEY_COLUMNS]);
  });

  // Last: it leaves the test client's address blocked.
  it("answers 401 with WWW-Authenticate to a missing or wrong token, and 429 after ten failures", async () => {
    const missing = await post(t, WAVE_2016, { "Content-Type": "text/csv" });
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe('Bearer realm="atlas-admin"');
    for (let i = 0; i < 9; i++) {
      const wrong = await post(t, WAVE_2016, {
        Authorization: `Bearer wrong-${i}`,
        "Content-Type": "text/csv",
      });
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get("www-authenticate")).toMatch(/error="invalid_token"/);
    }
    const blocked = await post(t, WAVE_2016, { ...auth, "Content-Type": "text/csv" });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await countReturns(t.db.db)).toBe(0);
  });
});
