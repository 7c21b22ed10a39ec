import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readReference } from "@atlas/api";
import { workbookWithSheets } from "@atlas/api/testing";
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

  it("reads the workbook sheet named with --sheet, and says which sheets there are when the name is wrong", async () => {
    const [a, b] = openOrganisationCodes();
    const file = join(dir, "returns.xlsx");
    const header = ["wave", "org_code", "provision"];
    writeFileSync(
      file,
      workbookWithSheets([
        { name: "2024", rows: [header, ["2024", a!, "routine"]] },
        { name: "2025", rows: [header, ["2025", a!, "routine"], ["2025", b!, "none"]] },
      ]),
    );
    const env = { DATABASE_URL: `sqlite:${join(dir, "atlas.sqlite")}` };

    const both = await runCli(["import", file], env).done;
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(
      /more than one visible sheet has a survey header row: "2024" \(row 1\), "2025" \(row 1\)/,
    );
    const wrong = await runCli(["import", file, "--sheet", "2026"], env).done;
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/there is no sheet named "2026"; the visible sheets are "2024", "2025"/);
    const picked = await runCli(["import", file, "--sheet", "2025"], env).done;
    expect(picked.stderr).toBe("");
    expect(picked.code).toBe(0);
    expect(picked.stdout).toMatch(/^Imported 2 rows from returns\.xlsx: wave 2025 created/);
  }, 90_000);
});
