import {
  type AtlasDb,
  bumpDataVersion,
  findWave,
  inImportTransaction,
  listWaves,
  setWaveState,
} from "@atlas/db";
import type { PublicationResult } from "@atlas/domain";
import { WaveNotFoundError } from "../import/errors";

export interface PublicationOptions {
  /** Who, as named (`--by`), already checked with parseChangeLabel; else the origin is recorded. */
  by: string | null;
  /** The technical origin: `cli:<user>` or `api:<address>`. */
  origin: string;
}

async function storedWave(trx: Parameters<typeof findWave>[0], waveId: string) {
  const wave = await findWave(trx, waveId);
  if (!wave)
    throw new WaveNotFoundError(
      waveId,
      (await listWaves(trx)).map((w) => w.id),
    );
  return wave;
}

/**
 * Makes a wave public in one transaction, with a new public data version (so every public ETag changes).
 * `provisional` sets or clears the provisional mark (left as it is when undefined); publishing a published
 * wave only changes that mark, or nothing. Serialised with imports (the same lock).
 * @throws WaveNotFoundError
 */
export async function publishWave(
  database: Pick<AtlasDb, "db" | "kind">,
  waveId: string,
  options: PublicationOptions & { provisional?: boolean },
): Promise<PublicationResult> {
  return inImportTransaction(database, async (trx) => {
    const wave = await storedWave(trx, waveId);
    const provisional = options.provisional ?? wave.provisional;
    const mark = provisional ? " (provisional)" : "";
    if (wave.published && provisional === wave.provisional) {
      return {
        waveId,
        action: "unchanged",
        state: "published",
        provisional,
        publishedAt: wave.publishedAt,
        dataVersion: null,
        publicDataVersion: null,
        message: `wave ${waveId} is already published${mark}; nothing changed.`,
      };
    }
    const publishedAt = wave.published ? wave.publishedAt : new Date().toISOString();
    await setWaveState(trx, waveId, {
      published: true,
      provisional,
      ...(wave.published ? {} : { publishedAt, publishedBy: options.by ?? options.origin }),
    });
    const version = await bumpDataVersion(trx, { publicData: true });
    const message = wave.published
      ? `wave ${waveId} ${provisional ? "is now marked provisional" : "is no longer provisional"}.`
      : `wave ${waveId} is published${mark}: every public read shows it now.`;
    return {
      waveId,
      action: wave.published ? "updated" : "published",
      state: "published",
      provisional,
      publishedAt,
      dataVersion: version,
      publicDataVersion: version,
      message,
    };
  });
}

/**
 * Makes a published wave a draft again in one transaction: it disappears from every public read (new public
 * data version) and stays visible to admin reads (`include=drafts`). A draft stays a draft (no-op). The
 * callers log who did it (the CLI's output, the API's log).
 * @throws WaveNotFoundError
 */
export async function unpublishWave(
  database: Pick<AtlasDb, "db" | "kind">,
  waveId: string,
): Promise<PublicationResult> {
  return inImportTransaction(database, async (trx) => {
    const wave = await storedWave(trx, waveId);
    if (!wave.published) {
      return {
        waveId,
        action: "unchanged",
        state: "draft",
        provisional: wave.provisional,
        publishedAt: null,
        dataVersion: null,
        publicDataVersion: null,
        message: `wave ${waveId} is a draft already; nothing changed.`,
      };
    }
    await setWaveState(trx, waveId, { published: false, publishedAt: null, publishedBy: null });
    const version = await bumpDataVersion(trx, { publicData: true });
    return {
      waveId,
      action: "unpublished",
      state: "draft",
      provisional: wave.provisional,
      publishedAt: null,
      dataVersion: version,
      publicDataVersion: version,
      message: `wave ${waveId} is a draft now: public reads no longer show it; admin reads with include=drafts do.`,
    };
  });
}
