import { describe, expect, it } from "vitest";
import { TrendsResponseSchema } from "../api/responses";
import { FIXTURE } from "../testing/atlas-fixture";
import { indexAtlasData } from "./atlas-index";
import { computeTrends } from "./trends";

const index = indexAtlasData(FIXTURE);

function series(query: Parameters<typeof computeTrends>[1]) {
  const response = computeTrends(index, query);
  TrendsResponseSchema.parse(response);
  return new Map(response.series.map((s) => [s.code, s.points]));
}

describe("trends", () => {
  it("recorded offering_pct per local area over both waves, with statuses", () => {
    const s = series({ metric: "offering_pct", level: "local", codes: null, basis: "recorded" });
    // L1: 2022 RV3 routine + RRP limited = 2/2 = 100%; 2024 RV3 routine, RRP none = 1/2 = 50%.
    expect(s.get("E54000027")!.map((p) => p.value)).toEqual([100, 50]);
    // L2: 2022 RQY paused, RW1 limited = 1/2; 2024 RQY limited = 1/1.
    expect(s.get("E54000028")!.map((p) => [p.numerator, p.denominator])).toEqual([
      [1, 2],
      [1, 1],
    ]);
    expect(s.get("S08000015")!.map((p) => p.status)).toEqual(["no_data", "not_applicable"]);
    expect(s.get("S08000016")!.map((p) => p.status)).toEqual(["no_data", "not_surveyed"]);
    expect([...s.keys()]).toEqual(["E54000027", "E54000028", "E54000064", "S08000015", "S08000016"]);
  });

  it("marks a merger between waves on every area above either organisation, never on the first wave", () => {
    const s = series({ metric: "offering_pct", level: "local", codes: null, basis: "recorded" });
    // RXX → RX2 (L3) closed 2023-04-01 and RW1 (L2) → RV3 (L1) closed 2023-06-30, between 2022-01-01 and 2024-01-01.
    expect(s.get("E54000027")!.map((p) => p.changed)).toEqual([false, true]);
    expect(s.get("E54000028")!.map((p) => p.changed)).toEqual([false, true]);
    expect(s.get("E54000064")!.map((p) => p.changed)).toEqual([false, true]);
    expect(s.get("S08000015")!.map((p) => p.changed)).toEqual([false, false]);
    expect(s.get("E54000027")![0]!.rebased).toBeUndefined();
  });

  it("re-bases to today's organisations: RW1's 2022 return counts for RV3 in L1, and the points say so", () => {
    const s = series({
      metric: "offering_pct",
      level: "local",
      codes: ["E54000027", "E54000028", "S08000015"],
      basis: "current",
    });
    // L1 2022 current: RV3, RRP and RW1 (limited) = 3/3; L2 2022 current: RQY paused only = 0/1.
    expect(s.get("E54000027")![0]).toMatchObject({ value: 100, numerator: 3, denominator: 3, rebased: true });
    expect(s.get("E54000028")![0]).toMatchObject({ value: 0, numerator: 0, denominator: 1, rebased: true });
    expect(s.get("S08000015")![0]!.rebased).toBe(false);
    // 2024 has no returns from closed organisations: nothing moved.
    expect(s.get("E54000027")![1]!.rebased).toBe(false);
  });

  it("at organisation level, current basis: RX2's 2022 point includes RXX (RX2 none + RXX routine = 1/2)", () => {
    const s = series({
      metric: "offering_pct",
      level: "organisation",
      codes: ["RX2", "RXX"],
      basis: "current",
    });
    expect(s.get("RX2")![0]).toMatchObject({ numerator: 1, denominator: 2, rebased: true });
    // A closed organisation has no series of its own under the current basis.
    expect(s.get("RXX")!.map((p) => p.status)).toEqual(["not_surveyed", "not_surveyed"]);
    const recorded = series({
      metric: "offering_pct",
      level: "organisation",
      codes: ["RXX"],
      basis: "recorded",
    });
    expect(recorded.get("RXX")!.map((p) => [p.value, p.status, p.changed])).toEqual([
      [100, "ok", false],
      [null, "not_surveyed", true],
    ]);
  });

  it("suppresses rebased people counts under the current basis", () => {
    const s = series({
      metric: "participants_per_100k",
      level: "region",
      codes: ["E40000003"],
      basis: "current",
    });
    // London's rows do not change by re-basing (RW1 moves within London), so it follows the recorded pattern,
    // where London is hidden (England = London + South East, with South East hidden for RXX's 4 completers).
    expect(s.get("E40000003")![0]).toMatchObject({ numerator: null, status: "suppressed", rebased: false });
    const england = series({
      metric: "participants_per_100k",
      level: "nation",
      codes: ["E92000001"],
      basis: "current",
    });
    // England 2022 = 10 + 6 + 0 (RQY paused) + 2 + 0 (RX2 none) + 8 = 26, published as recorded.
    expect(england.get("E92000001")![0]).toMatchObject({ numerator: 26, status: "ok", rebased: false });
    const local = series({
      metric: "participants_per_100k",
      level: "local",
      codes: ["E54000027"],
      basis: "current",
    });
    // L1 re-based gains RW1's 2 (hidden in the recorded table): it cannot be published.
    expect(local.get("E54000027")![0]!.status).toBe("suppressed");
  });

  it("flags synthetic data when any wave is synthetic", () => {
    expect(
      computeTrends(index, { metric: "offering_pct", level: "nation", codes: null, basis: "recorded" })
        .synthetic,
    ).toBe(true);
  });
});
