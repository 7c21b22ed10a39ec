import { countReturns } from "@atlas/db";
import { TEST_DIALECTS } from "@atlas/db/testing";
import { describe, expect, it } from "vitest";
import { IMPORT_HEADER, importTestbed, wave2026, XLSX_TYPE } from "./import-testbed";
import { lyingSheetPart, textPart, workbookWithSheets } from "./xlsx/test-workbooks";

/** The mistakes of issue 11 sent to POST /api/imports (in process; worker-imports.test.ts covers the worker). */
describe.each(TEST_DIALECTS)("hostile and mistaken survey files on %s", (kind) => {
  const bed = importTestbed(kind);
  const { post, refused } = bed;

  it("finds the data on the second sheet behind an empty first sheet", async () => {
    const bytes = workbookWithSheets([
      { name: "Sheet1", rows: [] },
      { name: "Sheet2", rows: [IMPORT_HEADER, ...wave2026("limited")] },
    ]);
    const res = await post(bytes, XLSX_TYPE, "?replace=true");
    expect(res.status).toBe(201);
    // Every one of the 84 returns came from Sheet2: each changed from routine to limited.
    const summary = (await res.json()) as { waves: { diff: { counts: { changed: number } } }[] };
    expect(summary.waves[0]!.diff.counts.changed).toBe(84);
    expect(await countReturns(bed.t.db.db, "2026")).toBe(84);
  });

  it("refuses hostile and mistaken files, saying what and where, and stores nothing", async () => {
    const onlyHidden = await refused(
      workbookWithSheets([
        { name: "Sheet1", rows: [] },
        { name: "data", state: "hidden", rows: [IMPORT_HEADER, ...wave2026("none").slice(0, 3)] },
      ]),
      XLSX_TYPE,
    );
    expect(onlyHidden.errors![0]!.message).toMatch(/no visible sheet has any values .* hides "data"/);

    const twoSheets = workbookWithSheets([
      { name: "2026", rows: [IMPORT_HEADER, ...wave2026("none")] },
      { name: "2026 (2)", rows: [IMPORT_HEADER, ...wave2026("paused")] },
    ]);
    const ambiguous = await refused(twoSheets, XLSX_TYPE);
    expect(ambiguous.errors![0]!.message).toMatch(
      /more than one visible sheet .* "2026" \(row 1\), "2026 \(2\)" \(row 1\)/,
    );
    const unknown = await refused(twoSheets, XLSX_TYPE, "?replace=true&sheet=2027");
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
    const bombed = await refused(bomb, XLSX_TYPE);
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
      XLSX_TYPE,
    );
    expect(wide.errors![0]!.message).toBe(
      'sheet "returns" row 1 has a value in column IW; a survey sheet uses at most 256 columns (up to IV)',
    );
  });
});
