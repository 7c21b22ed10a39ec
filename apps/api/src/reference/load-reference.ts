import { type AtlasDb, bumpDataVersion, countAreas, insertAreas, insertOrganisations } from "@atlas/db";
import type { ReferenceData } from "./read-reference";

/**
 * Loads areas and organisations into an empty database in one transaction.
 * Returns false when reference data is already there (another process may have loaded it first).
 */
export async function loadReference(db: AtlasDb, reference: ReferenceData): Promise<boolean> {
  try {
    return await db.db.transaction().execute(async (trx) => {
      if ((await countAreas(trx)) > 0) return false;
      await insertAreas(trx, reference.areas);
      // Successors first, so a closed organisation's successor exists when it is named.
      await insertOrganisations(trx, reference.organisations);
      await bumpDataVersion(trx);
      return true;
    });
  } catch (error) {
    // Two processes seeding one empty PostgreSQL database at once: the loser's insert fails; that is fine.
    if ((await countAreas(db.db)) > 0) return false;
    throw error;
  }
}
