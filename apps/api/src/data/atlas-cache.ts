import { type AtlasDb, type AtlasSnapshot, getDataVersion, readAtlasSnapshot } from "@atlas/db";
import { type AtlasIndex, indexAtlasData } from "@atlas/domain";

/** The indexed data of one data version. Everything derived from it (wave tables, responses) memoises on `index`. */
export interface AtlasView {
  version: string;
  index: AtlasIndex;
}

export interface AtlasCache {
  /**
   * The data as of the database's current data version, loading it only when the version has changed.
   * Pass the version when the request has already read it (the ETag middleware does), to save a query.
   */
  current(knownVersion?: string): Promise<AtlasView>;
}

/**
 * Memoises the aggregation inputs per data version. Each call reads the version from the database (one
 * primary-key lookup), so an import through any process, which bumps the version in its transaction,
 * makes the next request here reload. Concurrent requests for a new version share one load.
 */
export function createAtlasCache(db: AtlasDb): AtlasCache {
  let held: { view: AtlasView; snapshot: AtlasSnapshot } | null = null;
  let loading: Promise<AtlasView> | null = null;
  let loadingVersion: string | null = null;

  async function load(): Promise<AtlasView> {
    // What is held now lets the read skip every wave the import did not touch, and the index keep
    // those waves' derived tables.
    const before = held;
    const snapshot = await readAtlasSnapshot(db.db, before?.snapshot);
    const unchangedWaves = new Set(
      [...snapshot.waves]
        .filter(([id, wave]) => before?.snapshot.waves.get(id)?.returns === wave.returns)
        .map(([id]) => id),
    );
    const index = indexAtlasData(
      snapshot.data,
      before ? { previous: before.view.index, unchangedWaves } : undefined,
    );
    const view = { version: snapshot.version, index };
    held = { view, snapshot };
    return view;
  }

  return {
    async current(knownVersion?: string) {
      const version = knownVersion ?? (await getDataVersion(db.db));
      if (held?.view.version === version) return held.view;
      if (loading && loadingVersion === version) return loading;
      const pending = load().finally(() => {
        if (loading === pending) {
          loading = null;
          loadingVersion = null;
        }
      });
      loading = pending;
      loadingVersion = version;
      return pending;
    },
  };
}
