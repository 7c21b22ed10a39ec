import { bumpDataVersion, insertOrganisations, insertReturns } from "@atlas/db";
import { TEST_DIALECTS } from "@atlas/db/testing";
import { CoverageResponseSchema } from "@atlas/domain";
import { FIXTURE_RETURNS } from "@atlas/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../testing";
import { loadAtlasFixture } from "./data-fixture";

describe.each(TEST_DIALECTS)("data cache and export safety on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    await t.db.db.transaction().execute((trx) => loadAtlasFixture(trx));
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
