import { dumpTables, TEST_DIALECTS } from "@atlas/db/testing";
import { ImportSummarySchema, type Problem, ProblemSchema } from "@atlas/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readReference } from "../../reference/read-reference";
import { buildTestApp, type TestApp } from "../../testing";
import { lyingSheetPart, workbookWithSheets } from "../xlsx/test-workbooks";

const TOKEN = "worker-imports-token-0123456789";
const HEADER = ["wave", "org_code", "provision"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** The organisations open in 2026, as in the issue: a wave of 84 returns. */
const OPEN = readReference()
  .organisations.filter((o) => o.closedOn === null)
  .map((o) => o.code);
const wave2026 = (provision: string) => OPEN.map((code) => ["2026", code, provision]);
const csv = (rows: string[][]) => `${[HEADER, ...rows].map((r) => r.join(",")).join("\n")}\n`;

/** One row per open organisation in each month of `years` years from 2030: a file that takes a while. */
/** Monthly waves from 2030-01, each with every open organisation. */
const largeWaves = (years: number) =>
  Array.from(
    { length: years * 12 },
    (_, m) => `${2030 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`,
  );

function largeCsv(years: number): string {
  const rows: string[][] = [];
  for (const wave of largeWaves(years)) for (const code of OPEN) rows.push([wave, code, "routine"]);
  return csv(rows);
}

describe.each(TEST_DIALECTS)("imports in a worker thread on %s", (kind) => {
  let t: TestApp;
  const post = (body: BodyInit, type: string, query = "") =>
    t.app.request(`/api/imports${query}`, {
      method: "POST",
      body,
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": type },
    });

  beforeAll(async () => {
    t = await buildTestApp(kind, { reference: true, importsInWorker: true, config: { adminToken: TOKEN } });
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

  it("reads the visible sheet, never a hidden first sheet's 3 returns in place of the wave's 84", async () => {
    const bytes = workbookWithSheets([
      { name: "draft", state: "hidden", rows: [HEADER, ...wave2026("none").slice(0, 3)] },
      { name: "returns", rows: [HEADER, ...wave2026("limited")] },
    ]);
    const res = await post(bytes, XLSX, "?replace=true");
    expect(res.status).toBe(201);
    expect(ImportSummarySchema.parse(await res.json()).rows).toBe(84);
    const stored = await t.db.db
      .selectFrom("surveyReturns")
      .select("provision")
      .where("waveId", "=", "2026")
      .execute();
    expect(new Set(stored.map((r) => r.provision))).toEqual(new Set(["limited"]));
  });

  it("refuses a workbook that lies about its size, rebuilt as a 422 with its problem, storing nothing", async () => {
    const bomb = workbookWithSheets([
      { name: "returns", part: await lyingSheetPart(64 * 1024 * 1024, 2048) },
    ]);
    const bombed = await refused(bomb, XLSX);
    expect(bombed.detail).toBe("upload.xlsx: 1 problem found; nothing was imported");
    expect(bombed.errors![0]!.message).toMatch(
      /inflates to more than the 2048 bytes the workbook declares for it/,
    );
  });

  it("runs one import at a time: a second gets 503 with Retry-After, and /api/health answers meanwhile", async () => {
    let settled = false;
    const first = Promise.resolve(
      post(largeCsv(5), "text/csv", `?fileName=large.csv&confirmWaves=${largeWaves(5).join(",")}`),
    ).then((res) => {
      settled = true;
      return res;
    });
    await new Promise((r) => setTimeout(r, 100));
    const second = await post(csv(wave2026("none")), "text/csv", "?replace=true");
    expect(second.status).toBe(503);
    expect(second.headers.get("retry-after")).toBe("10");
    expect(ProblemSchema.parse(await second.json())).toMatchObject({
      status: 503,
      type: "https://mbct-atlas.example/problems/import-in-progress",
      detail: expect.stringMatching(/^Another import is running on this server; imports run one at a time/),
    });
    const health = await t.app.request("/api/health");
    expect(health.status).toBe(200);
    const waves = await t.app.request("/api/waves");
    expect(waves.status).toBe(200);
    expect(settled).toBe(false);

    const done = await first;
    expect(done.status).toBe(201);
    expect(ImportSummarySchema.parse(await done.json()).rows).toBe(5 * 12 * 84);
    // The slot is free again.
    const again = await post(csv(wave2026("none")), "text/csv", "?replace=true&dryRun=true");
    expect(again.status).toBe(200);
  });
});
