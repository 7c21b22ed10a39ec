import { validateSurveyTable } from "@atlas/domain";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeSurveyFile } from "./decode-file";
import { firstInvalidUtf8 } from "./sniff";
import { readZipDirectory } from "./xlsx/zip";

const text = (s: string) => new TextEncoder().encode(s);
const problemsOf = async (bytes: Uint8Array) => {
  const decoded = await decodeSurveyFile(bytes, "f.csv", { maxRows: 100 });
  if (decoded.ok) throw new Error("expected problems");
  return decoded.problems;
};

async function workbookBytes(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("s").addRow(["wave", "org_code", "provision"]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("decodeSurveyFile", () => {
  it("reads empty and whitespace-only files as no table", async () => {
    expect(await decodeSurveyFile(new Uint8Array(), "f.csv", { maxRows: 100 })).toEqual({
      ok: true,
      table: null,
    });
    expect(await decodeSurveyFile(text("\uFEFF \r\n"), "f.csv", { maxRows: 100 })).toEqual({
      ok: true,
      table: null,
    });
  });

  it("numbers CSV rows as a spreadsheet does, a multi-line cell counting once", async () => {
    const decoded = await decodeSurveyFile(text('\uFEFFwave,notes\n2016,"two\nlines"\n\n2018,x\n'), "f.csv", {
      maxRows: 100,
    });
    expect(decoded).toEqual({
      ok: true,
      table: {
        headerRow: 1,
        header: ["wave", "notes"],
        rows: [
          { row: 2, cells: ["2016", "two\nlines"] },
          { row: 3, cells: [""] },
          { row: 4, cells: ["2018", "x"] },
        ],
      },
    });
  });

  it("names the byte offset and row of invalid UTF-8 (e.g. a Windows-1252 £)", async () => {
    const bytes = new Uint8Array([...text("wave,notes\n2016,ok\n2018,cost "), 0xa3]);
    const [p] = await problemsOf(bytes);
    expect(p).toEqual({
      file: "f.csv",
      row: 3,
      message: expect.stringMatching(
        /^this is not UTF-8 text: byte 0xA3 at byte offset 29 \(row 3\) is not valid UTF-8; save it as "CSV UTF-8/,
      ),
    });
  });

  it("refuses binary data, UTF-16 and legacy .xls, saying what to do", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect((await problemsOf(png))[0]!.message).toMatch(
      /binary data, not a CSV or XLSX file \(a NUL byte at byte offset 8\)/,
    );
    expect((await problemsOf(new Uint8Array([0xff, 0xfe, 0x77, 0])))[0]!.message).toMatch(/UTF-16/);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2]);
    expect((await problemsOf(xls))[0]!.message).toMatch(/legacy Excel \(\.xls\)/);
  });

  it("refuses a ZIP that is not a workbook, and a damaged workbook", async () => {
    expect((await problemsOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))[0]!.message).toMatch(
      /without a readable directory/,
    );
    const good = await workbookBytes();
    const truncated = good.slice(0, good.length - 40);
    expect((await problemsOf(truncated))[0]!.message).toMatch(/ZIP|XLSX/);
  });

  it("refuses a workbook that would inflate beyond the limit, before inflating it", async () => {
    const bytes = await workbookBytes();
    expect(readZipDirectory(bytes).size).toBeGreaterThan(3);
    expect(() => readZipDirectory(bytes, 100)).toThrow(/larger than 0 MB uncompressed/);
  });

  it("reports a quote that is never closed with the row where it opened", async () => {
    const [p] = await problemsOf(text('wave,notes\n2016,ok\n2018,"never closed\n'));
    expect(p).toMatchObject({
      file: "f.csv",
      row: 3,
      message: expect.stringMatching(/^a quote opened in row 3 is never closed/),
    });
  });

  it("stops reading a CSV past the row limit", async () => {
    const rows = Array.from({ length: 500 }, () => "2016,x").join("\n");
    const decoded = await decodeSurveyFile(text(`wave,notes\n${rows}`), "f.csv", { maxRows: 100 });
    expect(decoded.ok && decoded.table!.rows.length).toBe(101);
  });

  it("finds the first byte that breaks UTF-8", () => {
    expect(firstInvalidUtf8(text("héllo ✓ 𝄞"))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xed, 0xa0, 0x80]))).toBe(1); // surrogate
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xe2, 0x82]))).toBe(2); // truncated
  });

  it("never throws on arbitrary bytes or text: every outcome is a table or a list of problems", async () => {
    const zipLike = fc
      .uint8Array({ maxLength: 300 })
      .map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b]));
    const csvLike = fc
      .array(
        fc.array(
          fc.oneof(fc.string(), fc.constantFrom("wave", "org_code", "provision", "2016", "RV3", '"', "\r\n")),
          { maxLength: 6 },
        ),
        { maxLength: 6 },
      )
      .map((rows) => text(rows.map((r) => r.join(",")).join("\n")));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 400 }), zipLike, csvLike), async (bytes) => {
        const decoded = await decodeSurveyFile(bytes, "fuzz.csv", { maxRows: 100 });
        if (!decoded.ok) {
          expect(decoded.problems.length).toBeGreaterThan(0);
          return;
        }
        const organisations = [
          { code: "RV3", name: "x", openedOn: null, closedOn: null, successorCode: null },
        ];
        const result = validateSurveyTable(decoded.table, { file: "fuzz.csv", organisations });
        expect(result.ok || result.problems.length > 0).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
