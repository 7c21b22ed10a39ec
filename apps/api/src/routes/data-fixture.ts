import {
  bumpDataVersion,
  type DatabaseKind,
  type Executor,
  insertAreas,
  insertOrganisations,
  upsertWave,
} from "@atlas/db";
import { storeWaveReturns } from "@atlas/db/testing";
import { FIXTURE } from "@atlas/domain/testing";
import { buildTestApp, type TestApp } from "../testing";

/**
 * Test support: loads the hand-checkable domain fixture (packages/domain/src/testing/atlas-fixture.ts) through
 * the ordinary @atlas/db insert functions, in one transaction that bumps the data version.
 */
export async function loadAtlasFixture(db: Executor): Promise<void> {
  await insertAreas(db, FIXTURE.areas);
  await insertOrganisations(db, FIXTURE.organisations);
  for (const wave of FIXTURE.waves) {
    await upsertWave(db, wave);
    const returns = FIXTURE.returns.filter((r) => r.waveId === wave.id);
    await storeWaveReturns(db, wave.id, `fixture-${wave.id}`, returns);
  }
  await bumpDataVersion(db);
}

/** A test app over a fresh database holding the fixture. */
export async function buildFixtureApp(kind: DatabaseKind): Promise<TestApp> {
  const t = await buildTestApp(kind);
  await t.db.db.transaction().execute((trx) => loadAtlasFixture(trx));
  return t;
}
