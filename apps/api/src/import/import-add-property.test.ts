import { listReturns, listWaves } from "@atlas/db";
import { openTestDb, TEST_DIALECTS, type TestDb } from "@atlas/db/testing";
import { blankReturn, formatSurveyCsv, PROVISIONS, STAGES, type SurveyReturn } from "@atlas/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importSurveyFile } from "./import-survey";
import { insertFixture } from "./test-fixture";

/** Organisations open in each test wave (OLD1 closed in 2019, NEW1 opened then). */
const OPEN: Record<string, string[]> = {
  "2016": ["RV3", "RAT", "RWK", "OLD1"],
  "2020": ["RV3", "RAT", "RWK", "NEW1"],
};

const aReturn = (waveId: string, orgCode: string): fc.Arbitrary<SurveyReturn> =>
  fc
    .record({
      provision: fc.constantFrom(...PROVISIONS),
      stage: fc.option(fc.constantFrom(...STAGES), { nil: null }),
      placesOffered: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
      notes: fc.option(fc.constantFrom("first", "second", 'quote " and, comma'), { nil: null }),
    })
    .map((r) => ({ ...blankReturn(waveId, orgCode, r.provision), ...r }));

/** One file: some organisations of one or both waves (each at most once per wave). */
const aFile: fc.Arbitrary<SurveyReturn[]> = fc
  .subarray(Object.keys(OPEN), { minLength: 1 })
  .chain((waves) =>
    fc.tuple(
      ...waves.map((w) =>
        fc.subarray(OPEN[w]!, { minLength: 1 }).chain((orgs) => fc.tuple(...orgs.map((o) => aReturn(w, o)))),
      ),
    ),
  )
  .map((groups) => groups.flat());

const key = (r: SurveyReturn) => `${r.waveId}|${r.orgCode}`;

async function clear(t: TestDb): Promise<void> {
  for (const table of ["surveyReturns", "returnRevisions", "importBatches", "surveyWaves"] as const) {
    await t.db.deleteFrom(table).execute();
  }
}

async function storedWaves(t: TestDb) {
  const waves = (await listWaves(t.db)).map(({ source: _source, ...w }) => w);
  return { waves, returns: await listReturns(t.db) };
}

describe.each(TEST_DIALECTS)("adding returns one file at a time on %s", (kind) => {
  let adds: TestDb;
  let once: TestDb;
  beforeAll(async () => {
    [adds, once] = await Promise.all([openTestDb(kind), openTestDb(kind)]);
    await Promise.all([insertFixture(adds), insertFixture(once)]);
  });
  afterAll(async () => {
    await Promise.all([adds?.close(), once?.close()]);
  });

  // Up to five imports a run, each taking the database's import lock: allow for other suites holding it.
  it("gives the same stored waves as one replace with the union of the files (the last write per organisation wins)", {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(aFile, { minLength: 1, maxLength: 4 }), async (files) => {
        await Promise.all([clear(adds), clear(once)]);
        const union = new Map<string, SurveyReturn>();
        for (const [i, returns] of files.entries()) {
          await importSurveyFile(adds, {
            fileName: `part-${i}.csv`,
            bytes: new TextEncoder().encode(formatSurveyCsv(returns)),
            importedBy: "prop",
            mode: "add",
            confirmWaves: [...new Set(returns.map((r) => r.waveId))],
          });
          for (const r of returns) union.set(key(r), r);
        }
        const all = [...union.values()];
        await importSurveyFile(once, {
          fileName: "union.csv",
          bytes: new TextEncoder().encode(formatSurveyCsv(all)),
          importedBy: "prop",
          mode: "replace",
          confirmWaves: [...new Set(all.map((r) => r.waveId))],
        });
        expect(await storedWaves(adds)).toEqual(await storedWaves(once));
      }),
      { numRuns: 15 },
    );
  });
});
