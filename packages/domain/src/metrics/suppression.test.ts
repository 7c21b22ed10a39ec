import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIXTURE } from "../testing/atlas-fixture";
import { LinearSpan } from "../testing/linear-span";
import { type AtlasData, indexAtlasData } from "./atlas-index";
import type { Hierarchy, HierarchyNode } from "./hierarchy";
import { isDerivable } from "./rebase-protection";
import { isSmallCount, peopleTrees, type SuppressionCell, secondarySuppression } from "./suppression";
import { waveTable } from "./wave-table";

/** A tree from a parent list; leaves get `values` (undefined: no data), parents their children's sum. */
function tree(parents: Record<string, string | null>, values: Record<string, number | undefined>) {
  const nodes = new Map<string, HierarchyNode>();
  for (const [code, parentCode] of Object.entries(parents)) {
    nodes.set(code, { id: code, code, name: code, level: "local", parentCode, population: 0, children: [] });
  }
  for (const node of nodes.values())
    if (node.parentCode) nodes.get(node.parentCode)!.children.push(node.code);
  const root = [...nodes.values()].find((n) => n.parentCode === null)!.code;
  const order: string[] = [];
  const queue = [root];
  while (queue.length) {
    const code = queue.shift()!;
    order.push(code);
    queue.push(...nodes.get(code)!.children);
  }
  const cells = new Map<string, SuppressionCell>();
  for (let i = order.length - 1; i >= 0; i--) {
    const node = nodes.get(order[i]!)!;
    if (node.children.length === 0) {
      const v = values[node.code];
      cells.set(node.code, { value: v ?? 0, hasData: v !== undefined });
    } else {
      const kids = node.children.map((c) => cells.get(c)!);
      cells.set(node.code, {
        value: kids.reduce((s, k) => s + k.value, 0),
        hasData: kids.some((k) => k.hasData),
      });
    }
  }
  const hierarchy: Hierarchy = { basis: "recorded", nodes, order, nodeForOrganisation: () => undefined };
  return { hierarchy, cells };
}

function primaryOf(cells: Map<string, SuppressionCell>): Set<string> {
  return new Set([...cells].filter(([, c]) => c.hasData && isSmallCount(c.value)).map(([code]) => code));
}

/**
 * Hidden cells that an attacker can compute exactly from the published cells and the sums: x_i is determined
 * iff the unit vector e_i lies in the row space of the constraint matrix over hidden cells (rank test).
 */
function recoverable(
  hierarchy: Hierarchy,
  cells: Map<string, SuppressionCell>,
  hidden: Set<string>,
): string[] {
  const vars = [...hidden];
  const col = new Map(vars.map((v, i) => [v, i]));
  const rows: number[][] = [];
  for (const code of hierarchy.order) {
    const children = hierarchy.nodes.get(code)!.children.filter((c) => cells.get(c)!.hasData);
    if (children.length === 0 || !cells.get(code)!.hasData) continue;
    const row = new Array(vars.length).fill(0);
    if (hidden.has(code)) row[col.get(code)!] += 1;
    for (const c of children) if (hidden.has(c)) row[col.get(c)!] -= 1;
    if (row.some((x) => x !== 0)) rows.push(row);
  }
  const rank = (m: number[][]) => {
    const a = m.map((row) => [...row]);
    let r = 0;
    for (let c = 0; c < vars.length && r < a.length; c++) {
      const p = a.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
      if (p < 0) continue;
      [a[r], a[p]] = [a[p]!, a[r]!];
      for (let i = 0; i < a.length; i++) {
        if (i === r) continue;
        const f = a[i]![c]! / a[r]![c]!;
        if (f !== 0) a[i] = a[i]!.map((x, j) => x - f * a[r]![j]!);
      }
      r++;
    }
    return r;
  };
  const base = rank(rows);
  return vars.filter((v) => {
    const unit = vars.map((w) => (w === v ? 1 : 0));
    return rank([...rows, unit]) === base;
  });
}

