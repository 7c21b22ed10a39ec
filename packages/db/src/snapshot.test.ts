import type { SurveyReturn } from "@atlas/domain";
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
import { openTestDb, storeWaveReturns, TEST_DIALECTS, type TestDb } from "./testing";

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

  async function storeReferenceAndWaves() {
    await t.db.transaction().execute(async (trx) => {
      await insertAreas(trx, FIXTURE.areas);
      await insertOrganisations(trx, FIXTURE.organisations);
      for (const wave of FIXTURE.waves) await upsertWave(trx, wave);
    });
  }

  /** What an import of one wave does: the wave's returns replaced whole under a new batch, a new version. */
  async function writeWave(waveId: string, batchId: string, returns: readonly SurveyReturn[]) {
    await t.db.transaction().execute(async (trx) => {
      await storeWaveReturns(trx, waveId, batchId, returns);
      await bumpDataVersion(trx);
    });
  }

  it("given the previous snapshot, rereads only the waves an import replaced, and equals a full read", async () => {
    await storeReferenceAndWaves();
    const inWave = (id: string) => FIXTURE.returns.filter((r) => r.waveId === id);
    await writeWave("2022", "a2022", inWave("2022"));
    await writeWave("2024", "a2024", inWave("2024"));
    const first = await readAtlasSnapshot(t.db);

    const changed = inWave("2024").map((r) => ({ ...r, provision: "paused" as const, notes: "replaced" }));
    await writeWave("2024", "b2024", changed);
    const next = await readAtlasSnapshot(t.db, first);

    expect(next).toEqual(await readAtlasSnapshot(t.db));
    expect(next.version).not.toBe(first.version);
    const byOrg = (a: SurveyReturn, b: SurveyReturn) => a.orgCode.localeCompare(b.orgCode);
    expect(next.data.returns.filter((r) => r.waveId === "2024").sort(byOrg)).toEqual(changed.sort(byOrg));
    // The untouched wave is carried over (the very same objects); the replaced one was read again.
    expect(next.waves.get("2022")!.returns).toBe(first.waves.get("2022")!.returns);
    expect(next.waves.get("2024")!.returns).not.toBe(first.waves.get("2024")!.returns);
  });

  it("rereads a wave whose rows changed under the same batch (rows added outside the importer)", async () => {
    await storeReferenceAndWaves();
    const in2024 = FIXTURE.returns.filter((r) => r.waveId === "2024");
    await writeWave("2024", "only", in2024.slice(1));
    const first = await readAtlasSnapshot(t.db);
    await t.db.transaction().execute(async (trx) => {
      await insertReturns(trx, in2024.slice(0, 1), "only");
      await bumpDataVersion(trx);
    });
    const next = await readAtlasSnapshot(t.db, first);
    expect(next.data.returns).toHaveLength(in2024.length);
    expect(next).toEqual(await readAtlasSnapshot(t.db));
  });
});
