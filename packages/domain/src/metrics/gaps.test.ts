import { describe, expect, it } from "vitest";
import { GapsResponseSchema } from "../api/responses";
import { DEFAULT_NEED_ASSUMPTIONS } from "../need/parameters";
import { FIXTURE } from "../testing/atlas-fixture";
import { indexAtlasData } from "./atlas-index";
import { computeGaps } from "./gaps";

const index = indexAtlasData(FIXTURE);

// Need with the defaults: 580,000 × 15% = 87,000 places for the UK's 1,200,000 adults, so 7.25 places per
// 100 adults: L1 and L2 (300,000) 21,750; L3 (400,000) 29,000; L4 (120,000) 8,700; L5 (80,000) 5,800.
describe("gaps ranked by unmet places", () => {
  it("2024 local: L2 (21,750 − 4) before L1 (21,750 − 240); L3 and L5 unknown, listed apart", () => {
    const response = computeGaps(index, "2024", "local");
    GapsResponseSchema.parse(response);
    expect(response.gaps.map((g) => [g.rank, g.code, g.reasons, g.unmetPlaces])).toEqual([
      [1, "E54000028", ["unmet_need"], 21_746],
      [2, "E54000027", ["unmet_need", "lost_provision"], 21_510], // RRP limited in 2022, none in 2024
    ]);
    const l2 = response.gaps[0]!;
    expect([l2.placesNeeded, l2.placesOffered, l2.lowerBound]).toEqual([21_750, 4, false]);
    expect(l2.needMetPct).toBeCloseTo((100 * 4) / 21_750, 10);
    // 21,746 places: ⌈21,746 / 12⌉ = 1,813 courses; ⌈1,813 × 1 / 2⌉ = 907 teachers; 21,746 × £112.
    expect(l2.toClose).toEqual({ places: 21_746, courses: 1_813, teachers: 907, cost: 2_435_552 });
    expect(l2.detail).toContain("Needs about 21,750 places a year; 4 offered.");
    expect(response.gaps[1]!.detail).toContain("1 organisation that offered MBCT in 2022 no longer does");
    expect(response.unknown.map((g) => [g.code, g.placesNeeded])).toEqual([
      ["E54000064", 29_000], // L3: RX2 no_response
      ["S08000016", 5_800], // L5: not surveyed
    ]);
    expect(response.unknown[0]!.detail).toContain("None of the 1 invited organisation answered");
    expect(response.unknown[1]!.detail).toContain("No organisation here was surveyed");
    expect(response.assumptions).toEqual(DEFAULT_NEED_ASSUMPTIONS);
  });

  it("leaves out areas where every organisation is not_applicable (L4, and Scotland, in 2024)", () => {
    const local = computeGaps(index, "2024", "local");
    expect([...local.gaps, ...local.unknown].some((g) => g.code === "S08000015")).toBe(false);
    const nation = computeGaps(index, "2024", "nation");
    // England needs 72,500; 244 offered, a lower bound as RX2 did not answer.
    expect(nation.gaps.map((g) => [g.code, g.reasons, g.unmetPlaces, g.lowerBound])).toEqual([
      ["E92000001", ["unmet_need", "lost_provision"], 72_256, true],
    ]);
    expect(nation.gaps[0]!.detail).toContain("244 offered (at least)");
    expect(nation.unknown).toEqual([]);
  });

  it("organisations share their area's need: RV3 and RRP 10,875 each in L1, RQY all of L2's", () => {
    const response = computeGaps(index, "2024", "organisation");
    expect(response.gaps.map((g) => [g.code, g.reasons, g.placesNeeded, g.unmetPlaces])).toEqual([
      ["RQY", ["unmet_need"], 21_750, 21_746],
      ["RRP", ["no_offer", "unmet_need", "lost_provision"], 10_875, 10_875],
      ["RV3", ["unmet_need"], 10_875, 10_635],
    ]);
    expect(response.gaps[0]!.placesPer100k).toBeNull();
    expect(response.unknown.map((g) => [g.code, g.placesNeeded])).toEqual([
      ["RX2", 29_000],
      ["S08000016", 5_800],
    ]);
  });

  it("has no losses in the first wave; 2022 L3 leads (29,000 − 10)", () => {
    const response = computeGaps(index, "2022", "local");
    expect(response.gaps.flatMap((g) => g.reasons)).not.toContain("lost_provision");
    expect(response.gaps.map((g) => [g.code, g.unmetPlaces])).toEqual([
      ["E54000064", 28_990],
      ["E54000028", 21_744], // RQY paused (0) + RW1 6
      ["E54000027", 21_730], // RV3 12 + RRP 8
    ]);
    // 2022: L4 (SA9 withheld) and L5 (S08000016 no_response) are unknown.
    expect(response.unknown.map((g) => g.code)).toEqual(["S08000015", "S08000016"]);
  });

  it("follows the assumptions: half the share to commission halves the places needed", () => {
    const half = computeGaps(index, "2024", "local", {
      assumptions: { ...DEFAULT_NEED_ASSUMPTIONS, commissionPct: 7.5, groupSize: 8 },
    });
    const l2 = half.gaps.find((g) => g.code === "E54000028")!;
    expect([l2.placesNeeded, l2.unmetPlaces]).toEqual([10_875, 10_871]);
    expect(l2.toClose.courses).toBe(Math.ceil(10_871 / 8));
    expect(half.assumptions.commissionPct).toBe(7.5);
  });
});