describe("secondary suppression", () => {
  it("hides the next-smallest non-zero sibling, then protects the parent sum below it (the 2024 fixture)", () => {
    // London = L1 + L2; L1 = RV3 (20) + RRP (0, implied by provision none); L2 = RQY (3).
    const { hierarchy, cells } = tree(
      { UK: null, London: "UK", L1: "London", L2: "London", RV3: "L1", RRP: "L1", RQY: "L2" },
      { RV3: 20, RRP: 0, RQY: 3 },
    );
    const primary = primaryOf(cells);
    expect([...primary].sort()).toEqual(["L2", "RQY"]); // 3 at RQY and so at L2
    const hidden = secondarySuppression(hierarchy, [cells], primary);
    // London (23) is published with L2 hidden: L2 = 23 − L1, so L1 (20) is hidden; then L1 = RV3 + RRP with
    // only L1 hidden, so the smallest non-zero child RV3 (20) is hidden, not RRP (0).
    expect([...hidden].sort()).toEqual(["L1", "L2", "RQY", "RV3"]);
    expect(recoverable(hierarchy, cells, hidden)).toEqual([]);
  });

  it("hides the parent of an only child (a health board that is one organisation; Scotland's one region)", () => {
    const { hierarchy, cells } = tree(
      {
        UK: null,
        England: "UK",
        Scotland: "UK",
        ER: "England",
        SR: "Scotland",
        E1: "ER",
        E2: "ER",
        S1: "SR",
      },
      { E1: 40, E2: 12, S1: 2 },
    );
    const hidden = secondarySuppression(hierarchy, [cells], primaryOf(cells));
    // S1 = 2 hides SR and Scotland (each equals S1, and each is 1–4 anyway); UK = England + Scotland then
    // needs England hidden, and England = ER needs ER hidden, and ER = E1 + E2 needs E2 (12) hidden.
    expect([...hidden].sort()).toEqual(["E2", "ER", "England", "S1", "SR", "Scotland"]);
    expect(recoverable(hierarchy, cells, hidden)).toEqual([]);
  });

  it("treats cells with no data as known, and publishes zero counts", () => {
    const { hierarchy, cells } = tree({ P: null, A: "P", B: "P", C: "P" }, { A: 0, B: 9, C: undefined });
    expect(secondarySuppression(hierarchy, [cells], primaryOf(cells)).size).toBe(0);
  });

  it("leaves nothing recoverable in random hierarchies (property, checked by linear algebra)", () => {
    const shape = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        shape,
        fc.array(fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }), {
          minLength: 60,
          maxLength: 60,
        }),
        (depth, widths, values) => {
          const parents: Record<string, string | null> = { R: null };
          const leafValues: Record<string, number | undefined> = {};
          let level = ["R"];
          let k = 0;
          for (let d = 0; d < depth + 1; d++) {
            const next: string[] = [];
            for (const [i, p] of level.entries()) {
              const width = widths[(i + d) % widths.length]!;
              for (let w = 0; w < width; w++) {
                const code = `${p}.${w}`;
                parents[code] = p;
                next.push(code);
              }
            }
            level = next;
          }
          for (const leaf of level) leafValues[leaf] = values[k++ % values.length];
          const { hierarchy, cells } = tree(parents, leafValues);
          const primary = primaryOf(cells);
          const hidden = secondarySuppression(hierarchy, [cells], primary);
          for (const p of primary) expect(hidden.has(p)).toBe(true);
          expect(recoverable(hierarchy, cells, hidden)).toEqual([]);
        },
      ),
      { numRuns: 200, seed: 20_24 },
    );
  });
});

describe("people-count patterns on the fixture", () => {
  const index = indexAtlasData(FIXTURE);

  // 2022: every organisation that reported people reported both counts, so all sit in the P (started) and C
  // (completed) trees and the Q tree (starters without a completion count) is empty. RQY (paused) and RX2
  // (none) left them blank: public zeros, not data.
  //   P: RV3 10, RRP 6 → L1 16; RW1 2 → L2 2; London 18; RXX 8 → L3 8 → South East 8; England = UK = 26.
  //   C: RV3 8, RRP 6 → L1 14; RW1 2 → L2 2; London 16; RXX 4 → L3 4 → South East 4; England = UK = 20.
  it("2022: one pattern for every count of people, primary then secondary over all three trees", () => {
    const { suppression } = waveTable(index, "2022", "recorded");
    // Primary: RW1 and L2 (P = C = 2); RXX, L3 and South East (C = 4). Secondary: England = London + South
    // East has one hidden cell, so London (the only published child) is hidden too. Then every sum has 0 or 2+.
    expect([...suppression.started].sort()).toEqual([
      "E40000003",
      "E40000005",
      "E54000028",
      "E54000064",
      "org:RW1",
      "org:RXX",
    ]);
    expect(suppression.completion).toBe(suppression.started);
  });

  it("2022 current basis: a re-based cell is published only where its parts are computable anyway", () => {
    const current = waveTable(index, "2022", "current");
    // RW1 moved from L2 into RV3 in L1; RXX into RX2 within L3.
    expect([...current.rebased].sort()).toEqual(["E54000027", "E54000028", "org:RV3", "org:RX2"]);
    // L1 (now with RW1), RV3 (with RW1) and RX2 (with RXX) each include a hidden recorded figure: hidden.
    for (const id of ["E54000027", "org:RV3", "org:RX2"])
      expect(current.suppression.started.has(id)).toBe(true);
    // L2 is left with RQY alone, whose blank counts are public zeros: nothing to hide.
    expect(current.suppression.started.has("E54000028")).toBe(false);
  });
});

