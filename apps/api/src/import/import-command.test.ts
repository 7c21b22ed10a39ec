import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { countReturns } from "@atlas/db";
import { dumpTables, openTestDb, TEST_DIALECTS, type TestDb } from "@atlas/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IMPORT_EXIT, runImportCommand } from "./import-command";
import { insertFixture } from "./test-fixture";
import { workbookWithSheets } from "./xlsx/test-workbooks";

const HEADER = ["wave", "org_code", "provision"];

describe.each(TEST_DIALECTS)("pnpm atlas import on %s", (kind) => {
  let t: TestDb;
  let dir: string;
  let out: string;
  let err: string;
  const io = {
    out: (s: string) => {
      out += s;
    },
    err: (s: string) => {
      err += s;
    },
  };
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  beforeEach(async () => {
    t = await openTestDb(kind);
    await insertFixture(t);
    dir = mkdtempSync(join(tmpdir(), "atlas-cli-"));
    out = "";
    err = "";
  });
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("imports, dry-runs, refuses an existing wave and replaces it, with exit codes", async () => {
    const good = write("w2016.csv", "wave,org_code,provision\n2016,RV3,routine\n2016,RAT,none\n");
    expect(await runImportCommand(t, [good, "--dry-run"], io)).toBe(IMPORT_EXIT.ok);
    expect(out).toMatch(/^Dry run: w2016\.csv is valid \(2 rows\)/);
    expect(await countReturns(t.db)).toBe(0);

    out = "";
    expect(await runImportCommand(t, [good], io)).toBe(IMPORT_EXIT.ok);
    expect(out).toMatch(
      /^Imported 2 rows from w2016\.csv: wave 2016 created \(2 returns\)\.\n {2}wave 2016 \[created, published\]: 2 added: RAT, RV3; 0 changed; 0 removed; 0 unchanged\nchecksum sha256:[0-9a-f]{64}\n$/,
    );

    const other = write("w2016b.csv", "wave,org_code,provision\n2016,RV3,limited\n");
    expect(await runImportCommand(t, [other], io)).toBe(IMPORT_EXIT.conflict);
    expect(err).toMatch(/wave 2016 already has 2 returns from w2016\.csv.*--replace/);
    err = "";
    const dump = await dumpTables(t.db);
    expect(await runImportCommand(t, [other, "--replace"], io)).toBe(IMPORT_EXIT.confirm);
    expect(err).toMatch(
      /replacing wave 2016 would remove 1 of its 2 stored returns \(50%.*\): RAT.*--add.*--confirm-shrink/,
    );
    expect(await dumpTables(t.db)).toEqual(dump);
    expect(await runImportCommand(t, [other, "--replace", "--confirm-shrink"], io)).toBe(IMPORT_EXIT.ok);
    expect(await countReturns(t.db, "2016")).toBe(1);
  });

  it("adds returns one at a time with --add, recording who, and says when nothing changed", async () => {
    const first = write("rv3.csv", "wave,org_code,provision\n2016,RV3,routine\n");
    const second = write("rat.csv", "wave,org_code,provision\n2016,RAT,none\n2016,RV3,limited\n");
    expect(await runImportCommand(t, [first, "--add", "--by", "Survey team"], io)).toBe(IMPORT_EXIT.ok);
    out = "";
    expect(await runImportCommand(t, [second, "--add", "--by=A. Jones"], io)).toBe(IMPORT_EXIT.ok);
    expect(out).toMatch(
      /wave 2016 updated \(1 added \(RAT\), 1 changed \(RV3: provision\), 0 unchanged; 1 → 2 returns\)/,
    );
    expect(out).toContain(
      "  wave 2016 [updated, published]: 1 added: RAT; 1 changed: RV3 (provision); 0 removed; 0 unchanged",
    );
    expect(await countReturns(t.db, "2016")).toBe(2);
    const batches = await t.db
      .selectFrom("importBatches")
      .select(["byLabel", "mode", "importedBy"])
      .orderBy("importedAt")
      .execute();
    expect(batches).toEqual([
      { byLabel: "Survey team", mode: "add", importedBy: expect.stringMatching(/^cli:/) },
      { byLabel: "A. Jones", mode: "add", importedBy: expect.stringMatching(/^cli:/) },
    ]);
    out = "";
    const dump = await dumpTables(t.db);
    expect(await runImportCommand(t, [second, "--add"], io)).toBe(IMPORT_EXIT.ok);
    expect(out).toMatch(/rat\.csv is already imported \(same checksum.*nothing changed/);
    expect(await dumpTables(t.db)).toEqual(dump);
  });

  it("prints every problem as file:row:column: message and stores nothing", async () => {
    const bad = write("bad.csv", "wave,org_code,provison\n2016,RV3,routine\n20x6,RV9,none\n");
    const dump = await dumpTables(t.db);
    expect(await runImportCommand(t, [bad], io)).toBe(IMPORT_EXIT.invalid);
    const lines = err.trim().split("\n");
    expect(lines).toEqual([
      'bad.csv:1:column C: unknown column "provison"; did you mean "provision"?',
      'bad.csv:1:provision: required column "provision" is missing; the header must name wave, org_code and provision',
      'bad.csv:3:wave: "20x6" is not a wave id; a wave is YYYY or YYYY-MM, e.g. 2024 or 2024-05',
      'bad.csv:3:org_code: unknown organisation code "RV9"; did you mean "RV3" (Trust RV3)?',
      "bad.csv: 4 problems found; nothing was imported",
    ]);
    expect(await dumpTables(t.db)).toEqual(dump);
  });

  it("reads the sheet named with --sheet, naming the sheet in every problem line, and refuses an unknown one", async () => {
    const path = join(dir, "returns.xlsx");
    writeFileSync(
      path,
      workbookWithSheets([
        { name: "2016", rows: [HEADER, ["2016", "RV3", "routine"]] },
        { name: "2017", rows: [HEADER, ["2017", "RV3", "routine"], ["2017", "RV9", "none"]] },
        { name: "old", state: "hidden", rows: [HEADER, ["2015", "RAT", "none"]] },
      ]),
    );
    const dump = await dumpTables(t.db);
    expect(await runImportCommand(t, [path], io)).toBe(IMPORT_EXIT.invalid);
    expect(err).toMatch(
      /^returns\.xlsx::: more than one visible sheet has a survey header row: "2016" \(row 1\), "2017" \(row 1\); choose one with --sheet NAME/,
    );
    err = "";
    expect(await runImportCommand(t, [path, "--sheet", "2017"], io)).toBe(IMPORT_EXIT.invalid);
    expect(err.split("\n")[0]).toBe(
      'returns.xlsx[2017]:3:org_code: unknown organisation code "RV9"; did you mean "RV3" (Trust RV3)?',
    );
    err = "";
    expect(await runImportCommand(t, [path, "--sheet=old"], io)).toBe(IMPORT_EXIT.invalid);
    expect(err).toMatch(/sheet "old" is hidden; hidden sheets are never read/);
    expect(await runImportCommand(t, ["--sheet", "2018", path], io)).toBe(IMPORT_EXIT.invalid);
    expect(err).toMatch(/there is no sheet named "2018"; the visible sheets are "2016", "2017"/);
    expect(await dumpTables(t.db)).toEqual(dump);

    expect(await runImportCommand(t, [path, "--sheet", "2016"], io)).toBe(IMPORT_EXIT.ok);
    expect(await countReturns(t.db, "2016")).toBe(1);
    expect(await runImportCommand(t, [path, "--sheet"], io)).toBe(IMPORT_EXIT.usage);
    expect(err).toMatch(/--sheet needs a value/);
  });

  it("explains usage mistakes", async () => {
    const good = write("w2016.csv", "wave,org_code,provision\n2016,RV3,routine\n");
    expect(await runImportCommand(t, [good, "--add", "--replace"], io)).toBe(IMPORT_EXIT.usage);
    expect(err).toMatch(/--add and --replace cannot both be given/);
    expect(await runImportCommand(t, [good, "--by", "x\u0007y"], io)).toBe(IMPORT_EXIT.usage);
    expect(err).toMatch(/by: use letters, digits/);
    expect(await runImportCommand(t, [good, "--by", "n".repeat(61)], io)).toBe(IMPORT_EXIT.usage);
    expect(err).toMatch(/by: is 61 characters long; at most 60/);
    expect(await runImportCommand(t, [good, "--confirm-waves", "2016,16"], io)).toBe(IMPORT_EXIT.usage);
    expect(err).toMatch(/--confirm-waves: "16" is not a wave id/);
    expect(await runImportCommand(t, [good, "--by"], io)).toBe(IMPORT_EXIT.usage);
    expect(err).toMatch(/--by needs a value/);
    expect(await countReturns(t.db)).toBe(0);
    expect(await runImportCommand(t, [], io)).toBe(IMPORT_EXIT.usage);
    expect(await runImportCommand(t, ["x.csv", "--force"], io)).toBe(IMPORT_EXIT.usage);
    expect(err).toMatch(/unknown option --force/);
    expect(await runImportCommand(t, [join(dir, "missing.csv")], io)).toBe(IMPORT_EXIT.usage);
    expect(err).toMatch(/cannot read .*missing\.csv/);
  });
});
