import { dumpTables, openTestDb, TEST_DIALECTS, type TestDb } from "@atlas/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "../../problem";
import { ImportConflictError, ImportValidationError, rebuildError, serialiseError } from "../errors";
import { insertFixture } from "../test-fixture";
import { importInWorker } from "./worker-import";

const text = (s: string) => new TextEncoder().encode(s);

describe("errors crossing from the import worker", () => {
  it("come back as their registered class with their own fields", () => {
    const conflict = new ImportConflictError("f.csv", [
      { waveId: "2016", kind: "has_returns", storedRows: 2, storedFrom: "a.csv", storedAt: null },
    ]);
    const rebuilt = rebuildError(structuredClone(serialiseError(conflict)));
    expect(rebuilt).toBeInstanceOf(ImportConflictError);
    expect(rebuilt).toMatchObject({ name: "ImportConflictError", file: "f.csv", message: conflict.message });
    expect((rebuilt as ImportConflictError).conflicts).toEqual(conflict.conflicts);
  });

  it("keep the code and cause of an unregistered error, so a lost database still reads as one", () => {
    const lost = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const wrapped = new Error("import failed", { cause: lost });
    const rebuilt = rebuildError(structuredClone(serialiseError(wrapped)));
    expect(rebuilt).not.toBeInstanceOf(ImportValidationError);
    expect(rebuilt.message).toBe("import failed");
    expect((rebuilt.cause as { code?: string }).code).toBe("ECONNREFUSED");
    expect(isDatabaseUnavailable(rebuilt)).toBe(true);
  });
});

describe.each(TEST_DIALECTS)("importInWorker on %s", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb(kind);
    await insertFixture(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("refuses a file that needs more memory than the worker may use, and the server thread is unharmed", async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `2016,RV3,routine,${"note ".repeat(4)}${i}`);
    const before = await dumpTables(db.db);
    const error = await importInWorker(
      db.url,
      {
        fileName: "big.csv",
        bytes: text(`wave,org_code,provision,notes\n${rows.join("\n")}\n`),
        importedBy: "test",
      },
      { maxHeapMiB: 24 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportValidationError);
    expect((error as ImportValidationError).problems[0]!.message).toMatch(
      /^reading this file needs more memory than one import may use \(24 MiB\); nothing was imported/,
    );
    expect(await dumpTables(db.db)).toEqual(before);
    // The same limit is ample for a file of ordinary size: it is the file that needed the memory.
    const ok = await importInWorker(
      db.url,
      {
        fileName: "small.csv",
        bytes: text("wave,org_code,provision\n2016,RV3,routine\n"),
        importedBy: "test",
      },
      { maxHeapMiB: 24 },
    );
    expect(ok.status).toBe("imported");
  });
});
