import { describe, expect, it } from "vitest";
import { GapsResponseSchema } from "../api/responses";
import { FIXTURE } from "../testing/atlas-fixture";
import { indexAtlasData } from "./atlas-index";
import { computeGaps } from "./gaps";

const index = indexAtlasData(FIXTURE);

describe("gaps", () => {
  it("ranks local areas in 2024: unknowns by population, then the loss, then low places", () => {
    const response = computeGaps(index, "2024", "local");
    GapsResponseSchema.parse(response);
    expect(response.gaps.map((g) => [g.rank, g.code, g.reasons])).toEqual([
      [1, "E54000064", ["unknown"]], // L3 (400,000): RX2 no_response
      [2, "S08000016", ["unknown"]], // L5 (80,000): S08000016 not surveyed
      [3, "E54000027", ["lost_provision"]], // L1: RRP limited in 2022, none in 2024
      [4, "E54000028", ["low_places"]], // L2: 1.3333 < 20.3333 / 2 and upper 3.4139 < 20.3333
    ]);
    const l2 = response.gaps[3]!;
    expect(l2.placesPer100k).toBeCloseTo(4 / 3, 10);
    expect(l2.comparatorPlacesPer100k).toBeCloseTo(244 / 12, 10);
    expect(l2.offeringPct).toBe(100);
    expect(l2.adultPopulation).toBe(300_000);
    expect(response.gaps[0]!.detail).toContain("None of the 1 invited organisation answered");
    expect(response.gaps[1]!.detail).toContain("No organisation here was surveyed");
    expect(response.gaps[2]!.detail).toContain("1 organisation that offered MBCT in 2022 no longer does");
  });

  it("leaves out areas where every organisation is not_applicable (L4 in 2024)", () => {
    expect(computeGaps(index, "2024", "local").gaps.some((g) => g.code === "S08000015")).toBe(false);
    expect(computeGaps(index, "2024", "nation").gaps.map((g) => [g.code, g.reasons])).toEqual([
      ["E92000001", ["lost_provision"]],
    ]);
  });

  it("at organisation level: RRP no_offer and lost first, then unknowns by their area's population", () => {
    const response = computeGaps(index, "2024", "organisation");
    expect(response.gaps.map((g) => [g.code, g.reasons])).toEqual([
      ["RRP", ["no_offer", "lost_provision"]],
      ["RX2", ["unknown"]],
      ["S08000016", ["unknown"]],
    ]);
    expect(response.gaps[0]!.placesPer100k).toBeNull();
  });

  it("has no losses in the first wave", () => {
    const response = computeGaps(index, "2022", "local");
    expect(response.gaps.flatMap((g) => g.reasons)).not.toContain("lost_provision");
    // 2022: L4 (SA9 withheld) and L5 (S08000016 no_response) are unknown.
    expect(response.gaps.map((g) => g.code)).toEqual(["S08000015", "S08000016"]);
  });
});
