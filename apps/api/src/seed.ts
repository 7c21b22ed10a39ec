import { type AtlasDb, countAreas, listWaves } from "@atlas/db";
import type { Config } from "./env";
import { loadDemoData } from "./import/load-demo";
import type { Logger } from "./logger";
import { loadReference } from "./reference/load-reference";
import { readReference } from "./reference/read-reference";

/**
 * Makes an empty database usable: reference data first, then (unless ATLAS_DEMO=0) the synthetic demo waves,
 * imported through the same importer as any survey file. A database that already has data is left alone.
 */
export async function seed(db: AtlasDb, config: Pick<Config, "loadDemo">, logger: Logger): Promise<void> {
  if ((await countAreas(db.db)) === 0) {
    const loaded = await loadReference(db, readReference());
    if (loaded) logger.info("loaded reference data");
  }
  if (config.loadDemo && (await listWaves(db.db)).length === 0) {
    const summaries = await loadDemoData(db);
    logger.info("loaded synthetic demo waves", { files: summaries.length });
  }
}