describe("protecting re-based totals", () => {
  // L holds A (started 2), B (1; closed 2023 into A) and C (20); M holds D (30). Recorded, A and B are hidden as
  // a pair, so A + B = L − C = 23 − 20 = 3 could be worked out; under the current basis A + B is A's own
  // (re-based) total, a count of 3 people. So C is hidden as well.
  const data: AtlasData = {
    areas: [
      {
        code: "E92000001",
        name: "E",
        level: "nation",
        parentCode: null,
        adultPopulation: 100,
        populationYear: 2022,
        populationSource: "t",
      },
      {
        code: "R1",
        name: "R",
        level: "region",
        parentCode: "E92000001",
        adultPopulation: 100,
        populationYear: 2022,
        populationSource: "t",
      },
      {
        code: "L",
        name: "L",
        level: "local",
        parentCode: "R1",
        adultPopulation: 50,
        populationYear: 2022,
        populationSource: "t",
      },
      {
        code: "M",
        name: "M",
        level: "local",
        parentCode: "R1",
        adultPopulation: 50,
        populationYear: 2022,
        populationSource: "t",
      },
    ],
    organisations: [
      { ...FIXTURE.organisations[0]!, code: "A", areaCode: "L" },
      { ...FIXTURE.organisations[0]!, code: "B", areaCode: "L", closedOn: "2023-01-01", successorCode: "A" },
      { ...FIXTURE.organisations[0]!, code: "C", areaCode: "L" },
      { ...FIXTURE.organisations[0]!, code: "D", areaCode: "M" },
    ],
    waves: [FIXTURE.waves[0]!],
    returns: (
      [
        ["A", 2],
        ["B", 1],
        ["C", 20],
        ["D", 30],
      ] as const
    ).map(([orgCode, started]) => ({
      ...FIXTURE.returns[0]!,
      orgCode,
      participantsStarted: started,
      participantsCompleted: null,
    })),
  };

  it("hides a further cell so the successor's re-based total of 3 cannot be derived", () => {
    const index = indexAtlasData(data);
    const recorded = waveTable(index, "2022", "recorded");
    expect([...recorded.suppression.started].sort()).toEqual(["org:A", "org:B", "org:C"]);
    // Nobody reported completions, so every starter is in the Q tree (starters without a completion count).
    const cells = peopleTrees(recorded.tallies).startedOnly;
    expect(isDerivable(recorded.hierarchy, cells, recorded.suppression.started, ["org:A", "org:B"])).toBe(
      false,
    );
    // Without the protection the pair total would be derivable (the check can fail).
    expect(isDerivable(recorded.hierarchy, cells, new Set(["org:A", "org:B"]), ["org:A", "org:B"])).toBe(
      true,
    );
    // Under the current basis A's cell (A + B) is hidden; L is unchanged by re-basing and stays published.
    const current = waveTable(index, "2022", "current");
    expect(current.suppression.started.has("org:A")).toBe(true);
    expect(current.suppression.started.has("L")).toBe(false);
  });
});

describe("isDerivable (graph potentials) agrees with exact elimination", () => {
  it("on random trees, hidden sets and groups", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }), {
          minLength: 30,
          maxLength: 30,
        }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        (widths, values, hideMask, groupMask) => {
          const parents: Record<string, string | null> = { R: null };
          const leafValues: Record<string, number | undefined> = {};
          let level = ["R"];
          for (let d = 0; d < 3; d++) {
            const next: string[] = [];
            for (const [i, p] of level.entries()) {
              for (let w = 0; w < widths[(i + d) % widths.length]!; w++) {
                parents[`${p}.${w}`] = p;
                next.push(`${p}.${w}`);
              }
            }
            level = next;
          }
          level.forEach((leaf, k) => {
            leafValues[leaf] = values[k % values.length];
          });
          const { hierarchy, cells } = tree(parents, leafValues);
          const ids = [...hierarchy.order];
          const hidden = new Set(ids.filter((_, i) => hideMask[i % hideMask.length]));
          const members = ids.filter((_, i) => groupMask[i % groupMask.length]);
          // The oracle: exact elimination over the hidden cells with data.
          const data = (id: string) => cells.get(id)?.hasData === true;
          const span = new LinearSpan();
          for (const id of ids) {
            const children = hierarchy.nodes.get(id)!.children.filter(data);
            if (!data(id) || children.length === 0) continue;
            const row = new Map<string, number>();
            if (hidden.has(id)) row.set(id, 1);
            for (const c of children) if (hidden.has(c)) row.set(c, -1);
            span.add(row);
          }
          const group = new Map(members.filter((m) => hidden.has(m) && data(m)).map((m) => [m, 1]));
          expect(isDerivable(hierarchy, cells, hidden, members)).toBe(span.contains(group));
        },
      ),
      { numRuns: 400, seed: 9 },
    );
  });
});
