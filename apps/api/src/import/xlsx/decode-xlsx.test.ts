import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { decodeSurveyFile } from "../decode-file";
import { lyingSheetPart, sheetRowsXml, textPart, workbookWithSheets } from "./test-workbooks";
import { InflateBudget, inflateEntry, readZipDirectory } from "./zip";

const HEADER = ["wave", "org_code", "provision"];

async function workbook(
  sheets: { name: string; state?: "visible" | "hidden" | "veryHidden"; rows: (string | number)[][] }[],
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name, { state: s.state ?? "visible" });
    for (const row of s.rows) sheet.addRow(row);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const decode = (
  bytes: Uint8Array,
  options: { sheet?: string; maxRows?: number; budget?: InflateBudget } = {},
) => decodeSurveyFile(bytes, "returns.xlsx", { maxRows: 100, ...options });

async function problems(bytes: Uint8Array, options: { sheet?: string; budget?: InflateBudget } = {}) {
  const decoded = await decode(bytes, options);
  if (decoded.ok) throw new Error("expected the workbook to be refused");
  return decoded.problems;
}

const visibleReturns = Array.from({ length: 84 }, (_, i) => ["2026", `R${i}`, "routine"]);

describe("reading a workbook's sheets", () => {
  it("never reads a hidden or very hidden sheet, even when it comes first", async () => {
    for (const state of ["hidden", "veryHidden"] as const) {
      const bytes = await workbook([
        {
          name: "old",
          state,
          rows: [HEADER, ["2026", "RV3", "none"], ["2026", "RAT", "none"], ["2026", "RWK", "none"]],
        },
        { name: "returns", rows: [HEADER, ...visibleReturns] },
      ]);
      const decoded = await decode(bytes);
      expect(decoded.ok && decoded.table).toMatchObject({ sheet: "returns", header: HEADER });
      expect(decoded.ok && decoded.table!.rows).toHaveLength(84);
    }
  });

  it("refuses a workbook with survey headers on more than one visible sheet, naming them", async () => {
    const bytes = await workbook([
      { name: "2025", rows: [HEADER, ["2025", "RV3", "none"]] },
      { name: "notes", rows: [["anything"]] },
      { name: "2026", rows: [HEADER, ["2026", "RV3", "none"]] },
    ]);
    const [p] = await problems(bytes);
    expect(p!.message).toMatch(
      /^more than one visible sheet has a survey header row: "2025" \(row 1\), "2026" \(row 1\); choose one with --sheet NAME \(command line\) or \?sheet=NAME \(API\)/,
    );
  });

  it("reads the sheet asked for; refuses an unknown name listing the visible sheets, and a hidden one", async () => {
    const bytes = await workbook([
      { name: "2025", rows: [HEADER, ["2025", "RV3", "none"]] },
      { name: "2026", rows: [HEADER, ["2026", "RV3", "none"], ["2026", "RAT", "none"]] },
      { name: "archive", state: "hidden", rows: [HEADER, ["2024", "RV3", "none"]] },
    ]);
    const picked = await decode(bytes, { sheet: "2026" });
    expect(picked.ok && picked.table).toMatchObject({ sheet: "2026", rows: [{ row: 2 }, { row: 3 }] });
    // Case and surrounding spaces are forgiven when they name one sheet.
    expect((await decode(bytes, { sheet: " 2025 " })).ok).toBe(true);

    const [unknown] = await problems(bytes, { sheet: "2027" });
    expect(unknown).toMatchObject({
      file: "returns.xlsx",
      value: "2027",
      message: 'there is no sheet named "2027"; the visible sheets are "2025", "2026"',
    });
    const [hidden] = await problems(bytes, { sheet: "archive" });
    expect(hidden!.message).toMatch(/^sheet "archive" is hidden; hidden sheets are never read\. Unhide it/);
  });

  it("finds the data behind an empty first sheet, and names the sheet in every problem", async () => {
    const bytes = await workbook([
      { name: "Sheet1", rows: [] },
      { name: "Sheet2", rows: [HEADER, ["2026", "RV3", "routine"]] },
    ]);
    const decoded = await decode(bytes);
    expect(decoded.ok && decoded.table).toEqual({
      sheet: "Sheet2",
      headerRow: 1,
      header: HEADER,
      rows: [{ row: 2, cells: ["2026", "RV3", "routine"] }],
    });
  });

  it("says when every visible sheet is empty, naming the hidden ones it will not read", async () => {
    const bytes = await workbook([
      { name: "Sheet1", rows: [] },
      { name: "data", state: "hidden", rows: [HEADER, ["2026", "RV3", "routine"]] },
    ]);
    const [p] = await problems(bytes);
    expect(p).toMatchObject({ row: 1 });
    expect(p!.message).toMatch(
      /^the workbook is empty: no visible sheet has any values \(visible: "Sheet1"\); hidden sheets are never read, and this workbook hides "data"/,
    );
  });

  it("reads the first visible sheet with values when no sheet names survey columns, so its header problems are shown", async () => {
    const bytes = await workbook([
      { name: "blank", rows: [] },
      {
        name: "typos",
        rows: [
          ["wav", "org code", "provison"],
          ["2026", "RV3", "routine"],
        ],
      },
    ]);
    const decoded = await decode(bytes);
    expect(decoded.ok && decoded.table).toMatchObject({
      sheet: "typos",
      header: ["wav", "org code", "provison"],
    });
  });

  it("refuses a sheet chosen for a CSV file", async () => {
    const decoded = await decodeSurveyFile(new TextEncoder().encode("wave\n2026\n"), "f.csv", {
      maxRows: 10,
      sheet: "2026",
    });
    expect(!decoded.ok && decoded.problems[0]!.message).toMatch(/this file is not an XLSX workbook/);
  });
});

