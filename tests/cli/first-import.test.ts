import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readReference } from "@atlas/api";
import { connect, countAreas, listWaves } from "@atlas/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../support/cli-process";

/** Three open organisations from the committed reference list (the list a survey team would look up). */
function openOrganisationCodes(): string[] {
  return readReference()
    .organisations.filter((o) => o.closedOn === null)
    .map((o) => o.code)
    .slice(0, 3);
}

describe("pnpm atlas import on a database nobody has started yet", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "atlas-first-import-"));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("creates the database with the reference geography, imports the file, and adds no demo waves", async () => {
    const file = join(dir, "returns-2025.csv");
    const rows = openOrganisationCodes().map(
      (code, i) => `2025,${code},${["routine", "none", "no_response"][i]}`,
    );
    writeFileSync(file, `wave,org_code,provision\n${rows.join("\n")}\n`);
    const databaseUrl = `sqlite:${join(dir, "atlas.sqlite")}`;

    const run = await runCli(["import", file], { DATABASE_URL: databaseUrl }).done;
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Imported 3 rows from returns-2025\.csv: wave 2025 created/);

    const handle = connect({ kind: "sqlite", path: join(dir, "atlas.sqlite") });
    try {
      expect(await countAreas(handle.db)).toBeGreaterThan(80);
      expect((await listWaves(handle.db)).map((w) => w.id)).toEqual(["2025"]);
    } finally {
      await handle.close();
    }
  }, 60_000);
});
