import type { WaveImport } from "@atlas/domain";
import { describe, expect, it } from "vitest";
import { diffLines, importHeadline, waveHeading } from "./diff-summary";

const wave = (over: Partial<WaveImport> = {}): WaveImport => ({
  waveId: "2027",
  rows: 3,
  action: "updated",
  previousRows: 10,
  batchId: null,
  state: "draft",
  provisional: false,
  diff: {
    counts: { added: 2, changed: 1, removed: 1, unchanged: 8 },
    added: ["RV3", "RX4"],
    changed: [{ orgCode: "R1F", fields: ["provision", "places_offered"] }],
    removed: ["RRP"],
  },
  ...over,
});

const names = new Map([
  ["RV3", "Leeds Trust"],
  ["R1F", "Isle of Wight Trust"],
]);

describe("the diff of a file, per wave", () => {
  it("names every organisation added, changed (with its columns) and removed, by code and name when known", () => {
    expect(diffLines(wave(), names).map((l) => l.text)).toEqual([
      "2 added: RV3 (Leeds Trust), RX4",
      "1 changed: R1F (Isle of Wight Trust): provision, places_offered",
      "1 removed: RRP",
      "8 unchanged",
    ]);
  });

  it("says a kind with nothing in it as a plain zero", () => {
    const empty = wave({
      diff: {
        counts: { added: 0, changed: 0, removed: 0, unchanged: 4 },
        added: [],
        changed: [],
        removed: [],
      },
    });
    expect(diffLines(empty, names).map((l) => l.text)).toEqual([
      "0 added",
      "0 changed",
      "0 removed",
      "4 unchanged",
    ]);
  });

  it("heads each wave with what happens to it and its returns before and after", () => {
    expect(waveHeading(wave())).toBe("Wave 2027: updated, draft (10 → 11 returns)");
    expect(
      waveHeading(
        wave({
          action: "created",
          previousRows: 0,
          provisional: true,
          diff: {
            counts: { added: 2, changed: 0, removed: 0, unchanged: 0 },
            added: ["A", "B"],
            changed: [],
            removed: [],
          },
        }),
      ),
    ).toBe("Wave 2027: a new wave, draft, provisional (0 → 2 returns)");
  });

  it("sums every wave in the headline, and says a dry run stored nothing", () => {
    const two = [wave(), wave({ waveId: "2026" })];
    expect(importHeadline({ status: "validated", waves: two })).toBe(
      "Dry run: nothing was stored. Importing would add 4 returns, change 2 and remove 2.",
    );
    expect(importHeadline({ status: "imported", waves: [wave()] })).toBe(
      "Imported: 2 returns added, 1 changed, 1 removed.",
    );
    expect(importHeadline({ status: "unchanged", waves: [] })).toMatch(/^Nothing to import/);
  });
});
