import { TEST_DIALECTS } from "@atlas/db/testing";
import { ImportSummarySchema, ProblemSchema } from "@atlas/domain";
import { describe, expect, it } from "vitest";
import { IMPORT_HEADER, importTestbed, OPEN_2026, returnsCsv, wave2026, XLSX_TYPE } from "../import-testbed";
import { lyingSheetPart, workbookWithSheets } from "../xlsx/test-workbooks";

/** Monthly waves from 2030-01, each with every open organisation. */
const largeWaves = (years: number) =>
  Array.from(
    { length: years * 12 },
    (_, m) => `${2030 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`,
  );

function largeCsv(years: number): string {
  const rows: string[][] = [];
  for (const wave of largeWaves(years)) for (const code of OPEN_2026) rows.push([wave, code, "routine"]);
  return returnsCsv(rows);
}

describe.each(TEST_DIALECTS)("imports in a worker thread on %s", (kind) => {
  const bed = importTestbed(kind, { importsInWorker: true });
  const { post, refused } = bed;

  it("reads the visible sheet, never a hidden first sheet's 3 returns in place of the wave's 84", async () => {
    const bytes = workbookWithSheets([
      { name: "draft", state: "hidden", rows: [IMPORT_HEADER, ...wave2026("none").slice(0, 3)] },
      { name: "returns", rows: [IMPORT_HEADER, ...wave2026("limited")] },
    ]);
    const res = await post(bytes, XLSX_TYPE, "?replace=true");
    expect(res.status).toBe(201);
    expect(ImportSummarySchema.parse(await res.json()).rows).toBe(84);
    const stored = await bed.t.db.db
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
    const bombed = await refused(bomb, XLSX_TYPE);
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
    const second = await post(returnsCsv(wave2026("none")), "text/csv", "?replace=true");
    expect(second.status).toBe(503);
    expect(second.headers.get("retry-after")).toBe("10");
    expect(ProblemSchema.parse(await second.json())).toMatchObject({
      status: 503,
      type: "https://mbct-atlas.example/problems/import-in-progress",
      detail: expect.stringMatching(/^Another import is running on this server; imports run one at a time/),
    });
    const health = await bed.t.app.request("/api/health");
    expect(health.status).toBe(200);
    const waves = await bed.t.app.request("/api/waves");
    expect(waves.status).toBe(200);
    expect(settled).toBe(false);

    const done = await first;
    expect(done.status).toBe(201);
    expect(ImportSummarySchema.parse(await done.json()).rows).toBe(5 * 12 * 84);
    // The slot is free again.
    const again = await post(returnsCsv(wave2026("none")), "text/csv", "?replace=true&dryRun=true");
    expect(again.status).toBe(200);
  });
});
