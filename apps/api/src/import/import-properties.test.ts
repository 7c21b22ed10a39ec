import { listReturns } from "@atlas/db";
import { dumpTables, openTestDb, TEST_DIALECTS, type TestDb } from "@atlas/db/testing";
import {
  BARRIERS,
  DELIVERY_MODES,
  FACILITATORS,
  FUNDING_SOURCES,
  formatSurveyCsv,
  PROVISIONS,
  STAGES,
  SUPPORT_LEVELS,
  SURVEY_COLUMNS,
  type SurveyReturn,
  surveyRowCells,
} from "@atlas/domain";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportValidationError } from "./errors";
import { importSurveyFile } from "./import-survey";
import { insertFixture } from "./test-fixture";

/** Organisations open in each test wave (OLD1 closed in 2019, NEW1 opened then). */
const OPEN: Record<string, string[]> = {
  "2016": ["RV3", "RAT", "RWK", "OLD1"],
  "2020": ["RV3", "RAT", "RWK", "NEW1"],
  "2022-05": ["RV3", "RAT", "NEW1"],
};

const count = fc.option(fc.integer({ min: 0, max: 300 }), { nil: null });
const notes = fc.option(
  fc
    .oneof(
      fc.constantFrom(
        '=HYPERLINK("http://evil.example","x")',
        "+44 20 7946 0000",
        "-1",
        "@SUM(A1)",
        'quote " and, comma',
      ),
      fc.string({ unit: "grapheme", maxLength: 60 }),
    )
    .map((s) =>
      [...s]
        .filter((ch) => ch === "\n" || ch.charCodeAt(0) >= 0x20)
        .join("")
        .replace(/\u007F/g, "")
        .trim(),
    )
    .filter((s) => s !== ""),
  { nil: null },
);

const surveyReturn = (waveId: string, orgCode: string): fc.Arbitrary<SurveyReturn> =>
  fc
    .record({
      provision: fc.constantFrom(...PROVISIONS),
      stage: fc.option(fc.constantFrom(...STAGES), { nil: null }),
      coursesRun: count,
      placesOffered: count,
      participantsStarted: count,
      participantsCompleted: count,
      teachersTrained: count,
      teachersActive: count,
      medianWaitWeeks: fc.option(
        fc.integer({ min: 0, max: 104 }).map((n) => n / 2),
        { nil: null },
      ),
      deliveryMode: fc.option(fc.constantFrom(...DELIVERY_MODES), { nil: null }),
      championPresent: fc.option(fc.boolean(), { nil: null }),
      leadershipSupport: fc.option(fc.constantFrom(...SUPPORT_LEVELS), { nil: null }),
      commissionerSupport: fc.option(fc.constantFrom(...SUPPORT_LEVELS), { nil: null }),
      facilitators: fc.shuffledSubarray([...FACILITATORS]),
      barriers: fc.shuffledSubarray([...BARRIERS]),
      fundingSources: fc.shuffledSubarray([...FUNDING_SOURCES]),
      notes,
    })
    .map((r) => {
      // Keep the counts consistent: completed ≤ started ≤ places where both are given.
      const [places, started, completed] = [r.placesOffered, r.participantsStarted, r.participantsCompleted];
      const s = started !== null && places !== null ? Math.min(started, places) : started;
      const c = completed !== null && s !== null ? Math.min(completed, s) : completed;
      return { waveId, orgCode, ...r, participantsStarted: s, participantsCompleted: c };
    });

/** A valid file's returns: one or more waves, each with some of the organisations open in it. */
const validReturns: fc.Arbitrary<SurveyReturn[]> = fc
  .subarray(Object.keys(OPEN), { minLength: 1 })
  .chain((waves) =>
    fc.tuple(
      ...waves.map((w) =>
        fc
          .subarray(OPEN[w]!, { minLength: 1 })
          .chain((orgs) => fc.tuple(...orgs.map((o) => surveyReturn(w, o)))),
      ),
    ),
  )
  .map((groups) => groups.flat());

const rowsOf = (returns: readonly SurveyReturn[]) =>
  returns.map((r) => SURVEY_COLUMNS.map((c) => surveyRowCells(r)[c]));

