import { type MigrationResultSet, Migrator } from "kysely";
import type { AtlasDb } from "./connect";
import { migrations } from "./migrations/index";

/** Brings the schema up to date; throws with the failing migration's name if one fails. */
export async function migrateToLatest({ db, schema }: AtlasDb): Promise<MigrationResultSet> {
  // Without an explicit schema, Kysely looks for its bookkeeping tables in any schema and may find another's.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return result;
}
