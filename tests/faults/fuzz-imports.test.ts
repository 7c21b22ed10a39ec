import { buildTestApp, type TestApp } from "@atlas/api/testing";
import { dumpTables } from "@atlas/db/testing";
import { ProblemSchema } from "@atlas/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const TOKEN = "fuzz-imports-token-0123456789abcdef";
const HEADER =
  "wave,org_code,provision,stage,places_offered,participants_started,participants_completed,notes";

/** Cells that have broken importers elsewhere: formulas, huge values, control characters, other encodings. */
const hostileCell = fc.oneof(
  fc.constantFrom(
    '=HYPERLINK("http://example.invalid","click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "=1+1",
    "\u0000",
    "\r",
    "\uFEFF",
    "routine\u200b",
    "🙂",
    "'",
    '"',
  ),
  fc.string({ maxLength: 30 }),
  fc.integer({ min: 1, max: 100_000 }).map((n) => "x".repeat(n)),
);
const fileName = fc.oneof(
  fc.constantFrom(
    "../../etc/passwd",
    "..\\..\\win.ini",
    "/abs/path.csv",
    "%2e%2e%2fx.csv",
    "a\u0000b.csv",
    "CON.csv",
    "x".repeat(500),
  ),
  fc.string({ maxLength: 40 }),
);

function csvBody(rows: string[][]): string {
  const quote = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return [HEADER, ...rows.map((r) => r.map(quote).join(","))].join("\n");
}

describe("fuzzing survey files sent to POST /api/imports", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp("sqlite", { reference: true, config: { adminToken: TOKEN } });
    const seeded = await t.app.request("/api/imports?fileName=base.csv", {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "text/csv" },
      body: "wave,org_code,provision\n2020,RV3,routine\n",
    });
    expect(seeded.status).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("never answers 5xx, and a refused file changes nothing", async () => {
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc
        .array(
          fc.tuple(
            fc.constantFrom("2022", "2020", "20x2"),
            fc.constantFrom("RV3", "RRP", "NOPE"),
            hostileCell,
            hostileCell,
            hostileCell,
          ),
          {
            maxLength: 5,
          },
        )
        .map((rows) =>
          new TextEncoder().encode(
            csvBody(rows.map(([w, o, a, b, c]) => [w, o, "routine", "sustainable", "12", a, b, c])),
          ),
        ),
      fc.constant(new Uint8Array([0xff, 0xfe, 0x77, 0x00, 0x61, 0x00])), // UTF-16 LE
      fc.constant(new Uint8Array([0x77, 0x61, 0x76, 0x65, 0x0a, 0xa3, 0x31])), // Latin-1 pound sign
    );
    await fc.assert(
      fc.asyncProperty(body, fileName, async (bytes, name) => {
        const before = await dumpTables(t.db.db);
        const res = await t.app.request(`/api/imports?fileName=${encodeURIComponent(name)}`, {
          method: "POST",
          headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "text/csv" },
          body: bytes,
        });
        expect(res.status).toBeLessThan(500);
        if (res.status === 201) {
          const batches = await t.db.db.selectFrom("importBatches").select("fileName").execute();
          for (const b of batches) {
            expect(b.fileName).not.toMatch(/[/\\]|\.\./);
            expect(b.fileName).not.toContain("\u0000");
          }
          return;
        }
        if (res.status >= 400) ProblemSchema.parse(await res.json());
        expect(await dumpTables(t.db.db)).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});
