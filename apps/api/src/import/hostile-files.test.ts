import { countReturns } from "@atlas/db";
import { dumpTables, TEST_DIALECTS } from "@atlas/db/testing";
import { type Problem, ProblemSchema } from "@atlas/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readReference } from "../reference/read-reference";
import { buildTestApp, type TestApp } from "../testing";
import { lyingSheetPart, textPart, workbookWithSheets } from "./xlsx/test-workbooks";

const TOKEN = "hostile-files-token-0123456789";
const HEADER = ["wave", "org_code", "provision"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** The organisations open in 2026, as in issue 11: a wave of 84 returns. */
const OPEN = readReference()
  .organisations.filter((o) => o.closedOn === null)
  .map((o) => o.code);
const wave2026 = (provision: string) => OPEN.map((code) => ["2026", code, provision]);
const csv = (rows: string[][]) => `${[HEADER, ...rows].map((r) => r.join(",")).join("\n")}\n`;

/** The mistakes of issue 11 sent to POST /api/imports (in process; worker-imports.test.ts covers the worker). */
describe.each(TEST_DIALECTS)("hostile and mistaken survey files on %s", (kind) => {
  let t: TestApp;
  const post = (body: BodyInit, type: string, query = "") =>
    t.app.request(`/api/imports${query}`, {
      method: "POST",
      body,
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": type },
    });

  beforeAll(async () => {
    t = await buildTestApp(kind, { reference: true, config: { adminToken: TOKEN } });
    expect(OPEN).toHaveLength(84);
    const seeded = await post(csv(wave2026("routine")), "text/csv", "?fileName=returns-2026.csv");
    expect(seeded.status).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Posts a file that must be refused (422), and shows nothing stored changed. */
  async function refused(body: BodyInit, type: string, query = "?replace=true"): Promise<Problem> {
    const before = await dumpTables(t.db.db);
    const res = await post(body, type, query);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    const problem = ProblemSchema.parse(await res.json());
    expect(await dumpTables(t.db.db)).toEqual(before);
    return problem;
  }

  it("finds the data on the second sheet behind an empty first sheet", async () => {
    const bytes = workbookWithSheets([
      { name: "Sheet1", rows: [] },
      { name: "Sheet2", rows: [HEADER, ...wave2026("limited")] },
    ]);
    const res = await post(bytes, XLSX, "?replace=true");
    expect(res.status).toBe(201);
    // Every one of the 84 returns came from Sheet2: each changed from routine to limited.
    const summary = (await res.json()) as { waves: { diff: { counts: { changed: number } } }[] };
    expect(summary.waves[0]!.diff.counts.changed).toBe(84);
    expect(await countReturns(t.db.db, "2026")).toBe(84);
  });

  it("refuses hostile and mistaken files, saying what and where, and stores nothing", async () => {
    const onlyHidden = await refused(
      workbookWithSheets([
        { name: "Sheet1", rows: [] },
        { name: "data", state: "hidden", rows: [HEADER, ...wave2026("none").slice(0, 3)] },
      ]),
      XLSX,
    );
    expect(onlyHidden.errors![0]!.message).toMatch(/no visible sheet has any values .* hides "data"/);

    const twoSheets = workbookWithSheets([
      { name: "2026", rows: [HEADER, ...wave2026("none")] },
      { name: "2026 (2)", rows: [HEADER, ...wave2026("paused")] },
    ]);
    const ambiguous = await refused(twoSheets, XLSX);
    expect(ambiguous.errors![0]!.message).toMatch(
      /more than one visible sheet .* "2026" \(row 1\), "2026 \(2\)" \(row 1\)/,
    );
    const unknown = await refused(twoSheets, XLSX, "?replace=true&sheet=2027");
    expect(unknown.errors![0]).toMatchObject({
      file: "upload.xlsx",
      value: "2027",
      message: 'there is no sheet named "2027"; the visible sheets are "2026", "2026 (2)"',
    });

    const rows = wave2026("routine").map((r) => [...r, "ok"]);
    rows[3]![3] = '"Teacher left in March';
    rows[8]![3] = 'back in May"';
    const runaway = await refused(
      `wave,org_code,provision,notes\n${rows.map((r) => r.join(",")).join("\n")}\n`,
      "text/csv",
    );
    expect(runaway.errors![0]).toMatchObject({ file: "upload.csv", row: 5, column: "notes" });
    expect(runaway.errors![0]!.message).toMatch(
      /^a quoted cell in row 5 \(line 5 of the file\) runs over 5 line breaks/,
    );

    const bomb = workbookWithSheets([
      { name: "returns", part: await lyingSheetPart(64 * 1024 * 1024, 2048) },
    ]);
    const bombed = await refused(bomb, XLSX);
    expect(bombed.errors![0]!.message).toMatch(
      /inflates to more than the 2048 bytes the workbook declares for it/,
    );

    const wide = await refused(
      workbookWithSheets([
        {
          name: "returns",
          part: textPart(
            "sheet",
            `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wave</t></is></c><c r="IW1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`,
          ),
        },
      ]),
      XLSX,
    );
    expect(wide.errors![0]!.message).toBe(
      'sheet "returns" row 1 has a value in column IW; a survey sheet uses at most 256 columns (up to IV)',
    );
  });
});
