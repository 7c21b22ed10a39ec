import {
  type AtlasDb,
  type AtlasSnapshot,
  getDataVersion,
  getPublicDataVersion,
  readAtlasSnapshot,
} from "@atlas/db";
import { type AtlasData, type AtlasIndex, indexAtlasData, type SurveyReturn } from "@atlas/domain";

/**
 * The indexed data of one data version: the public view (published waves only) or the admin view with
 * drafts. Everything derived from it (wave tables, responses) memoises on `index`.
 */
export interface AtlasView {
  version: string;
  index: AtlasIndex;
  /** True for the admin view, which includes draft waves. */
  drafts: boolean;
  /** Each wave's returns as the index was built from them (to tell the next index what it may keep). */
  built: ReadonlyMap<string, readonly SurveyReturn[]>;
}

export interface AtlasCache {
  /**
   * The data as of the database's current data version, loading it only when the version has changed.
   * Pass the version when the request has already read it (the ETag middleware does), to save a query:
   * the public data version for a public read, the full one with `drafts`.
   */
  current(knownVersion?: string, drafts?: boolean): Promise<AtlasView>;
}

interface Held {
  snapshot: AtlasSnapshot;
  publicView: AtlasView;
  fullView: AtlasView | null;
}

/** The snapshot's data as the public may see it: published waves and their returns only. */
function publicData(snapshot: AtlasSnapshot): {
  data: AtlasData;
  built: Map<string, readonly SurveyReturn[]>;
} {
  const waves = snapshot.data.waves.filter((w) => w.published !== false);
  const built = new Map(waves.map((w) => [w.id, snapshot.waves.get(w.id)?.returns ?? []]));
  return { data: { ...snapshot.data, waves, returns: [...built.values()].flat() }, built };
}

function allData(snapshot: AtlasSnapshot): { data: AtlasData; built: Map<string, readonly SurveyReturn[]> } {
  const built = new Map(snapshot.data.waves.map((w) => [w.id, snapshot.waves.get(w.id)?.returns ?? []]));
  return { data: snapshot.data, built };
}

/**
 * Indexes `data`, keeping from `previous` (an index of the same kind, or of the other kind over the same
 * snapshot) the derived tables of every wave whose returns are the very same objects.
 */
function buildView(
  version: string,
  drafts: boolean,
  { data, built }: { data: AtlasData; built: Map<string, readonly SurveyReturn[]> },
  previous: AtlasView | null | undefined,
): AtlasView {
  const unchangedWaves = new Set(
    [...built].filter(([id, returns]) => previous?.built.get(id) === returns).map(([id]) => id),
  );
  const index = indexAtlasData(data, previous ? { previous: previous.index, unchangedWaves } : undefined);
  return { version, index, drafts, built };
}

/**
 * Memoises the aggregation inputs per data version. Each call reads the version from the database (one
 * primary-key lookup), so an import through any process, which bumps the versions in its transaction,
 * makes the next request here reload. Concurrent requests for a new version share one load.
 *
 * Public reads key on the public data version, so a draft import (which bumps only the full version) never
 * reloads or changes what they see; the view with drafts is built only when an admin asks for it.
 */
export function createAtlasCache(db: AtlasDb): AtlasCache {
  let held: Held | null = null;
  let loading: { key: string; promise: Promise<Held> } | null = null;

  async function load(): Promise<Held> {
    // What is held now lets the read skip every wave the import did not touch, and the index keep
    // those waves' derived tables.
    const before = held;
    const snapshot = await readAtlasSnapshot(db.db, before?.snapshot);
    // Same public version, same public data: the public view (and everything memoised on it) stays.
    const publicView =
      before && before.publicView.version === snapshot.publicVersion
        ? before.publicView
        : buildView(snapshot.publicVersion, false, publicData(snapshot), before?.publicView);
    held = { snapshot, publicView, fullView: null };
    return held;
  }

  /** One load per wanted version at a time; a request wanting another version starts its own. */
  function loadFor(key: string): Promise<Held> {
    if (loading?.key === key) return loading.promise;
    const promise = load().finally(() => {
      if (loading?.promise === promise) loading = null;
    });
    loading = { key, promise };
    return promise;
  }

  return {
    async current(knownVersion?: string, drafts = false) {
      if (drafts) {
        const version = knownVersion ?? (await getDataVersion(db.db));
        const h = held?.snapshot.version === version ? held : await loadFor(`full:${version}`);
        // The drafts view lends nothing to later loads; it borrows every published wave's tables.
        h.fullView ??= buildView(h.snapshot.version, true, allData(h.snapshot), h.publicView);
        return h.fullView;
      }
      const version = knownVersion ?? (await getPublicDataVersion(db.db));
      if (held?.publicView.version === version) return held.publicView;
      return (await loadFor(`public:${version}`)).publicView;
    },
  };
}
