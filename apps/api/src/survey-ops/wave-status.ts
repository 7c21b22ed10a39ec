import {
  type AtlasDb,
  findWave,
  latestWaveBatches,
  listAreas,
  listOrganisations,
  listReturns,
  listRevisions,
  listWaveLinks,
  listWaveRecords,
  waveResponseCounts,
} from "@atlas/db";
import {
  buildResponseTracker,
  isOpenDuringWave,
  type ResponseTracker,
  type TrackerChange,
  type WaveStatusListSchema,
} from "@atlas/domain";
import type { z } from "zod";
import { trackerLinkFacts } from "../respondent/links";

type WaveStatusList = z.infer<typeof WaveStatusListSchema>;

/** Every stored wave with its state, its returns and its last import (for the survey team). */
export async function listWaveStatuses(database: Pick<AtlasDb, "db">): Promise<WaveStatusList> {
  return database.db
    .transaction()
    .setIsolationLevel("repeatable read")
    .setAccessMode("read only")
    .execute(async (trx) => {
      const [waves, counts, batches, organisations] = [
        await listWaveRecords(trx),
        await waveResponseCounts(trx),
        await latestWaveBatches(trx),
        await listOrganisations(trx),
      ];
      return {
        waves: waves.map((w) => {
          const batch = batches.get(w.id);
          const { revision: _revision, ...wave } = w;
          return {
            ...wave,
            state: w.published ? ("published" as const) : ("draft" as const),
            organisationsInvited: counts.get(w.id)?.invited ?? 0,
            returns: counts.get(w.id)?.answered ?? 0,
            registerOpen: organisations.filter((o) => isOpenDuringWave(o, w.id)).length,
            lastImport: batch
              ? {
                  file: batch.fileName,
                  checksum: batch.checksum,
                  at: batch.importedAt,
                  by: batch.byLabel,
                  origin: batch.importedBy,
                  mode: batch.mode,
                }
              : null,
          };
        }),
      };
    });
}

/**
 * The response tracker of a wave (drafts included), read in one snapshot. Any valid wave id works: a wave
 * nothing has been imported for yet shows every organisation open then as missing. Each organisation's
 * current respondent link is judged now.
 */
export async function readWaveTracker(
  database: Pick<AtlasDb, "db">,
  waveId: string,
): Promise<ResponseTracker> {
  return database.db
    .transaction()
    .setIsolationLevel("repeatable read")
    .setAccessMode("read only")
    .execute(async (trx) => {
      const wave = await findWave(trx, waveId);
      const revisions = await listRevisions(trx, { waveId });
      const lastChanges = new Map<string, TrackerChange>();
      // Newest first: the first revision seen per organisation is its last change.
      for (const r of revisions) {
        if (lastChanges.has(r.orgCode)) continue;
        lastChanges.set(r.orgCode, {
          at: r.importedAt,
          file: r.fileName,
          action: r.action,
          by: r.byLabel,
          origin: r.importedBy,
        });
      }
      return buildResponseTracker({
        wave: {
          id: waveId,
          state: wave ? (wave.published ? "published" : "draft") : null,
          provisional: wave?.provisional ?? false,
          synthetic: wave?.synthetic ?? false,
        },
        organisations: await listOrganisations(trx),
        areas: await listAreas(trx),
        returns: await listReturns(trx, { waveIds: [waveId] }),
        lastChanges,
        links: trackerLinkFacts(await listWaveLinks(trx, waveId)),
        now: new Date().toISOString(),
      });
    });
}
