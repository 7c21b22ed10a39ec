import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findWave, getDataVersions, listImportBatches, listReturns, listRevisions } from "@atlas/db";
import { dumpTables, openTestDb, TEST_DIALECTS, type TestDb } from "@atlas/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_DIR } from "../paths";
import { loadReference } from "../reference/load-reference";
import { readReference } from "../reference/read-reference";
import { ImportConfirmationError, ImportConflictError, ImportOptionError } from "./errors";
import { importSurveyFile } from "./import-survey";
import { insertFixture } from "./test-fixture";

const encode = (s: string) => new TextEncoder().encode(s);
const file = (...rows: string[]) => encode(`wave,org_code,provision,places_offered\n${rows.join("\n")}\n`);

describe.each(TEST_DIALECTS)("import modes, drafts and revisions on %s", (kind) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb(kind);
    await insertFixture(t);
  });
  afterEach(async () => {
    await t.close();
  });

  it("adds returns one file at a time, keeping the wave's others, and records every change and who made it", async () => {
    await importSurveyFile(t, {
      fileName: "rv3.csv",
      bytes: file("2016,RV3,routine,24"),
      importedBy: "cli:a",
      mode: "add",
      by: "Ana",
    });
    const second = await importSurveyFile(t, {
      fileName: "more.csv",
      bytes: file("2016,RAT,none,0", "2016,RV3,limited,24"),
      importedBy: "api:203.0.113.9",
      mode: "add",
      by: "Survey team",
    });
    expect(second).toMatchObject({
      status: "imported",
      mode: "add",
      by: "Survey team",
      waves: [
        {
          waveId: "2016",
          action: "updated",
          previousRows: 1,
          state: "published",
          diff: {
            counts: { added: 1, changed: 1, removed: 0, unchanged: 0 },
            added: ["RAT"],
            changed: [{ orgCode: "RV3", fields: ["provision"] }],
            removed: [],
          },
        },
      ],
    });
    expect((await listReturns(t.db, { waveIds: ["2016"] })).map((r) => [r.orgCode, r.provision])).toEqual([
      ["RAT", "none"],
      ["RV3", "limited"],
    ]);
    const revisions = await listRevisions(t.db, { orgCode: "RV3" });
    expect(revisions.map((r) => [r.action, r.fields, r.fileName, r.byLabel, r.importedBy, r.mode])).toEqual([
      ["changed", ["provision"], "more.csv", "Survey team", "api:203.0.113.9", "add"],
      ["added", [], "rv3.csv", "Ana", "cli:a", "add"],
    ]);
    // Adding never marks earlier batches replaced: each still accounts for the rows it wrote.
    expect((await listImportBatches(t.db)).map((b) => b.status)).toEqual(["imported", "imported"]);
  });

  it("re-adding rows already stored is a no-op that says so, even from another file", async () => {
    await importSurveyFile(t, {
      fileName: "a.csv",
      bytes: file("2016,RV3,routine,24", "2016,RAT,none,0"),
      importedBy: "t",
      mode: "add",
    });
    const dump = await dumpTables(t.db);
    const again = await importSurveyFile(t, {
      fileName: "b.csv",
      bytes: file("2016,RAT,none,0"),
      importedBy: "t",
      mode: "add",
    });
    expect(again).toMatchObject({ status: "unchanged", dataVersion: null, waves: [{ action: "unchanged" }] });
    expect(again.message).toBe(
      "b.csv: every row is stored exactly so already (wave 2016: 1 return); nothing changed.",
    );
    expect(await dumpTables(t.db)).toEqual(dump);
  });

  it("keeps a draft out of the public data version, and refuses a draft import onto a published wave", async () => {
    const before = await getDataVersions(t.db);
    const draft = await importSurveyFile(t, {
      fileName: "d.csv",
      bytes: file("2016,RV3,routine,24"),
      importedBy: "t",
      draft: true,
      provisional: true,
    });
    expect(draft).toMatchObject({
      waves: [{ state: "draft", provisional: true, action: "created" }],
      publicDataVersion: null,
    });
    expect(draft.message).toMatch(/wave 2016 created as a draft, provisional \(1 return\)/);
    const afterDraft = await getDataVersions(t.db);
    expect(afterDraft.publicVersion).toBe(before.publicVersion);
    expect(afterDraft.version).not.toBe(before.version);
    // Adding to a draft keeps it a draft (and the public version where it was).
    await importSurveyFile(t, {
      fileName: "d2.csv",
      bytes: file("2016,RAT,none,0"),
      importedBy: "t",
      mode: "add",
    });
    expect(await findWave(t.db, "2016")).toMatchObject({
      published: false,
      provisional: true,
      publishedAt: null,
    });
    expect((await getDataVersions(t.db)).publicVersion).toBe(before.publicVersion);

    const published = await importSurveyFile(t, {
      fileName: "p.csv",
      bytes: file("2020,RV3,none,0"),
      importedBy: "t",
    });
    expect(published.publicDataVersion).toBe(published.dataVersion);
    const dump = await dumpTables(t.db);
    const refused = await importSurveyFile(t, {
      fileName: "p2.csv",
      bytes: file("2020,RAT,none,0"),
      importedBy: "t",
      mode: "add",
      draft: true,
    }).catch((e) => e);
    expect(refused).toBeInstanceOf(ImportConflictError);
    expect((refused as Error).message).toMatch(
      /wave 2020 is published \(1 return\), and a draft import cannot change a published wave.*pnpm atlas unpublish 2020/,
    );
    expect(await dumpTables(t.db)).toEqual(dump);
  });

  it("refuses a replace that would empty most of a wave, and a file that names two waves, until confirmed", async () => {
    await importSurveyFile(t, {
      fileName: "w.csv",
      bytes: file("2016,RV3,routine,24", "2016,RAT,none,0", "2016,RWK,none,0", "2016,OLD1,limited,12"),
      importedBy: "t",
    });
    const dump = await dumpTables(t.db);
    const both = await importSurveyFile(t, {
      fileName: "mixed.csv",
      bytes: file("2020,RV3,routine,24", "2016,RAT,none,0", "2020,NEW1,none,0"),
      importedBy: "t",
      mode: "replace",
    }).catch((e) => e);
    expect(both).toBeInstanceOf(ImportConfirmationError);
    const refusal = both as ImportConfirmationError;
    expect(refusal.reasons.map((r) => r.kind)).toEqual(["several_waves", "shrink"]);
    expect(refusal.message).toMatch(/wave 2020 in rows 2, 4 \(RV3, NEW1\); wave 2016 in row 3 \(RAT\)/);
    expect(refusal.message).toMatch(
      /replacing wave 2016 would remove 3 of its 4 stored returns \(75%.*\): OLD1, RV3, RWK/,
    );
    // What it would have done, as a dry run reports it.
    expect(refusal.waves.map((w) => [w.waveId, w.diff.counts])).toEqual([
      ["2016", { added: 0, changed: 0, removed: 3, unchanged: 1 }],
      ["2020", { added: 2, changed: 0, removed: 0, unchanged: 0 }],
    ]);
    expect(await dumpTables(t.db)).toEqual(dump);
    const dry = await importSurveyFile(t, {
      fileName: "mixed.csv",
      bytes: file("2020,RV3,routine,24", "2016,RAT,none,0", "2020,NEW1,none,0"),
      importedBy: "t",
      mode: "replace",
      dryRun: true,
    }).catch((e) => e);
    expect(dry).toBeInstanceOf(ImportConfirmationError);
    const confirmed = await importSurveyFile(t, {
      fileName: "mixed.csv",
      bytes: file("2020,RV3,routine,24", "2016,RAT,none,0", "2020,NEW1,none,0"),
      importedBy: "t",
      mode: "replace",
      confirmShrink: true,
      confirmWaves: ["2016", "2020"],
    });
    expect(confirmed.waves.map((w) => [w.waveId, w.action])).toEqual([
      ["2016", "replaced"],
      ["2020", "created"],
    ]);
    const removed = await listRevisions(t.db, { waveId: "2016" });
    expect(removed.filter((r) => r.action === "removed").map((r) => r.orgCode)).toEqual([
      "OLD1",
      "RV3",
      "RWK",
    ]);
  });

  it("refuses a bad by label or two modes before reading the file", async () => {
    const dump = await dumpTables(t.db);
    await expect(
      importSurveyFile(t, {
        fileName: "a.csv",
        bytes: file("2016,RV3,routine,24"),
        importedBy: "t",
        by: "a\u0001b",
      }),
    ).rejects.toBeInstanceOf(ImportOptionError);
    await expect(
      importSurveyFile(t, {
        fileName: "a.csv",
        bytes: file("2016,RV3,routine,24"),
        importedBy: "t",
        mode: "add",
        replace: true,
      }),
    ).rejects.toThrow(/"add" and replace cannot both be asked for/);
    expect(await dumpTables(t.db)).toEqual(dump);
  });
});

