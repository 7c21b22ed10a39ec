import { readAtlasSnapshot } from "@atlas/db";
import { openTestDb } from "@atlas/db/testing";
import { computeCoverage, DEFAULT_NEED_ASSUMPTIONS, indexAtlasData } from "@atlas/domain";
import { it } from "vitest";
import { loadDemoData } from "../import/load-demo";
import { loadReference } from "../reference/load-reference";
import { readReference } from "../reference/read-reference";

it("prof", async () => {
  const db = await openTestDb("sqlite");
  await loadReference(db, readReference());
  await loadDemoData(db);
  const index = indexAtlasData((await readAtlasSnapshot(db.db)).data);
  for (const metric of ["offering_pct", "unmet_places", "need_met_pct", "places_per_100k"] as const) {
    computeCoverage(index, { waveId: "2026", level: "local", metric });
    const t0 = performance.now();
    for (let i = 0; i < 500; i++)
      computeCoverage(index, {
        waveId: "2026",
        level: "local",
        metric,
        need: { assumptions: { ...DEFAULT_NEED_ASSUMPTIONS, commissionPct: 1 + i / 100 } },
      });
    const t1 = performance.now();
    const r = computeCoverage(index, { waveId: "2026", level: "local", metric });
    const t2 = performance.now();
    for (let i = 0; i < 500; i++) JSON.stringify(r);
    console.log(
      metric,
      ((t1 - t0) / 500).toFixed(3),
      "ms compute;",
      ((performance.now() - t2) / 500).toFixed(3),
      "ms stringify",
      JSON.stringify(r).length,
    );
  }
  await db.close();
}, 60000);
