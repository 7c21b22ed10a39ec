import { describe, expect, it } from "vitest";
import { FIXTURE } from "../testing/atlas-fixture";
import { type AtlasData, type AtlasIndex, indexAtlasData } from "./atlas-index";
import { hierarchyFor } from "./hierarchy";
import { waveTable } from "./wave-table";

const BASES = ["recorded", "current"] as const;

/** Every derived table computed on `index`: its figures, suppression and re-based cells (not the functions). */
function tables(index: AtlasIndex) {
  return FIXTURE.waves.flatMap((w) =>
    BASES.map((basis) => {
      const { waveId, tallies, suppression, rebased } = waveTable(index, w.id, basis);
      return { waveId, basis, tallies, suppression, rebased };
    }),
  );
}

/** The fixture with wave 2024 re-imported (new return objects, one provision changed); 2022 untouched. */
function reimported2024(): AtlasData {
  return {
    ...FIXTURE,
    returns: FIXTURE.returns.map((r) =>
      r.waveId === "2024" ? { ...r, provision: r.orgCode === "RV3" ? ("paused" as const) : r.provision } : r,
    ),
  };
}

describe("indexAtlasData carrying derived tables over", () => {
  it("keeps the tables of unchanged waves, recomputes the rest, and equals a fresh index", () => {
    const previous = indexAtlasData(FIXTURE);
    const before = tables(previous);
    const data = reimported2024();
    const next = indexAtlasData(data, { previous, unchangedWaves: new Set(["2022"]) });

    for (const basis of BASES) {
      expect(waveTable(next, "2022", basis)).toBe(waveTable(previous, "2022", basis));
      expect(waveTable(next, "2024", basis)).not.toBe(waveTable(previous, "2024", basis));
    }
    expect(hierarchyFor(next, "current")).toBe(hierarchyFor(previous, "current"));
    expect(tables(next)).toEqual(tables(indexAtlasData(data)));
    expect(tables(next)).not.toEqual(before);
  });

  it("carries nothing when the organisations changed (the tables depend on them)", () => {
    const previous = indexAtlasData(FIXTURE);
    tables(previous);
    const data = {
      ...FIXTURE,
      organisations: FIXTURE.organisations.map((o) =>
        o.code === "RW1" ? { ...o, successorCode: null, closedOn: null } : o,
      ),
    };
    const next = indexAtlasData(data, { previous, unchangedWaves: new Set(["2022", "2024"]) });
    expect(waveTable(next, "2022", "current")).not.toBe(waveTable(previous, "2022", "current"));
    expect(hierarchyFor(next, "current")).not.toBe(hierarchyFor(previous, "current"));
    expect(tables(next)).toEqual(tables(indexAtlasData(data)));
  });
});
