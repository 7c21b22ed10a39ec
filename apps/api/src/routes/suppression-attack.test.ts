import { bumpDataVersion, insertAreas, insertOrganisations, readAtlasSnapshot, upsertWave } from "@atlas/db";
import { storeWaveReturns, TEST_DIALECTS } from "@atlas/db/testing";
import {
  type AtlasData,
  type AtlasIndex,
  CoverageResponseSchema,
  ExportResponseSchema,
  indexAtlasData,
  OrganisationDetailSchema,
  REPORT_LEVELS,
  TrendsResponseSchema,
  UK_CODE,
} from "@atlas/domain";
import { disclosures, type Observation } from "@atlas/domain/testing/disclosure-attack";
import { cellObservation, journeyObservations } from "@atlas/domain/testing/observe-domain";
import { randomAtlas } from "@atlas/domain/testing/random-atlas";
import { describe, expect, it } from "vitest";
import { loadDemoData } from "../import/load-demo";
import { loadReference } from "../reference/load-reference";
import { readReference } from "../reference/read-reference";
import { buildTestApp, type TestApp } from "../testing";

const PEOPLE = ["participants_per_100k", "completion_pct"] as const;
const nodeId = (level: string, code: string) => (level === "organisation" ? `org:${code}` : code);

/**
 * Everything the HTTP API publishes about counts of people, read as a client reads it: coverage at every level,
 * trends at every level under both bases (and the UK), the coverage and trends exports, and every journey.
 */
async function observeApi(t: TestApp, index: AtlasIndex): Promise<Observation[]> {
  const out: Observation[] = [];
  const json = async (url: string) => {
    const res = await t.app.request(url);
    expect(res.status, url).toBe(200);
    return res.json();
  };
  const push = (o: Observation | null) => {
    if (o) out.push(o);
  };
  for (const wave of index.waves) {
    for (const level of REPORT_LEVELS) {
      for (const metric of PEOPLE) {
        const url = `/api/coverage?wave=${wave.id}&level=${level}&metric=${metric}`;
        for (const a of CoverageResponseSchema.parse(await json(url)).areas)
          push(cellObservation(`${url} ${a.code}`, wave.id, "recorded", nodeId(level, a.code), metric, a));
        const exportUrl = `/api/export?view=coverage&format=json&wave=${wave.id}&level=${level}&metric=${metric}`;
        for (const row of ExportResponseSchema.parse(await json(exportUrl)).rows) {
          const cell = {
            status: String(row.status),
            numerator: row.numerator as number | null,
            denominator: row.denominator as number | null,
          };
          push(
            cellObservation(
              `${exportUrl} ${row.code}`,
              wave.id,
              "recorded",
              nodeId(level, String(row.code)),
              metric,
              cell,
            ),
          );
        }
      }
    }
  }
  for (const basis of ["recorded", "current"] as const) {
    for (const level of REPORT_LEVELS) {
      for (const metric of PEOPLE) {
        const urls = [`/api/trends?metric=${metric}&level=${level}&basis=${basis}`];
        if (level === "nation") urls.push(`${urls[0]}&areas=${UK_CODE}`);
        for (const url of urls) {
          for (const s of TrendsResponseSchema.parse(await json(url)).series) {
            for (const p of s.points)
              push(
                cellObservation(
                  `${url} ${s.code} ${p.wave}`,
                  p.wave,
                  basis,
                  nodeId(level, s.code),
                  metric,
                  p,
                ),
              );
          }
        }
      }
    }
  }
  for (const org of index.data.organisations) {
    const detail = OrganisationDetailSchema.parse(await json(`/api/organisations/${org.code}`));
    out.push(...journeyObservations(`/api/organisations/${org.code}`, org.code, detail.journey));
  }
  return out;
}

async function loadAtlas(t: TestApp, data: AtlasData): Promise<void> {
  await t.db.db.transaction().execute(async (trx) => {
    await insertAreas(trx, data.areas);
    await insertOrganisations(trx, data.organisations);
    for (const wave of data.waves) {
      await upsertWave(trx, wave);
      await storeWaveReturns(
        trx,
        wave.id,
        `random-${wave.id}`,
        data.returns.filter((r) => r.waveId === wave.id),
      );
    }
    await bumpDataVersion(trx);
  });
}

// The attack of issue 9 over HTTP, on both databases: no suppressed cell and no count of 1 to 4 people can be
// computed from anything the API publishes (exact rational arithmetic; see packages/domain/src/testing).
describe.each(TEST_DIALECTS)("suppression holds across every endpoint on %s", (kind) => {
  it.each([11, 23, 37, 58])("random registry and returns, seed %i", async (seed) => {
    const data = randomAtlas(seed);
    const t = await buildTestApp(kind);
    try {
      await loadAtlas(t, data);
      const index = indexAtlasData(data);
      const observations = await observeApi(t, index);
      expect(observations.some((o) => o.suppressed)).toBe(true);
      expect(disclosures(index, observations)).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it("the demo data on the real registry (8 waves)", async () => {
    const t = await buildTestApp(kind);
    try {
      await loadReference(t.db, readReference());
      await loadDemoData(t.db);
      const index = indexAtlasData((await readAtlasSnapshot(t.db.db)).data);
      const observations = await observeApi(t, index);
      expect(observations.filter((o) => o.suppressed).length).toBeGreaterThan(50);
      expect(disclosures(index, observations)).toEqual([]);
    } finally {
      await t.close();
    }
  }, 120_000);
});
