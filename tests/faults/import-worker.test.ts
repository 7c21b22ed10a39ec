import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openTestDb, type TestDb } from "@atlas/db/testing";
import { ImportSummarySchema, ProblemSchema } from "@atlas/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServer } from "../support/server-process";
import { surveyWorkbookWaves, writeSurveyWorkbook } from "../support/survey-workbooks";

const TOKEN = "import-worker-token-0123456789abcdef";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ROWS = 20_000;

/** The real server (`tsx apps/api/src/server.ts`, what `pnpm start` runs) imports in its worker thread. */
describe.each(["sqlite", "postgres"] as const)("the server's import worker on %s", (kind) => {
  const dir = mkdtempSync(join(tmpdir(), "atlas-import-worker-"));
  let database: TestDb;
  let server: ServerProcess;
  let workbook: Uint8Array<ArrayBuffer>;

  beforeAll(async () => {
    database = await openTestDb(kind, { migrate: false });
    server = await startServer({ DATABASE_URL: database.url, ATLAS_ADMIN_TOKEN: TOKEN, ATLAS_DEMO: "0" });
    await writeSurveyWorkbook(join(dir, "returns.xlsx"), ROWS, 40);
    workbook = new Uint8Array(readFileSync(join(dir, "returns.xlsx")));
  });
  afterAll(async () => {
    await server?.stop();
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // The workbook holds many monthly waves, which an import must confirm by name.
  const confirm = `&confirmWaves=${surveyWorkbookWaves(ROWS).join(",")}`;
  const post = (body: BodyInit, query: string) =>
    fetch(`${server.url}/api/imports${query}${confirm}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": XLSX },
      body,
    });

  it("imports a workbook while /api/health and reads answer, and refuses a second import meanwhile (503, Retry-After)", {
    timeout: 180_000,
  }, async () => {
    let settled = false;
    const first = post(workbook, "?fileName=returns.xlsx").then((res) => {
      settled = true;
      return res;
    });
    // The first request takes the slot as soon as the server reads its headers; its import lasts seconds.
    await new Promise((r) => setTimeout(r, 1_000));
    const second = await post(workbook, "?fileName=again.xlsx&dryRun=true");
    expect(second.status).toBe(503);
    expect(second.headers.get("retry-after")).toBe("10");
    expect(second.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(ProblemSchema.parse(await second.json()).title).toBe("Import in progress");

    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    const waves = await fetch(`${server.url}/api/waves`);
    expect(waves.status).toBeLessThan(500);
    expect(settled).toBe(false);

    const done = await first;
    expect(done.status, server.logs()).toBe(201);
    expect(ImportSummarySchema.parse(await done.json()).rows).toBe(ROWS);
    expect(server.logs()).not.toMatch(/"level":"error"/);
  });
});
