import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openTestDb, TEST_POSTGRES_URL, type TestDb } from "@atlas/db/testing";
import SQLite from "better-sqlite3";
import { parse } from "csv-parse/sync";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli-process";
import { dumpDatabase } from "../support/db-dump";
import { REPO_ROOT } from "../support/server-process";

const orgCodes = (
  parse(readFileSync(`${REPO_ROOT}data/reference/organisations.csv`, "utf8"), { columns: true }) as Record<
    string,
    string
  >[]
)
  .filter((org) => org.closed_on === "" && (org.opened_on === "" || org.opened_on! < "2000-01-01"))
  .map((org) => org.code!); // organisations open through every wave the test writes

const MONTHS = 480;
/** The monthly waves of the large file, from 2000-01. */
const monthlyWaves = Array.from(
  { length: MONTHS },
  (_, m) => `${2000 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`,
);

/** One row per open organisation in each monthly wave: a large, valid survey file. */
function largeSurveyFile(): string {
  const lines = ["wave,org_code,provision,stage,places_offered,participants_started"];
  for (const wave of monthlyWaves) {
    for (const [i, code] of orgCodes.entries())
      lines.push(`${wave},${code},${i % 3 === 0 ? "routine" : "none"},,12,10`);
  }
  return `${lines.join("\n")}\n`;
}
/** The import of the large file: its many waves are meant, so confirmed. */
const LARGE_IMPORT = (dir: string) => [
  "import",
  join(dir, "large.csv"),
  "--confirm-waves",
  monthlyWaves.join(","),
];

/** True while another connection holds the database's write lock, i.e. the import is writing. */
function sqliteWriterActive(path: string): boolean {
  const probe = new SQLite(path, { timeout: 0 });
  try {
    probe.exec("BEGIN IMMEDIATE");
    probe.exec("ROLLBACK");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
    throw error;
  } finally {
    probe.close();
  }
}

async function postgresWriterActive(applicationName: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND xact_start IS NOT NULL AND query ILIKE 'insert into \"survey_returns\"%'",
      [applicationName],
    );
    return rows[0].n > 0;
  } finally {
    await client.end();
  }
}

describe.each(["sqlite", "postgres"] as const)("importer killed mid-import on %s", (kind) => {
  const dir = mkdtempSync(join(tmpdir(), "atlas-kill-"));
  // Names the importer's PostgreSQL connections, so the test can see when they are writing.
  const applicationName = `atlas_kill_${randomBytes(4).toString("hex")}`;
  let database: TestDb;
  let databaseUrl: string;

  beforeAll(async () => {
    database = await openTestDb(kind, { migrate: false });
    const url = new URL(database.url);
    if (kind === "postgres") url.searchParams.set("application_name", applicationName);
    databaseUrl = kind === "postgres" ? url.toString() : database.url;
    const env = { DATABASE_URL: databaseUrl, ATLAS_DEMO: "0" };
    expect((await runCli(["seed"], env).done).code).toBe(0);
    writeFileSync(
      join(dir, "small.csv"),
      `wave,org_code,provision\n2019,${orgCodes[0]},routine\n2019,${orgCodes[1]},none\n`,
    );
    const small = await runCli(["import", join(dir, "small.csv")], env).done;
    expect(small.code, small.stderr).toBe(0);
    writeFileSync(join(dir, "large.csv"), largeSurveyFile());
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database?.close();
  });

  // Two CLI runs, each starting tsx and migrating: allow for a loaded machine.
  it("leaves exactly the data from before, and the next run is clean", { timeout: 120_000 }, async () => {
    const env = { DATABASE_URL: databaseUrl, ATLAS_DEMO: "0" };
    const before = await dumpDatabase(databaseUrl);

    const run = runCli(LARGE_IMPORT(dir), env);
    let writing = false;
    for (let i = 0; i < 3_000 && !writing && run.child.exitCode === null; i++) {
      writing =
        kind === "sqlite"
          ? sqliteWriterActive(databaseUrl.slice("sqlite:".length))
          : await postgresWriterActive(applicationName);
      if (!writing) await new Promise((r) => setTimeout(r, 10));
    }
    expect(writing, "the import was seen writing before it was killed").toBe(true);
    run.child.kill("SIGKILL");
    const killed = await run.done;
    expect(killed.signal).toBe("SIGKILL");

    expect(await dumpDatabase(databaseUrl)).toBe(before);

    const again = await runCli(LARGE_IMPORT(dir), env).done;
    expect(again.code, again.stderr).toBe(0);
    const after = JSON.parse(await dumpDatabase(databaseUrl)) as { surveyReturns: unknown[] };
    expect(after.surveyReturns).toHaveLength(2 + MONTHS * orgCodes.length);
  });
});
