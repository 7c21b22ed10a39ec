import { bumpDataVersion, insertImportBatch, insertOrganisations, insertReturns } from "@atlas/db";
import { storeWaveReturns, TEST_DIALECTS } from "@atlas/db/testing";
import { CoverageResponseSchema, OrganisationsResponseSchema, TrendsResponseSchema } from "@atlas/domain";
import { FIXTURE_RETURNS } from "@atlas/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { importSurveyFile } from "../import/import-survey";
import { createLogger } from "../logger";
import type { TestApp } from "../testing";
import { buildFixtureApp } from "./data-fixture";

describe.each(TEST_DIALECTS)("data cache and export safety on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildFixtureApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("serves new data as soon as the data version changes (as after an import by another process)", async () => {
    const before = CoverageResponseSchema.parse(
      await (await t.app.request("/api/coverage?wave=2024&level=local")).json(),
    );
    expect(before.areas.find((a) => a.code === "S08000016")!.status).toBe("not_surveyed");
    const template = FIXTURE_RETURNS.find((r) => r.waveId === "2024" && r.orgCode === "RV3")!;
    await t.db.db.transaction().execute(async (trx) => {
      await insertReturns(trx, [{ ...template, orgCode: "S08000016" }], "fixture-2024");
      await bumpDataVersion(trx);
    });
    const after = CoverageResponseSchema.parse(
      await (await t.app.request("/api/coverage?wave=2024&level=local")).json(),
    );
    expect(after.areas.find((a) => a.code === "S08000016")).toMatchObject({ status: "ok", value: 100 });
  });

  it("neutralises spreadsheet formulas in exported CSV cells", async () => {
    await t.db.db.transaction().execute(async (trx) => {
      await insertOrganisations(trx, [
        {
          code: "ZZ1",
          name: '=HYPERLINK("http://evil.example","click")',
          type: "mental_health_trust",
          areaCode: "S08000016",
          lat: null,
          lon: null,
          openedOn: null,
          closedOn: null,
          successorCode: null,
          source: "@test",
        },
      ]);
      await bumpDataVersion(trx);
    });
    const res = await t.app.request("/api/export?view=organisations&wave=2024&area=S08000016");
    const text = await res.text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="mbct-atlas_organisations_2024_S08000016_synthetic.csv"',
    );
  });
});

describe.each(TEST_DIALECTS)("data cache after a one-wave import on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildFixtureApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("after replacing one wave, answers as a fresh process would (derived tables of other waves reused)", async () => {
    const paths = [
      "/api/trends?metric=offering_pct&level=local",
      "/api/trends?metric=participants_per_100k&level=region&basis=current",
      "/api/coverage?wave=2022&level=local&metric=completion_pct",
      "/api/coverage?wave=2024&level=region&metric=offering_pct",
      "/api/gaps?wave=2024&level=local",
    ];
    for (const path of paths) expect((await t.app.request(path)).status, path).toBe(200);
    await importSurveyFile(t.db, {
      fileName: "2024-corrected.csv",
      bytes: new TextEncoder().encode("wave,org_code,provision\n2024,RV3,paused\n2024,RQY,routine\n"),
      importedBy: "test",
      replace: true,
      confirmShrink: true,
    });
    const fresh = createApp({ db: t.db, config: t.config, logger: createLogger("silent") });
    for (const path of paths) {
      const warm = await (await t.app.request(path)).json();
      expect(warm, path).toEqual(await (await fresh.request(path)).json());
    }
    const trends = TrendsResponseSchema.parse(await (await t.app.request(paths[0]!)).json());
    const rv3Area = trends.series.find((s) => s.code === "E54000027")!;
    expect(rv3Area.points.find((p) => p.wave === "2024")!.value).toBe(0);
  });
});

describe.each(TEST_DIALECTS)("data cache after an add that changes one row in the middle on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildFixtureApp(kind);
    // Wave 2024's rows come from two batches whose ids sort before and after any new UUID, so an add that
    // changes one row keeps the wave's row count and its first and last batch: only the revision moves.
    const rows = FIXTURE_RETURNS.filter((r) => r.waveId === "2024");
    await t.db.db.transaction().execute(async (trx) => {
      await storeWaveReturns(trx, "2024", "00000000-0000-4000-8000-000000000000", rows.slice(0, 2));
      await insertImportBatch(trx, {
        id: "ffffffff-ffff-4fff-bfff-ffffffffffff",
        fileName: "late.csv",
        checksum: "late",
        waveId: "2024",
        rowCount: rows.length - 2,
        importedBy: "test",
        importedAt: "2024-02-01T00:00:00Z",
        status: "imported",
      });
      await insertReturns(trx, rows.slice(2), "ffffffff-ffff-4fff-bfff-ffffffffffff");
      await bumpDataVersion(trx);
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("is seen by a warm app at once", async () => {
    const path = "/api/organisations?wave=2024";
    const before = OrganisationsResponseSchema.parse(await (await t.app.request(path)).json());
    expect(before.organisations.find((o) => o.code === "RRP")?.provision).toBe("none");
    const count = async () =>
      (await t.db.db.selectFrom("surveyReturns").select("batchId").where("waveId", "=", "2024").execute())
        .map((r) => r.batchId)
        .sort();
    const batchesBefore = await count();
    const summary = await importSurveyFile(t.db, {
      fileName: "rrp.csv",
      bytes: new TextEncoder().encode("wave,org_code,provision\n2024,RRP,routine\n"),
      importedBy: "test",
      mode: "add",
    });
    expect(summary.waves[0]!.diff.changed).toEqual([
      { orgCode: "RRP", fields: expect.arrayContaining(["provision"]) },
    ]);
    const batchesAfter = await count();
    // Same count, same first and last batch: the old fingerprint (count and batches) would have missed it.
    expect([batchesAfter.length, batchesAfter[0], batchesAfter.at(-1)]).toEqual([
      batchesBefore.length,
      batchesBefore[0],
      batchesBefore.at(-1),
    ]);
    const after = OrganisationsResponseSchema.parse(await (await t.app.request(path)).json());
    expect(after.organisations.find((o) => o.code === "RRP")?.provision).toBe("routine");
    const fresh = createApp({ db: t.db, config: t.config, logger: createLogger("silent") });
    expect(after).toEqual(OrganisationsResponseSchema.parse(await (await fresh.request(path)).json()));
  });
});
