import type { AtlasData } from "@atlas/domain";
import type { Kysely } from "kysely";
import type { Database } from "../database";
import { listAreas } from "./areas";
import { getDataVersion } from "./meta";
import { listOrganisations } from "./organisations";
import { listReturns } from "./returns";
import { listWaves } from "./waves";

/** Everything the metrics read, and the data version it was read at. */
export interface AtlasSnapshot {
  version: string;
  data: AtlasData;
}

/**
 * Reads the data version and every table the metrics need in one read-only transaction, so the data matches
 * its version even while an import commits (REPEATABLE READ on PostgreSQL; SQLite's WAL gives a
 * transaction one snapshot). Caches key on `version`.
 */
export async function readAtlasSnapshot(db: Kysely<Database>): Promise<AtlasSnapshot> {
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .setAccessMode("read only")
    .execute(async (trx) => {
      const version = await getDataVersion(trx);
      const areas = await listAreas(trx);
      const organisations = await listOrganisations(trx);
      const waves = await listWaves(trx);
      const returns = await listReturns(trx);
      return { version, data: { areas, organisations, waves, returns } };
    });
}