describe.each(TEST_DIALECTS)("the issue's reproduction on %s", (kind) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb(kind);
    await loadReference(t, readReference());
    await importSurveyFile(t, {
      fileName: "mbct-survey-2026-synthetic.csv",
      bytes: readFileSync(join(DEMO_DIR, "mbct-survey-2026-synthetic.csv")),
      importedBy: "seed",
    });
  });
  afterEach(async () => {
    await t.close();
  });

  it("a 2027 file with one row mistyped as 2026, imported with replace, is refused naming the row and the wave; nothing changes", async () => {
    const demo = readFileSync(join(DEMO_DIR, "mbct-survey-2026-synthetic.csv"), "utf8").trim().split("\n");
    const rows = demo.slice(1).map((line) => line.replace(/^2026,/, "2027,"));
    rows[40] = rows[40]!.replace(/^2027,/, "2026,");
    const mistyped = rows[40]!.split(",")[1];
    const bytes = encode(`${demo[0]}\n${rows.join("\n")}\n`);
    expect(await listReturns(t.db, { waveIds: ["2026"] })).toHaveLength(84);
    const dump = await dumpTables(t.db);
    const error = await importSurveyFile(t, {
      fileName: "returns-2027.csv",
      bytes,
      importedBy: "t",
      mode: "replace",
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportConfirmationError);
    expect((error as Error).message).toContain(`wave 2026 in row 42 (${mistyped})`);
    expect((error as Error).message).toMatch(/wave 2027 in rows 2–41, 43–85 \(83 rows\)/);
    expect((error as Error).message).toMatch(/replacing wave 2026 would remove 83 of its 84 stored returns/);
    expect(await dumpTables(t.db)).toEqual(dump);
  });
});
