import { FIXTURE } from "@atlas/domain/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  bumpDataVersion,
  insertAreas,
  insertImportBatch,
  insertOrganisations,
  insertReturns,
  readAtlasSnapshot,
  upsertWave,
} from "./index";
import { openTestDb, TEST_DIALECTS, type TestDb } from "./testing";

describe.each(TEST_DIALECTS)("readAtlasSnapshot on %s", (kind) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  it("reads every table and the data version together", async () => {
    const empty = await readAtlasSnapshot(t.db);
    expect(empty.version).toBe("0");
    expect(empty.data.returns).toEqual([]);
    const version = await t.db.transaction().execute(async (trx) => {
      await insertAreas(trx, FIXTURE.areas);
      await insertOrganisations(trx, FIXTURE.organisations);
      for (const wave of FIXTURE.waves) await upsertWave(trx, wave);
      await insertImportBatch(trx, {
        id: "b1",
        fileName: "f.csv",
        checksum: "c",
        waveId: "2024",
        rowCount: 1,
        importedBy: "test",
        importedAt: "2024-01-01T00:00:00Z",
        status: "imported",
      });
      await insertReturns(trx, FIXTURE.returns, "b1");
      return bumpDataVersion(trx);
    });
    const snapshot = await readAtlasSnapshot(t.db);
    expect(snapshot.version).toBe(version);
    expect(snapshot.data.areas).toHaveLength(FIXTURE.areas.length);
    expect(snapshot.data.organisations).toHaveLength(FIXTURE.organisations.length);
    expect(snapshot.data.waves.map((w) => [w.id, w.synthetic])).toEqual([
      ["2022", false],
      ["2024", true],
    ]);
    expect(snapshot.data.returns).toHaveLength(FIXTURE.returns.length);
    const rv3 = snapshot.data.returns.find((r) => r.waveId === "2024" && r.orgCode === "RV3");
    expect(rv3).toEqual(FIXTURE.returns.find((r) => r.waveId === "2024" && r.orgCode === "RV3"));
  });
});
