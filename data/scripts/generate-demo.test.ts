import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDemoData } from "../../apps/api/src/import/load-demo";
import { loadReference } from "../../apps/api/src/reference/load-reference";
import { readReference } from "../../apps/api/src/reference/read-reference";
import { listWaves } from "../../packages/db/src/index";
import { openTestDb } from "../../packages/db/src/testing";
import { DEMO_WAVES } from "./demo/generate";
import { buildDemoFiles, DEMO_DIR } from "./generate-demo";

describe("synthetic demo data", () => {
  const first = buildDemoFiles();

  it("is the same, byte for byte, on every run, and matches the committed files", () => {
    const second = buildDemoFiles();
    expect([...second.files.keys()]).toEqual([...first.files.keys()]);
    for (const [name, text] of first.files) {
      expect(second.files.get(name), name).toBe(text);
      expect(readFileSync(join(DEMO_DIR, name), "utf8"), `${name} is stale: run pnpm build:demo`).toBe(text);
    }
    expect([...first.files.keys()]).toContain("mbct-survey-2026-synthetic.csv");
  });

  it("looks like the field ASPIRE described: patchy, slowly improving, a 2020 dip, non-response every wave", () => {
    const h = new Map(first.data.headlines.map((x) => [x.wave, x]));
    expect(h.get(2012)!.offeringPct).toBeGreaterThanOrEqual(25);
    expect(h.get(2012)!.offeringPct).toBeLessThanOrEqual(30);
    expect(h.get(2026)!.offeringPct).toBeGreaterThanOrEqual(55);
    expect(h.get(2026)!.offeringPct).toBeLessThanOrEqual(65);
    expect(h.get(2020)!.offeringPct).toBeLessThan(h.get(2018)!.offeringPct);
    expect(h.get(2020)!.offeringPct).toBeLessThan(h.get(2022)!.offeringPct);
    for (const x of first.data.headlines) {
      expect(x.responsePct, String(x.wave)).toBeGreaterThanOrEqual(85);
      expect(x.responsePct, String(x.wave)).toBeLessThanOrEqual(95);
      expect(x.suppressible, String(x.wave)).toBeGreaterThan(0);
    }
    const returns = [...first.data.returns.values()].flat();
    // A champion wherever courses run; 8–15 places per course.
    const running = returns.filter((r) => (r.coursesRun ?? 0) > 0);
    expect(running.every((r) => r.championPresent === true)).toBe(true);
    expect(
      running.every((r) => r.placesOffered! >= 8 * r.coursesRun! && r.placesOffered! <= 15 * r.coursesRun!),
    ).toBe(true);
    // Online delivery only from the pandemic wave on (bar a few 2018 pilots).
    expect(returns.filter((r) => r.deliveryMode === "online" && Number(r.waveId) < 2018)).toEqual([]);
  });

  it("imports cleanly through the ordinary importer, every wave marked synthetic", async () => {
    const db = await openTestDb("sqlite");
    try {
      await loadReference(db, readReference());
      const summaries = await loadDemoData(db);
      expect(summaries.map((s) => [s.status, s.synthetic])).toEqual(DEMO_WAVES.map(() => ["imported", true]));
      const waves = await listWaves(db.db);
      expect(waves.map((w) => [w.id, w.label, w.synthetic])).toEqual(
        DEMO_WAVES.map((y) => [String(y), `${y} (synthetic)`, true]),
      );
      expect(waves.every((w) => /SYNTHETIC/.test(w.source))).toBe(true);
      // Loading again (a second process seeding at once) changes nothing.
      expect((await loadDemoData(db)).every((s) => s.status === "unchanged")).toBe(true);
    } finally {
      await db.close();
    }
  });
});
