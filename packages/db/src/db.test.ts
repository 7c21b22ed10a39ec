import type { Area, Organisation, SurveyReturn } from "@atlas/domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "./config";
import {
  bumpDataVersion,
  countAreas,
  countReturns,
  findOrganisation,
  getDataVersion,
  insertAreas,
  insertImportBatch,
  insertOrganisations,
  insertReturns,
  listAreas,
  listReturns,
  listWaves,
  upsertWave,
} from "./index";
import { migrateToLatest } from "./migrate";
import { openTestDb, TEST_DIALECTS, type TestDb } from "./testing";

const areas: Area[] = [
  {
    code: "E40000003",
    name: "London",
    level: "region",
    parentCode: "E92000001",
    adultPopulation: 7_000_000,
    populationYear: 2022,
    populationSource: "test",
  },
  {
    code: "E92000001",
    name: "England",
    level: "nation",
    parentCode: null,
    adultPopulation: 7_000_000,
    populationYear: 2022,
    populationSource: "test",
  },
  {
    code: "E54000027",
    name: "NHS North West London ICB",
    level: "local",
    parentCode: "E40000003",
    adultPopulation: 7_000_000,
    populationYear: 2022,
    populationSource: "test",
  },
];
const org: Organisation = {
  code: "RV3",
  name: "Central and North West London NHS Foundation Trust",
  type: "mental_health_trust",
  areaCode: "E54000027",
  lat: 51.52,
  lon: -0.17,
  openedOn: "1999-04-01",
  closedOn: null,
  successorCode: null,
  source: "test",
};
const ret: SurveyReturn = {
  waveId: "2024",
  orgCode: "RV3",
  provision: "routine",
  stage: "sustainable",
  coursesRun: 4,
  placesOffered: 48,
  participantsStarted: 40,
  participantsCompleted: 31,
  teachersTrained: 5,
  teachersActive: 3,
  medianWaitWeeks: 7.5,
  deliveryMode: "hybrid",
  championPresent: true,
  leadershipSupport: 2,
  commissionerSupport: 3,
  facilitators: ["local_champion", "business_case"],
  barriers: [],
  fundingSources: ["core_service_budget"],
  notes: 'Ünïcode; quotes "ok"',
};

describe("parseDatabaseUrl", () => {
  it("defaults to the embedded SQLite file", () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ kind: "sqlite", path: "var/atlas.sqlite" });
    expect(parseDatabaseUrl("sqlite:/tmp/x.db")).toEqual({ kind: "sqlite", path: "/tmp/x.db" });
  });
  it("reads PostgreSQL URLs and an optional schema", () => {
    const c = parseDatabaseUrl("postgres://u@127.0.0.1:5432/test?schema=abc");
    expect(c).toEqual({ kind: "postgres", url: "postgres://u@127.0.0.1:5432/test", schema: "abc" });
  });
  it("names the problem in a bad URL", () => {
    expect(() => parseDatabaseUrl("mysql://x")).toThrow(/unsupported scheme in "mysql:"/);
    expect(() => parseDatabaseUrl("postgres://h/db?schema=bad;drop")).toThrow(/schema/);
  });
});

describe.each(TEST_DIALECTS)("database on %s", (kind) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  it("reports its kind and migrates idempotently", async () => {
    expect(t.kind).toBe(kind);
    const again = await migrateToLatest(t);
    expect(again.results).toEqual([]);
  });

  it("stores areas with parents and filters by level", async () => {
    await insertAreas(t.db, areas);
    expect(await countAreas(t.db)).toBe(3);
    const regions = await listAreas(t.db, "region");
    expect(regions).toEqual([areas[0]]);
  });

  it("refuses an organisation whose area does not exist", async () => {
    await insertAreas(t.db, areas);
    await expect(insertOrganisations(t.db, [{ ...org, areaCode: "NOPE" }])).rejects.toThrow();
  });

  it("round-trips a survey return, lists and booleans included", async () => {
    await insertAreas(t.db, areas);
    await insertOrganisations(t.db, [org]);
    expect(await findOrganisation(t.db, "RV3")).toEqual(org);
    await upsertWave(t.db, {
      id: "2024",
      label: "2024 (synthetic)",
      fieldworkStart: null,
      fieldworkEnd: null,
      synthetic: true,
      source: "test",
    });
    await insertImportBatch(t.db, {
      id: "b1",
      fileName: "f.csv",
      checksum: "c",
      waveId: "2024",
      rowCount: 1,
      importedBy: "test",
      importedAt: new Date().toISOString(),
      status: "imported",
    });
    await insertReturns(t.db, [ret], "b1");
    expect(await listReturns(t.db, { waveIds: ["2024"] })).toEqual([ret]);
    expect(await countReturns(t.db, "2024")).toBe(1);
    expect(await listWaves(t.db)).toEqual([expect.objectContaining({ id: "2024", synthetic: true })]);
  });

  it("rolls back every write of a failed transaction", async () => {
    await insertAreas(t.db, areas);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await insertOrganisations(trx, [org]);
        await bumpDataVersion(trx);
        await insertOrganisations(trx, [org]); // duplicate key
      }),
    ).rejects.toThrow();
    expect(await findOrganisation(t.db, "RV3")).toBeUndefined();
    expect(await getDataVersion(t.db)).toBe("0");
  });

  it("changes the data version on every bump", async () => {
    const a = await bumpDataVersion(t.db);
    const b = await bumpDataVersion(t.db);
    expect(a).not.toBe(b);
    expect(await getDataVersion(t.db)).toBe(b);
  });
});
