import { describe, expect, it } from "vitest";
import { FIXTURE } from "../testing/atlas-fixture";
import { disclosures, type Observation } from "../testing/disclosure-attack";
import { observeDomain } from "../testing/observe-domain";
import { randomAtlas } from "../testing/random-atlas";
import { indexAtlasData } from "./atlas-index";

/**
 * The attack: over many random registries and returns, every count of people published anywhere (coverage at
 * every level, trends under both bases, journeys) is a linear equation in the organisations' own counts; no
 * suppressed cell and no count of 1 to 4 people may be computable from them (exact rationals).
 */
describe("suppression holds across every published table", () => {
  it("on the hand fixture", () => {
    const index = indexAtlasData(FIXTURE);
    expect(disclosures(index, observeDomain(index))).toEqual([]);
  });

  it("on 120 random registries and returns (both waves, both bases)", () => {
    let suppressed = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const index = indexAtlasData(randomAtlas(seed));
      const observations = observeDomain(index);
      suppressed += observations.filter((o) => o.suppressed).length;
      expect(disclosures(index, observations), `seed ${seed}`).toEqual([]);
    }
    // The registries exercise suppression: many hidden cells in all.
    expect(suppressed).toBeGreaterThan(1_000);
  });
});

describe("the attacker", () => {
  const index = indexAtlasData(FIXTURE);
  const obs = (o: Partial<Observation> & Pick<Observation, "nodeId" | "cell">): Observation => ({
    where: `${o.cell} ${o.nodeId}`,
    waveId: "2022",
    basis: "recorded",
    suppressed: false,
    numerator: null,
    denominator: null,
    ...o,
  });

  // 2022 fixture (all organisations report both counts): P and S coincide everywhere. RW1 has 2 starters.
  it("recovers the issue's leak: a completion cell hidden where its denominator equals a published participants total", () => {
    const leaky = [
      // London's completion denominator 18 and L1's 16 published; L2's completion hidden...
      obs({ nodeId: "E40000003", cell: "completion", numerator: 16, denominator: 18 }),
      obs({ nodeId: "E54000027", cell: "completion", numerator: 14, denominator: 16 }),
      obs({ nodeId: "E54000028", cell: "completion", suppressed: true }),
      obs({ nodeId: "org:RW1", cell: "started", suppressed: true }),
    ];
    // L2 = London − L1 for both counts, and L2 is RW1 alone: RW1's 2 starters and 2 completers are out.
    expect(disclosures(index, leaky)).toEqual([
      "completion E54000028: suppressed, but its value can be computed from published cells",
      "started org:RW1: suppressed, but its value can be computed from published cells",
      "2022|recorded E54000028 S = 2 people can be computed from published cells",
      "2022|recorded E54000028 C = 2 people can be computed from published cells",
    ]);
    // ...and the same through the participants table: L2's started total is London's minus L1's.
    const crossTable = [
      obs({ nodeId: "E40000003", cell: "participants", numerator: 18 }),
      obs({ nodeId: "E54000027", cell: "completion", numerator: 14, denominator: 16 }),
      obs({ nodeId: "E54000028", cell: "participants", suppressed: true }),
    ];
    expect(disclosures(index, crossTable)).toContain(
      "participants E54000028: suppressed, but its value can be computed from published cells",
    );
  });

  it("says nothing leaks when the hidden cells protect one another", () => {
    const safe = [
      obs({ nodeId: "K02000001", cell: "participants", numerator: 26 }),
      obs({ nodeId: "E40000003", cell: "participants", suppressed: true }),
      obs({ nodeId: "E40000005", cell: "participants", suppressed: true }),
    ];
    expect(disclosures(index, safe)).toEqual([]);
  });

  it("catches a published small count and a form that does not match the data", () => {
    expect(disclosures(index, [obs({ nodeId: "org:RW1", cell: "started", numerator: 2 })])).toContain(
      "started org:RW1: publishes a count of 2 people",
    );
    expect(
      disclosures(index, [obs({ nodeId: "E54000027", cell: "participants", numerator: 99 })])[0],
    ).toMatch(/published 99 but the returns add up to 16/);
  });
});
