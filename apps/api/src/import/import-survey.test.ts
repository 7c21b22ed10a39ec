import {
  connect,
  countReturns,
  getDataVersion,
  listImportBatches,
  listReturns,
  listWaves,
  parseDatabaseUrl,
} from "@atlas/db";
import { dumpTables, openTestDb, TEST_DIALECTS, type TestDb } from "@atlas/db/testing";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImportConfirmationError, ImportConflictError, ImportValidationError } from "./errors";
import { importSurveyFile } from "./import-survey";
import { insertFixture } from "./test-fixture";

const HEADER =
  "wave,org_code,provision,stage,places_offered,participants_started,participants_completed,champion_present,barriers,notes";
const csv = (...rows: string[]) => new TextEncoder().encode(`${[HEADER, ...rows].join("\r\n")}\r\n`);
const WAVE_2016 = csv(
  "2016,RV3,routine,sustainable,24,20,16,yes,service_targets;financial_pressure,Two groups a year",
  "2016,RAT,none,not_started,,,,no,,",
  "2016,OLD1,no_response,,,,,,,",
);
const WAVE_2016_REVISED = csv("2016,RV3,limited,developmental,12,10,8,yes,,revised", "2016,RAT,none,,,,,,,");

describe.each(TEST_DIALECTS)("importSurveyFile on %s", (kind) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb(kind);
    await insertFixture(t);
  });
  afterEach(async () => {
    await t.close();
  });

  it("imports a CSV with a BOM in one batch, recording who, what and when", async () => {
    const before = await getDataVersion(t.db);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...WAVE_2016]);
    const summary = await importSurveyFile(t, {
      fileName: "../../uploads/returns 2016.csv",
      bytes,
      importedBy: "test",
    });
    expect(summary).toMatchObject({
      status: "imported",
      file: "returns 2016.csv",
      rows: 3,
      synthetic: false,
      waves: [{ waveId: "2016", rows: 3, action: "created", previousRows: 0 }],
    });
    expect(summary.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.dataVersion).toBe(await getDataVersion(t.db));
    expect(summary.dataVersion).not.toBe(before);
    const returns = await listReturns(t.db, { waveIds: ["2016"] });
    expect(returns.map((r) => [r.orgCode, r.provision])).toEqual([
      ["OLD1", "no_response"],
      ["RAT", "none"],
      ["RV3", "routine"],
    ]);
    expect(returns[2]).toMatchObject({
      barriers: ["service_targets", "financial_pressure"],
      championPresent: true,
      notes: "Two groups a year",
    });
    expect(await listImportBatches(t.db)).toEqual([
      expect.objectContaining({
        fileName: "returns 2016.csv",
        rowCount: 3,
        importedBy: "test",
        status: "imported",
        waveId: "2016",
      }),
    ]);
    expect(await listWaves(t.db)).toEqual([
      expect.objectContaining({ id: "2016", label: "2016", synthetic: false }),
    ]);
  });

  it("treats the identical file as a no-op that says so", async () => {
    await importSurveyFile(t, { fileName: "a.csv", bytes: WAVE_2016, importedBy: "test" });
    const dump = await dumpTables(t.db);
    const again = await importSurveyFile(t, {
      fileName: "a-copy.csv",
      bytes: WAVE_2016,
      importedBy: "other",
      replace: true,
    });
    expect(again).toMatchObject({
      status: "unchanged",
      dataVersion: null,
      waves: [{ waveId: "2016", action: "unchanged" }],
    });
    expect(again.message).toMatch(/already imported \(same checksum; imported by test at /);
    expect(await dumpTables(t.db)).toEqual(dump);
  });

  it("refuses a wave that already has returns unless asked to replace, then replaces it atomically", async () => {
    await importSurveyFile(t, { fileName: "a.csv", bytes: WAVE_2016, importedBy: "test" });
    const dump = await dumpTables(t.db);
    const refused = importSurveyFile(t, { fileName: "b.csv", bytes: WAVE_2016_REVISED, importedBy: "test" });
    await expect(refused).rejects.toBeInstanceOf(ImportConflictError);
    await expect(refused).rejects.toThrow(
      /b\.csv: wave 2016 already has 3 returns from a\.csv, imported .*; to add or update returns and keep the others, import with --add; to replace the wave's returns with the file's, import with --replace\. Nothing was imported\./,
    );
    expect(await dumpTables(t.db)).toEqual(dump);

    // It removes OLD1's return, one of three: more than 10%, so it must be confirmed.
    const shrinking = { fileName: "b.csv", bytes: WAVE_2016_REVISED, importedBy: "test", replace: true };
    await expect(importSurveyFile(t, shrinking)).rejects.toThrow(
      /replacing wave 2016 would remove 1 of its 3 stored returns \(33\.3%, more than 10%\): OLD1/,
    );
    expect(await dumpTables(t.db)).toEqual(dump);
    const replaced = await importSurveyFile(t, { ...shrinking, confirmShrink: true });
    expect(replaced.waves).toEqual([
      expect.objectContaining({ waveId: "2016", action: "replaced", previousRows: 3, rows: 2 }),
    ]);
    expect((await listReturns(t.db, { waveIds: ["2016"] })).map((r) => r.notes)).toEqual([null, "revised"]);
    const batches = await listImportBatches(t.db);
    expect(batches.map((b) => [b.fileName, b.status]).sort()).toEqual([
      ["a.csv", "replaced"],
      ["b.csv", "imported"],
    ]);
  });

  it("stores nothing on a dry run, yet reports what would happen and any conflict", async () => {
    const dump = await dumpTables(t.db);
    const dry = await importSurveyFile(t, {
      fileName: "a.csv",
      bytes: WAVE_2016,
      importedBy: "test",
      dryRun: true,
    });
    expect(dry).toMatchObject({
      status: "validated",
      dryRun: true,
      dataVersion: null,
      waves: [{ action: "created", batchId: null }],
    });
    expect(dry.message).toMatch(
      /^Dry run: a\.csv is valid \(3 rows\); importing it would create wave 2016 \(3 returns\)\. Nothing was stored\.$/,
    );
    expect(await dumpTables(t.db)).toEqual(dump);
    await importSurveyFile(t, { fileName: "a.csv", bytes: WAVE_2016, importedBy: "test" });
    await expect(
      importSurveyFile(t, { fileName: "b.csv", bytes: WAVE_2016_REVISED, importedBy: "test", dryRun: true }),
    ).rejects.toBeInstanceOf(ImportConflictError);
  });

  it("refuses an invalid file whole, listing every problem, storing nothing", async () => {
    await importSurveyFile(t, { fileName: "a.csv", bytes: WAVE_2016, importedBy: "test" });
    const dump = await dumpTables(t.db);
    const bad = csv("2018,RV3,routine,,10,12,,,,", "2018,RAT,sometimes,,,,,,,", "2020,OLD1,none,,,,,,,");
    const error = await importSurveyFile(t, {
      fileName: "bad.csv",
      bytes: bad,
      importedBy: "test",
      replace: true,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportValidationError);
    expect((error as ImportValidationError).problems.map((p) => [p.row, p.column])).toEqual([
      [2, "participants_started"],
      [3, "provision"],
      [4, "org_code"],
    ]);
    expect((error as ImportValidationError).problems[2]!.message).toMatch(/successor NEW1/);
    expect(await dumpTables(t.db)).toEqual(dump);
  });

  it("marks waves synthetic when the file name says so, and imports several waves from one file once confirmed", async () => {
    const both = csv("2016,RV3,limited,,,,,,,", "2020,RV3,routine,,,,,,,", "2020,NEW1,none,,,,,,,");
    const dump = await dumpTables(t.db);
    const unconfirmed = await importSurveyFile(t, {
      fileName: "mbct-survey-synthetic.csv",
      bytes: both,
      importedBy: "test",
      confirmWaves: ["2020"],
    }).catch((e) => e);
    expect(unconfirmed).toBeInstanceOf(ImportConfirmationError);
    expect((unconfirmed as Error).message).toMatch(
      /the file's rows name 2 waves: wave 2020 in rows 3–4 \(RV3, NEW1\); wave 2016 in row 2 \(RV3\) \(the confirmation named 2020\)\..*--confirm-waves 2016,2020/,
    );
    expect(await dumpTables(t.db)).toEqual(dump);
    const summary = await importSurveyFile(t, {
      fileName: "mbct-survey-synthetic.csv",
      bytes: both,
      importedBy: "test",
      confirmWaves: ["2020", "2016"],
    });
    expect(summary.synthetic).toBe(true);
    expect(summary.waves.map((w) => [w.waveId, w.rows])).toEqual([
      ["2016", 1],
      ["2020", 2],
    ]);
    expect(summary.message).toMatch(/as SYNTHETIC data/);
    const waves = await listWaves(t.db);
    expect(waves.map((w) => [w.id, w.label, w.synthetic])).toEqual([
      ["2016", "2016 (synthetic)", true],
      ["2020", "2020 (synthetic)", true],
    ]);
    expect(waves[0]!.source).toMatch(/Synthetic data, not real survey returns/);
  });

  it("reads the first sheet of an XLSX workbook, keeping a formula in notes as text", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("returns");
    workbook.addWorksheet("ignored").addRow(["not", "read"]);
    sheet.addRow(["wave", "org_code", "provision", "places_offered", "champion_present", "notes"]);
    sheet.addRow([
      2016,
      "RV3",
      "Routine",
      24,
      true,
      { formula: 'HYPERLINK("http://evil.example","click")', result: "click" },
    ]);
    sheet.addRow([]);
    sheet.addRow(["2016", "RAT", "none", null, false, "@SUM(1)"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const summary = await importSurveyFile(t, { fileName: "returns.xlsx", bytes, importedBy: "test" });
    expect(summary.rows).toBe(2);
    const returns = await listReturns(t.db, { waveIds: ["2016"] });
    expect(returns.map((r) => [r.orgCode, r.provision, r.placesOffered, r.championPresent, r.notes])).toEqual(
      [
        ["RAT", "none", null, false, "@SUM(1)"],
        ["RV3", "routine", 24, true, '=HYPERLINK("http://evil.example","click")'],
      ],
    );

    sheet.getCell("C4").value = { formula: 'HYPERLINK("x")', result: "none" } as ExcelJS.CellFormulaValue;
    const bad = new Uint8Array(await workbook.xlsx.writeBuffer());
    const error = await importSurveyFile(t, {
      fileName: "bad.xlsx",
      bytes: bad,
      importedBy: "test",
      replace: true,
    }).catch((e) => e);
    expect((error as ImportValidationError).problems).toEqual([
      expect.objectContaining({ row: 4, column: "provision", value: '=HYPERLINK("x")' }),
    ]);
  });

  it("lets only one of two concurrent imports of a wave through, never a mix", async () => {
    // A second handle to the same database, as a second process would have (SQLite: the same handle,
    // since one process has one connection and its driver queues transactions).
    const other = kind === "postgres" ? connect(parseDatabaseUrl(t.url)) : t;
    try {
      const results = await Promise.allSettled([
        importSurveyFile(t, { fileName: "a.csv", bytes: WAVE_2016, importedBy: "first" }),
        importSurveyFile(other, { fileName: "b.csv", bytes: WAVE_2016_REVISED, importedBy: "second" }),
      ]);
      const fulfilled = results.filter((r) => r.status === "fulfilled");
      const rejected = results.filter((r) => r.status === "rejected");
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(ImportConflictError);
      const winner = fulfilled[0]!.status === "fulfilled" ? fulfilled[0]!.value : undefined;
      const batches = new Set(
        (await t.db.selectFrom("surveyReturns").select("batchId").execute()).map((r) => r.batchId),
      );
      expect([...batches]).toEqual([winner!.waves[0]!.batchId]);
      expect(await countReturns(t.db, "2016")).toBe(winner!.rows);
    } finally {
      if (other !== t) await other.close();
    }
  });
});
