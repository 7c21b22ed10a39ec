import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect, listReturns, listWaves, parseDatabaseUrl } from "@atlas/db";
import { openTestDb, type TestDb } from "@atlas/db/testing";
import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../support/cli-process";
import { dumpDatabase } from "../support/db-dump";
import { freePort, REPO_ROOT } from "../support/server-process";

/** Reads what a database holds for a wave, through a fresh connection. */
async function stored(databaseUrl: string, waveId: string) {
  const handle = connect(parseDatabaseUrl(databaseUrl));
  try {
    return {
      waves: await listWaves(handle.db),
      returns: await listReturns(handle.db, { waveIds: [waveId] }),
    };
  } finally {
    await handle.close();
  }
}

/** Fills in provision on the data rows `rows` (1-based, after the header) of a pre-filled CSV template. */
function fill(csv: string, rows: number[], provision: string): string {
  const lines = csv.trimEnd().split("\n");
  for (const i of rows) {
    const cells = lines[i]!.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ""));
    cells[3] = provision;
    lines[i] = cells.slice(0, lines[0]!.split(",").length).join(",");
  }
  return `${lines.join("\n")}\n`;
}

describe("a survey wave run through the real CLI on a fresh database (ATLAS_DEMO=0)", () => {
  let dir: string;
  let env: Record<string, string>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "atlas-survey-"));
    env = { DATABASE_URL: `sqlite:${join(dir, "atlas.sqlite")}`, ATLAS_DEMO: "0" };
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes a pre-filled template, and filling it in bit by bit with --add builds the wave (CSV)", async () => {
    const made = await runCli(["template", "2027", "--out", dir], env).done;
    expect(made.stderr).toBe("");
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(
      /wrote .*survey-template-2027\.csv and .*survey-template-2027\.xlsx: \d+ organisations open during wave 2027/,
    );
    const template = readFileSync(join(dir, "survey-template-2027.csv"), "utf8");
    const orgs = template.trim().split("\n").length - 1;
    expect(orgs).toBeGreaterThan(60);

    // First returns in: rows 1–3 filled, the rest left as they came.
    const path = join(dir, "returns-2027.csv");
    const first = fill(template, [1, 2, 3], "routine");
    writeFileSync(path, first);
    const one = await runCli(["import", path, "--add", "--draft", "--by", "Survey team"], env).done;
    expect(one.stderr).toBe("");
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/wave 2027 created as a draft \(3 returns\)/);
    expect(one.stdout).toMatch(new RegExp(`${orgs - 3} template rows left blank skipped`));

    // More returns in the same file: rows 4–6, and row 2 corrected.
    writeFileSync(path, fill(fill(first, [4, 5, 6], "none"), [2], "limited"));
    const two = await runCli(["import", path, "--add", "--by", "Survey team"], env).done;
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toMatch(
      /wave 2027 updated \(3 added \(.*\), 1 changed \(.*: provision\), 2 unchanged; 3 → 6 returns\)/,
    );

    const codes = template
      .trim()
      .split("\n")
      .slice(1, 7)
      .map((l) => l.split(",")[1]);
    const { waves, returns } = await stored(env.DATABASE_URL!, "2027");
    expect(waves).toEqual([expect.objectContaining({ id: "2027", published: false })]);
    expect(returns.map((r) => [r.orgCode, r.provision]).sort()).toEqual(
      codes.map((c, i) => [c, i === 1 ? "limited" : i < 3 ? "routine" : "none"]).sort(),
    );

    // Published in one step; the same file again changes nothing.
    const published = await runCli(["publish", "2027", "--provisional", "--by", "Survey team"], env).done;
    expect(published.code, published.stderr).toBe(0);
    expect(published.stdout).toMatch(/wave 2027 is published \(provisional\)/);
    const again = await runCli(["import", path, "--add"], env).done;
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already imported \(same checksum.*nothing changed/);
    expect((await stored(env.DATABASE_URL!, "2027")).waves).toEqual([
      expect.objectContaining({ id: "2027", published: true, provisional: true }),
    ]);
  }, 120_000);

  it("round-trips the XLSX template the same way", async () => {
    expect((await runCli(["template", "2027-05", "--out", dir], env).done).code).toBe(0);
    const path = join(dir, "survey-template-2027-05.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet("returns")!;
    const provision = (sheet.getRow(1).values as string[]).indexOf("provision");
    const code = (row: number) => String(sheet.getCell(row, 2).value);
    sheet.getCell(2, provision).value = "routine";
    await workbook.xlsx.writeFile(path);
    expect((await runCli(["import", path, "--add"], env).done).code).toBe(0);
    sheet.getCell(3, provision).value = "paused";
    await workbook.xlsx.writeFile(path);
    const second = await runCli(["import", path, "--add"], env).done;
    expect(second.code, second.stderr).toBe(0);
    const { returns } = await stored(env.DATABASE_URL!, "2027-05");
    expect(returns.map((r) => [r.orgCode, r.provision]).sort()).toEqual(
      [
        [code(2), "routine"],
        [code(3), "paused"],
      ].sort(),
    );
  }, 120_000);
});

