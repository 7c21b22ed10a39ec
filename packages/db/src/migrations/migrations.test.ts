import { Migrator } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateToLatest } from "../migrate";
import { getDataVersions } from "../queries/meta";
import { listRevisions } from "../queries/revisions";
import { findWave } from "../queries/waves";
import { openTestDb, TEST_DIALECTS, type TestDb } from "../testing";
import { migrations } from "./index";

describe.each(TEST_DIALECTS)("migration 0002 (survey operations) over data from 0001 on %s", (kind) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb(kind, { migrate: false });
    const migrator = new Migrator({
      db: t.db,
      provider: { getMigrations: async () => migrations },
      ...(t.schema ? { migrationTableSchema: t.schema } : {}),
    });
    const result = await migrator.migrateTo("0001-initial");
    if (result.error) throw result.error;
    // What a database of the previous release holds: one imported wave, its batch and a return.
    // biome-ignore lint/suspicious/noExplicitAny: the schema of 0001, not today's types
    const old = t.db as any;
    await old
      .insertInto("areas")
      .values({
        code: "E92000001",
        name: "England",
        level: "nation",
        parentCode: null,
        adultPopulation: 1,
        populationYear: 2022,
        populationSource: "t",
      })
      .execute();
    await old
      .insertInto("organisations")
      .values({
        code: "RV3",
        name: "Trust",
        type: "mental_health_trust",
        areaCode: "E92000001",
        lat: null,
        lon: null,
        openedOn: null,
        closedOn: null,
        successorCode: null,
        source: "t",
      })
      .execute();
    await old
      .insertInto("surveyWaves")
      .values({
        id: "2024",
        label: "2024",
        fieldworkStart: null,
        fieldworkEnd: null,
        synthetic: 0,
        source: "t",
      })
      .execute();
    await old
      .insertInto("importBatches")
      .values({
        id: "b1",
        fileName: "a.csv",
        checksum: "c",
        waveId: "2024",
        rowCount: 1,
        importedBy: "cli:x",
        importedAt: "2024-03-01T00:00:00Z",
        status: "imported",
      })
      .execute();
    await old
      .insertInto("surveyReturns")
      .values({
        waveId: "2024",
        orgCode: "RV3",
        provision: "routine",
        facilitators: "",
        barriers: "",
        fundingSources: "",
        batchId: "b1",
      })
      .execute();
    await old.insertInto("meta").values({ key: "data_version", value: "v-before" }).execute();
  });
  afterEach(async () => {
    await t.close();
  });

  it("keeps every existing wave published, records each stored return as added, and starts the public version where the data version was", async () => {
    const result = await migrateToLatest(t);
    expect(result.results?.map((r) => [r.migrationName, r.status])).toEqual([
      ["0002-survey-operations", "Success"],
      ["0003-respondent-links", "Success"],
    ]);
    // 0003 adds respondent links and drafts, empty: no link exists before someone makes one.
    expect(await t.db.selectFrom("responseLinks").selectAll().execute()).toEqual([]);
    expect(await t.db.selectFrom("responseDrafts").selectAll().execute()).toEqual([]);
    expect(await findWave(t.db, "2024")).toMatchObject({
      published: true,
      provisional: false,
      publishedAt: "2024-03-01T00:00:00Z",
      revision: 0,
    });
    expect(await listRevisions(t.db, { orgCode: "RV3" })).toEqual([
      expect.objectContaining({
        waveId: "2024",
        action: "added",
        fields: [],
        fileName: "a.csv",
        byLabel: null,
        mode: null,
      }),
    ]);
    expect(await getDataVersions(t.db)).toEqual({ version: "v-before", publicVersion: "v-before" });
  });
});
