import type { AtlasData, SurveyReturn } from "@atlas/domain";
import type { Kysely } from "kysely";
import type { Database } from "../database";
import { listAreas } from "./areas";
import { getDataVersions } from "./meta";
import { listOrganisations } from "./organisations";
import { listReturns, waveReturnFingerprints } from "./returns";
import { listWaves } from "./waves";

/**
 * Everything the metrics read, and the data versions it was read at. `data.waves` holds drafts too (each
 * wave says whether it is `published`): callers serving the public must leave drafts out.
 */
export interface AtlasSnapshot {
  version: string;
  /** The public data version at the same moment (changes only when what the public sees changes). */
  publicVersion: string;
  data: AtlasData;
  /** Each wave's returns, with the fingerprint they were read at (see waveReturnFingerprints). */
  waves: ReadonlyMap<string, WaveReturns>;
}

interface WaveReturns {
  fingerprint: string;
  returns: readonly SurveyReturn[];
}

/**
 * Reads the data version and every table the metrics need in one read-only transaction, so the data matches
 * its version even while an import commits (REPEATABLE READ on PostgreSQL; SQLite's WAL gives a
 * transaction one snapshot). Caches key on `version`.
 *
 * Given the previous snapshot, a wave whose returns' fingerprint (revision, count and import batches) is unchanged
 * keeps its returns from it and only the other waves' returns are read: every import bumps the revision of
 * each wave it writes, so after one import the cost is that import's waves plus one aggregate query, not
 * every row stored. (Survey data must change only through the importer, which the
 * multi-process cache relies on already: it also bumps the data version.)
 */
export async function readAtlasSnapshot(
  db: Kysely<Database>,
  previous?: AtlasSnapshot | null,
): Promise<AtlasSnapshot> {
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .setAccessMode("read only")
    .execute(async (trx) => {
      const { version, publicVersion } = await getDataVersions(trx);
      const areas = await listAreas(trx);
      const organisations = await listOrganisations(trx);
      const waves = await listWaves(trx);
      const fingerprints = await waveReturnFingerprints(trx);
      const fingerprintOf = (id: string) => fingerprints.get(id) ?? "empty";
      const kept = (id: string) => {
        const before = previous?.waves.get(id);
        return before?.fingerprint === fingerprintOf(id) ? before : undefined;
      };
      const reread = await listReturns(trx, { waveIds: waves.filter((w) => !kept(w.id)).map((w) => w.id) });
      const byWave = new Map<string, WaveReturns>();
      for (const wave of waves) {
        byWave.set(wave.id, kept(wave.id) ?? { fingerprint: fingerprintOf(wave.id), returns: [] });
      }
      for (const r of reread) (byWave.get(r.waveId)!.returns as SurveyReturn[]).push(r);
      const returns = [...byWave.values()].flatMap((w) => w.returns);
      return { version, publicVersion, data: { areas, organisations, waves, returns }, waves: byWave };
    });
}