describe("reading cell values", () => {
  it("reads text, numbers, booleans, dates, rich text and formulas (as their text) as a spreadsheet shows them", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("returns");
    sheet.addRow(["wave", "courses_run", "champion_present", "notes", "median_wait_weeks", "barriers"]);
    sheet.addRow([
      "2026",
      4,
      true,
      { richText: [{ text: "Groups " }, { text: "online", font: { bold: true } }] },
      7.5,
      "a;b",
    ]);
    sheet.addRow([
      new Date(Date.UTC(2024, 4, 1)),
      0,
      false,
      { formula: 'HYPERLINK("http://x.invalid","click")' },
      "",
      "",
    ]);
    sheet.getCell("B4").value = { formula: "B2+1", shareType: "shared", ref: "B4:B5", result: 5 } as never;
    sheet.getCell("B5").value = { sharedFormula: "B4", result: 6 } as never;
    sheet.getCell("D6").value = "=not a formula, typed as text";
    const decoded = await decode(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(decoded.ok && decoded.table!.rows).toEqual([
      { row: 2, cells: ["2026", "4", "yes", "Groups online", "7.5", "a;b"] },
      { row: 3, cells: ["2024-05-01", "0", "no", '=HYPERLINK("http://x.invalid","click")'] },
      { row: 4, cells: ["", "=B2+1"] },
      { row: 5, cells: ["", "=B3+1"] },
      { row: 6, cells: ["", "", "", "=not a formula, typed as text"] },
    ]);
  });

  it("refuses a value beyond column IV, naming the sheet, row and column", async () => {
    const sheet = textPart(
      "x",
      `<worksheet><sheetData>${sheetRowsXml([HEADER])}<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`,
    );
    const [p] = await problems(workbookWithSheets([{ name: "returns", part: sheet }]));
    expect(p!.message).toBe(
      'sheet "returns" row 2 has a value in column XFD; a survey sheet uses at most 256 columns (up to IV)',
    );
  });
});

describe("the limits, enforced while reading", () => {
  it("stops reading rows one past the row cap, and stops inflating there", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ["2026", `R${i}`, "routine"]);
    const bytes = workbookWithSheets([{ name: "returns", rows: [HEADER, ...rows] }]);
    const budget = new InflateBudget();
    const decoded = await decode(bytes, { maxRows: 10, budget });
    expect(decoded.ok && decoded.table!.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const sheetBytes = sheetRowsXml([HEADER, ...rows]).length;
    expect(budget.inflated).toBeLessThan(sheetBytes / 2);
  });

  it("stops inflating a part that lies about its size as soon as it outgrows the lie (counted, not trusted)", async () => {
    const inflatesTo = 256 * 1024 * 1024;
    const part = await lyingSheetPart(inflatesTo, 4096);
    expect(part.deflated.byteLength).toBeLessThan(1024 * 1024);
    const budget = new InflateBudget();
    const [p] = await problems(workbookWithSheets([{ name: "returns", part }]), { budget });
    expect(p!.message).toMatch(
      /^part xl\/worksheets\/sheet1\.xml inflates to more than the 4096 bytes the workbook declares for it; the file is damaged or built to exhaust memory/,
    );
    // Inflation stopped at the first 64 KiB chunk past the declared size: a few KiB of other parts, plus that.
    expect(budget.inflated).toBeLessThan(4096 + 64 * 1024 + 8 * 1024);
  });

  it("counts every inflated byte against the workbook's budget, and refuses past it before inflating", async () => {
    const part = await lyingSheetPart(8 * 1024 * 1024, 0);
    const bytes = workbookWithSheets([{ name: "returns", part: { ...part, declaredSize: part.size } }]);
    const entry = readZipDirectory(bytes).get("xl/worksheets/sheet1.xml")!;
    const budget = new InflateBudget(1024 * 1024);
    let consumed = 0;
    await expect(async () => {
      for await (const chunk of inflateEntry(bytes, entry, budget)) consumed += chunk.byteLength;
    }).rejects.toThrow(
      /^the workbook inflates to more than 1 MB \(stopped while reading xl\/worksheets\/sheet1\.xml\)/,
    );
    expect(consumed).toBeLessThanOrEqual(1024 * 1024);
    expect(budget.inflated).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024);

    const small = new InflateBudget(1024 * 1024);
    const [declared] = await problems(bytes, { budget: small });
    expect(declared!.message).toMatch(
      /^the workbook is larger than 1 MB uncompressed; the limit protects the server/,
    );
    expect(small.inflated).toBe(0);
  });
});
