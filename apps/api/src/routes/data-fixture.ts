import {
  bumpDataVersion,
  type Executor,
  insertAreas,
  insertImportBatch,
  insertOrganisations,
  insertReturns,
  upsertWave,
} from "@atlas/db";
import { FIXTURE } from "@atlas/domain/testing";

/**
 * Test support: loads the hand-checkable domain fixture (packages/domain/src/testing/atlas-fixture.ts) through
 * the ordinary @atlas/db insert functions, in one transaction that bumps the data version.
 */
export async function loadAtlasFixture(db: Executor): Promise<void> {
  await insertAreas(db, FIXTURE.areas);
  await insertOrganisations(db, FIXTURE.organisations);
  for (const wave of FIXTURE.waves) {
    await upsertWave(db, wave);
    const batchId = `fixture-${wave.id}`;
    const returns = FIXTURE.returns.filter((r) => r.waveId === wave.id);
    await insertImportBatch(db, {
      id: batchId,
      fileName: `fixture-${wave.id}.csv`,
      checksum: `fixture-${wave.id}`,
      waveId: wave.id,
      rowCount: returns.length,
      importedBy: "test",
      importedAt: "2024-01-01T00:00:00Z",
      status: "imported",
    });
    await insertReturns(db, returns, batchId);
  }
  await bumpDataVersion(db);
}