describe.each(["sqlite", "postgres"] as const)("pnpm atlas exit statuses on %s", (kind) => {
  let database: TestDb;
  let dir: string;
  let env: Record<string, string>;
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  beforeAll(async () => {
    database = await openTestDb(kind, { migrate: false });
    dir = mkdtempSync(join(tmpdir(), "atlas-exit-"));
    env = { DATABASE_URL: database.url, ATLAS_DEMO: "0" };
    const demo = join(REPO_ROOT, "data/demo/mbct-survey-2026-synthetic.csv");
    const seeded = await runCli(["import", demo], env).done;
    expect(seeded.code, seeded.stderr).toBe(0);
  }, 60_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database?.close();
  });

  it("refuses the issue's mistake (one 2027 row typed as 2026, with --replace) with status 4, naming the row; nothing changes", async () => {
    const demo = readFileSync(join(REPO_ROOT, "data/demo/mbct-survey-2026-synthetic.csv"), "utf8")
      .trim()
      .split("\n");
    const rows = demo.slice(1).map((l) => l.replace(/^2026,/, "2027,"));
    rows[9] = rows[9]!.replace(/^2027,/, "2026,");
    const code = rows[9]!.split(",")[1];
    const path = write("returns-2027.csv", `${demo[0]}\n${rows.join("\n")}\n`);
    const before = await dumpDatabase(database.url);
    const run = await runCli(["import", path, "--replace"], env).done;
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(
      `returns-2027.csv:11:wave: row 11 (${code}) is in wave 2026; the other 83 rows are in wave 2027`,
    );
    expect(run.stderr).toContain(`wave 2026 in row 11 (${code})`);
    expect(run.stderr).toMatch(/replacing wave 2026 would remove 83 of its 84 stored returns/);
    expect(run.stderr).toMatch(/--confirm-waves 2026,2027/);
    expect(await dumpDatabase(database.url)).toBe(before);
  }, 60_000);

  it("exits 1 for an invalid file, 2 for a usage mistake, 3 for a conflict, 6 for an unknown wave; nothing changes", async () => {
    const before = await dumpDatabase(database.url);
    const invalid = await runCli(
      ["import", write("bad.csv", "wave,org_code,provision\n2026,NOPE,routine\n")],
      env,
    ).done;
    expect([invalid.code, invalid.stderr]).toEqual([
      1,
      expect.stringMatching(/^bad\.csv:2:org_code: unknown organisation code "NOPE"/),
    ]);
    const usage = await runCli(["import", write("x.csv", "x"), "--force"], env).done;
    expect([usage.code, usage.stderr]).toEqual([2, expect.stringMatching(/^import: unknown option --force/)]);
    const conflict = await runCli(
      ["import", write("c.csv", "wave,org_code,provision\n2026,RV3,paused\n")],
      env,
    ).done;
    expect([conflict.code, conflict.stderr]).toEqual([
      3,
      expect.stringMatching(/wave 2026 already has 84 returns.*--add.*--replace/),
    ]);
    const unknown = await runCli(["publish", "2031"], env).done;
    expect([unknown.code, unknown.stderr]).toEqual([
      6,
      expect.stringMatching(/no wave "2031" is stored; known waves: 2026/),
    ]);
    const badWave = await runCli(["template", "27"], env).done;
    expect([badWave.code, badWave.stderr]).toEqual([2, expect.stringMatching(/"27" is not a wave id/)]);
    expect(await dumpDatabase(database.url)).toBe(before);
  }, 90_000);
});

describe("pnpm atlas with its database out of reach", () => {
  it("exits 5 (database unavailable), distinct from an invalid file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "atlas-down-"));
    try {
      const file = join(dir, "r.csv");
      writeFileSync(file, "wave,org_code,provision\n2026,RV3,routine\n");
      const url = `postgres://postgres@127.0.0.1:${await freePort()}/test`;
      const run = await runCli(["import", file], { DATABASE_URL: url }).done;
      expect(run.code).toBe(5);
      expect(run.stderr).toMatch(
        /^error: the database cannot be reached \(.*\); nothing was done, try again\n$/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