async function xlsx(header: readonly string[], rows: readonly string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("returns");
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const encode = (s: string) => new TextEncoder().encode(s);
const csvText = (header: readonly string[], rows: readonly string[][]) =>
  [header, ...rows]
    .map((cells) =>
      cells.map((c) => (/[",\r\n]|^\s|\s$/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(","),
    )
    .join("\n");

type Table = { header: string[]; rows: string[][] };
const col = (name: string) => SURVEY_COLUMNS.indexOf(name as (typeof SURVEY_COLUMNS)[number]);
const setCell = (t: Table, row: number, column: string, value: string): Table => ({
  header: t.header,
  rows: t.rows.map((r, i) =>
    i === row % t.rows.length ? r.map((c, j) => (j === col(column) ? value : c)) : r,
  ),
});

/** Corruptions that each make a valid file invalid, as tables or as raw bytes. */
const corruption: fc.Arbitrary<(t: Table) => Uint8Array> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom("sometimes", '=HYPERLINK("http://x")', "", "routine;limited")).map(
    ([i, v]) =>
      (t: Table) =>
        encode(csvText(t.header, setCell(t, i, "provision", v).rows)),
  ),
  fc.tuple(fc.nat(), fc.constantFrom("ZZ9", "", "rv3 ")).map(
    ([i, v]) =>
      (t: Table) =>
        encode(csvText(t.header, setCell(t, i, "org_code", v).rows)),
  ),
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom("places_offered", "courses_run", "teachers_active"),
      fc.constantFrom("-1", "2.5", "ten", "1,000", "1e3"),
    )
    .map(
      ([i, c, v]) =>
        (t: Table) =>
          encode(csvText(t.header, setCell(t, i, c, v).rows)),
    ),
  fc.tuple(fc.nat(), fc.constantFrom("16", "2016-13", "2016/17", "")).map(
    ([i, v]) =>
      (t: Table) =>
        encode(csvText(t.header, setCell(t, i, "wave", v).rows)),
  ),
  fc.nat().map((i) => (t: Table) => encode(csvText(t.header, [...t.rows, t.rows[i % t.rows.length]!]))),
  fc.nat().map((i) => (t: Table) => {
    const started = setCell(setCell(t, i, "participants_started", "5"), i, "places_offered", "");
    return encode(csvText(t.header, setCell(started, i, "participants_completed", "9").rows));
  }),
  fc.nat().map((i) => (t: Table) => encode(csvText(t.header, setCell(t, i, "notes", "n".repeat(2001)).rows))),
  fc.constantFrom("provison", "org code", "").map(
    (name) => (t: Table) =>
      encode(
        csvText(
          t.header.map((h) => (h === "provision" ? name : h)),
          t.rows,
        ),
      ),
  ),
  fc.constant((t: Table) => encode(csvText([...t.header, "extra"], t.rows))),
  fc.constant((t: Table) => encode(csvText(t.header, []))),
  fc.constant((t: Table) => encode(csvText(t.header, [["2022-05", "OLD1", "none"]]))),
  fc.nat().map((at) => (t: Table) => {
    const bytes = encode(csvText(t.header, t.rows));
    const i = at % bytes.length;
    return new Uint8Array([...bytes.slice(0, i), 0xff, ...bytes.slice(i)]);
  }),
  fc.nat().map((at) => (t: Table) => {
    const bytes = encode(csvText(t.header, t.rows));
    const i = at % bytes.length;
    return new Uint8Array([...bytes.slice(0, i), 0x00, ...bytes.slice(i)]);
  }),
);

const byKey = (a: SurveyReturn, b: SurveyReturn) =>
  a.waveId === b.waveId ? (a.orgCode < b.orgCode ? -1 : 1) : a.waveId < b.waveId ? -1 : 1;

describe.each(TEST_DIALECTS)("import properties on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(kind);
    await insertFixture(t);
    // Something stored already, so "unchanged" means more than an empty database.
    await importSurveyFile(t, {
      fileName: "seed.csv",
      bytes: encode("wave,org_code,provision\n2018,RV3,routine\n"),
      importedBy: "test",
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it("round-trips any valid file, CSV (with or without BOM) or XLSX, through the database", async () => {
    await fc.assert(
      fc.asyncProperty(validReturns, fc.constantFrom("csv", "csv-bom", "xlsx"), async (returns, format) => {
        const bytes =
          format === "xlsx"
            ? await xlsx(SURVEY_COLUMNS, rowsOf(returns))
            : encode(`${format === "csv-bom" ? "\uFEFF" : ""}${formatSurveyCsv(returns)}`);
        const waves = [...new Set(returns.map((r) => r.waveId))];
        await importSurveyFile(t, {
          fileName: `prop.${format === "xlsx" ? "xlsx" : "csv"}`,
          bytes,
          importedBy: "prop",
          replace: true,
          confirmShrink: true,
          confirmWaves: waves,
        });
        expect(await listReturns(t.db, { waveIds: waves })).toEqual([...returns].sort(byKey));
      }),
      { numRuns: 25 },
    );
  });

  it("refuses any corrupted file and leaves the database exactly as it was", async () => {
    await fc.assert(
      fc.asyncProperty(validReturns, corruption, async (returns, corrupt) => {
        const bytes = corrupt({ header: [...SURVEY_COLUMNS], rows: rowsOf(returns) });
        const before = await dumpTables(t.db);
        const error = await importSurveyFile(t, {
          fileName: "corrupt.csv",
          bytes,
          importedBy: "prop",
          replace: true,
        }).catch((e) => e);
        expect(error).toBeInstanceOf(ImportValidationError);
        expect((error as ImportValidationError).problems.length).toBeGreaterThan(0);
        expect(await dumpTables(t.db)).toEqual(before);
      }),
      { numRuns: 30 },
    );
  });
});
