import { describe, expect, it } from "vitest";
import { FactorsResponseSchema, TransitionsResponseSchema } from "../api/responses";
import { FIXTURE } from "../testing/atlas-fixture";
import { indexAtlasData } from "./atlas-index";
import { computeFactors, computeTransitions } from "./factors";

const index = indexAtlasData(FIXTURE);

describe("factors", () => {
  it("counts facilitators and barriers by stage among answering organisations (2024)", () => {
    const response = computeFactors(index, "2024");
    FactorsResponseSchema.parse(response);
    // Answering 2024: RV3 sustainable, RRP not_started, RQY developmental.
    expect(response.stages).toEqual([
      { stage: "not_started", organisations: 1 },
      { stage: "starting_out", organisations: 0 },
      { stage: "developmental", organisations: 1 },
      { stage: "sustainable", organisations: 1 },
    ]);
    const financial = response.factors.find((f) => f.factor === "financial_pressure")!;
    expect(financial.kind).toBe("barrier");
    expect(financial.total).toBe(2); // RRP and RQY
    expect(financial.byStage).toEqual([
      { stage: "not_started", count: 1, share: 1 },
      { stage: "starting_out", count: 0, share: null },
      { stage: "developmental", count: 1, share: 1 },
      { stage: "sustainable", count: 0, share: 0 },
    ]);
    const champion = response.factors.find((f) => f.factor === "local_champion")!;
    expect([champion.kind, champion.total]).toEqual(["facilitator", 2]);
    expect(response.factors).toHaveLength(15 + 14);
  });
});

describe("transitions", () => {
  it("counts stage and provision moves from 2022 to 2024, with not_surveyed where a side is missing", () => {
    const response = computeTransitions(index, "2022", "2024");
    TransitionsResponseSchema.parse(response);
    expect(response.synthetic).toBe(true);
    // RV3 developmental→sustainable; RRP starting_out→not_started; RQY starting_out→developmental;
    // RX2 not_started→no_response; RW1 starting_out→not_surveyed; RXX sustainable→not_surveyed;
    // SA9 withheld→not_applicable; S08000016 no_response→not_surveyed.
    expect(response.stages).toEqual([
      { from: "not_started", to: "no_response", count: 1 },
      { from: "starting_out", to: "not_started", count: 1 },
      { from: "starting_out", to: "developmental", count: 1 },
      { from: "starting_out", to: "not_surveyed", count: 1 },
      { from: "developmental", to: "sustainable", count: 1 },
      { from: "sustainable", to: "not_surveyed", count: 1 },
      { from: "no_response", to: "not_surveyed", count: 1 },
      { from: "withheld", to: "not_applicable", count: 1 },
    ]);
    expect(response.provision).toEqual([
      { from: "routine", to: "routine", count: 1 },
      { from: "routine", to: "not_surveyed", count: 1 },
      { from: "limited", to: "none", count: 1 },
      { from: "limited", to: "not_surveyed", count: 1 },
      { from: "paused", to: "limited", count: 1 },
      { from: "none", to: "no_response", count: 1 },
      { from: "no_response", to: "not_surveyed", count: 1 },
      { from: "withheld", to: "not_applicable", count: 1 },
    ]);
    const total = response.provision.reduce((s, t) => s + t.count, 0);
    expect(total).toBe(8);
  });
});
