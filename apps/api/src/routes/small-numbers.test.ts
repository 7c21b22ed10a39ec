import { TEST_DIALECTS } from "@atlas/db/testing";
import {
  CoverageResponseSchema,
  ExportResponseSchema,
  METRICS,
  MIN_ORGANISATIONS_TO_COMPARE,
  REPORT_LEVELS,
} from "@atlas/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoData } from "../import/load-demo";
import { loadReference } from "../reference/load-reference";
import { readReference } from "../reference/read-reference";
import { buildTestApp, type TestApp } from "../testing";

// Issue 9: no value resting on fewer than 5 answering organisations carries higher or lower (nor better or
// worse), at any level, in any endpoint or export: checked over every metric, level and demo wave.
describe.each(TEST_DIALECTS)("small numbers over HTTP on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    await loadReference(t.db, readReference());
    await loadDemoData(t.db);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it("never compares a value resting on fewer than 5 organisations, in coverage or its export", async () => {
    let compared = 0;
    let small = 0;
    for (const wave of ["2012", "2020", "2026"]) {
      for (const level of REPORT_LEVELS) {
        for (const metric of METRICS) {
          const query = `wave=${wave}&level=${level}&metric=${metric.id}`;
          const coverage = CoverageResponseSchema.parse(
            await (await t.app.request(`/api/coverage?${query}`)).json(),
          );
          for (const a of coverage.areas) {
            const where = `${query} ${a.code}`;
            if (a.comparison !== "not_compared" || a.nationComparison !== "not_compared") compared++;
            if ((a.organisations ?? 0) >= MIN_ORGANISATIONS_TO_COMPARE) continue;
            small++;
            expect([a.comparison, a.assessment, a.nationComparison], where).toEqual([
              "not_compared",
              "not_compared",
              "not_compared",
            ]);
            expect(a.comparisonReason, where).not.toBeNull();
          }
          const exported = ExportResponseSchema.parse(
            await (await t.app.request(`/api/export?view=coverage&format=json&${query}`)).json(),
          );
          for (const row of exported.rows) {
            if (Number(row.organisations ?? 0) >= MIN_ORGANISATIONS_TO_COMPARE) continue;
            expect(row.comparison, `export ${query} ${row.code}`).toBe("Not compared");
            expect(row.nation_comparison ?? "Not compared", `export ${query} ${row.code}`).toBe(
              "Not compared",
            );
          }
        }
      }
    }
    // The check is not empty: many values rest on few organisations, and some larger ones are compared.
    expect(small).toBeGreaterThan(500);
    expect(compared).toBeGreaterThan(50);
  }, 180_000);
});
