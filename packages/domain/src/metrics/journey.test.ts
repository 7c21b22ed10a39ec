import { describe, expect, it } from "vitest";
import { OrganisationDetailSchema, OrganisationsResponseSchema } from "../api/responses";
import { FIXTURE } from "../testing/atlas-fixture";
import { indexAtlasData } from "./atlas-index";
import { listOrganisationsAt, organisationDetail } from "./organisations";

const index = indexAtlasData(FIXTURE);

describe("organisation journeys", () => {
  it("derives events from consecutive returns (RRP: limited → none)", () => {
    const detail = organisationDetail(index, "RRP")!;
    OrganisationDetailSchema.parse(detail);
    expect(detail.journey.map((s) => [s.waveId, s.events])).toEqual([
      ["2022", []],
      ["2024", ["stopped", "stage_down", "champion_left", "funding_barrier"]],
    ]);
    expect(detail.area.code).toBe("E54000027");
  });

  it("RQY: paused → limited is a start (never offered before), a stage up and a champion arriving", () => {
    const detail = organisationDetail(index, "RQY")!;
    expect(detail.journey[1]!.events).toEqual(["started", "stage_up", "champion_arrived", "funding_barrier"]);
    // RQY's 2024 started (3) and completed (2) are people counts 1–4: suppressed, and said so.
    expect(detail.journey[1]).toMatchObject({ participantsStarted: null, participantsCompleted: null });
    expect(detail.journey[1]!.suppressedFields).toEqual(["participantsStarted", "participantsCompleted"]);
  });

  it("RV3: secondary suppression reaches the journey too (its 20 would give away RQY's 3 via L1)", () => {
    const detail = organisationDetail(index, "RV3")!;
    expect(detail.journey[1]).toMatchObject({ participantsStarted: null, placesOffered: 240 });
    // 2022: RV3's 10 stayed published (RRP's 6 was the sibling hidden).
    expect(detail.journey[0]).toMatchObject({ participantsStarted: 10, participantsCompleted: 8 });
    expect(detail.predecessors.map((p) => p.code)).toEqual(["RW1"]);
    expect(detail.journey[1]!.events).toContain("absorbed");
    expect(detail.synthetic).toBe(true);
  });

  it("a merged organisation names its successor and its last return says merged", () => {
    const detail = organisationDetail(index, "RXX")!;
    expect(detail.successor?.code).toBe("RX2");
    expect(detail.journey.at(-1)!.events).toEqual(["merged"]);
    expect(detail.synthetic).toBe(false);
  });

  it("never publishes a withheld return's figures", () => {
    const step = organisationDetail(index, "SA9")!.journey[0]!;
    expect(step).toMatchObject({
      provision: "withheld",
      stage: null,
      placesOffered: null,
      participantsStarted: null,
      medianWaitWeeks: null,
    });
  });

  it("returns null for an unknown organisation", () => {
    expect(organisationDetail(index, "NOPE")).toBeNull();
  });
});

describe("organisation lists", () => {
  it("lists organisations in an area at any level, with the wave's provision", () => {
    const london = listOrganisationsAt(index, "2022", "E40000003");
    OrganisationsResponseSchema.parse({
      wave: "2022",
      area: "E40000003",
      synthetic: false,
      organisations: london,
    });
    expect(london.map((o) => [o.code, o.provision])).toEqual([
      ["RQY", "paused"],
      ["RRP", "limited"],
      ["RV3", "routine"],
      ["RW1", "limited"],
    ]);
    // 2024: RW1 had closed (2023-06-30).
    expect(listOrganisationsAt(index, "2024", "E40000003").map((o) => o.code)).toEqual(["RQY", "RRP", "RV3"]);
  });

  it("shows an open organisation without a return with null provision, and withheld as withheld only", () => {
    const all = new Map(listOrganisationsAt(index, "2024", null).map((o) => [o.code, o]));
    expect(all.get("S08000016")!.provision).toBeNull();
    const sa9 = listOrganisationsAt(index, "2022", "S92000003").find((o) => o.code === "SA9")!;
    expect([sa9.provision, sa9.stage, sa9.placesOffered]).toEqual(["withheld", null, null]);
  });
});
