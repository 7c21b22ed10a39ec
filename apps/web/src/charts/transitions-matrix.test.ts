import { describe, expect, it } from "vitest";
import { labelsOutside, overlappingLabels } from "./label-boxes";
import { count, meta } from "./test-fixtures";
import { orderCategories, summariseTransitions, transitionsMatrix } from "./transitions-matrix";

const transitions = [
  { from: "not_started", to: "not_started", count: 12 },
  { from: "not_started", to: "starting_out", count: 3 },
  { from: "developmental", to: "starting_out", count: 2 },
  { from: "sustainable", to: "sustainable", count: 7 },
  { from: "developmental", to: "no_response", count: 4 },
];

describe("transitionsMatrix", () => {
  const svg = transitionsMatrix(
    { fromWave: "2024", toWave: "2026", transitions, kind: "stage" },
    760,
    meta("tm"),
  );

  it("has a cell for every from/to pair, with its count", () => {
    // rows: not_started, developmental, sustainable; columns: not_started, starting_out, sustainable, no_response
    expect(count(svg, /class="cell"/)).toBe(12);
    expect(svg).toContain("12 organisations: Not started in 2024, Not started in 2026");
    expect(svg).toContain("0 organisations: Sustainable in 2024, Starting out in 2026");
  });

  it("outlines the no-change diagonal", () => {
    expect(count(svg, /stroke="#1f2933" stroke-width="2"/)).toBe(2);
  });

  it("totals rows and columns and summarises moves by stage order", () => {
    expect(svg).toContain(">Total</text>");
    expect(svg).toContain(
      "Moved forward a stage or more: 3 · moved back: 2 · same stage: 19 · other (no stage in one wave): 4.",
    );
  });
});

describe("stage order", () => {
  it("orders stages, then provisions, then anything else", () => {
    expect(orderCategories(["zeta", "no_response", "sustainable", "not_started"])).toEqual([
      "not_started",
      "sustainable",
      "no_response",
      "zeta",
    ]);
    expect(summariseTransitions([{ from: "sustainable", to: "not_started", count: 5 }])).toEqual({
      forward: 0,
      back: 5,
      same: 0,
      other: 0,
    });
  });

  it("never runs two column headers together: hyphenated on a desktop, upright on a phone", () => {
    const all = [
      "not_started",
      "starting_out",
      "developmental",
      "sustainable",
      "no_response",
      "not_surveyed",
    ];
    const full = all.flatMap((from) => all.map((to) => ({ from, to, count: 1 })));
    const desktop = transitionsMatrix(
      { fromWave: "2024", toWave: "2026", transitions: full, kind: "stage" },
      760,
      meta("d"),
    );
    expect(desktop).not.toContain("rotate(");
    expect(overlappingLabels(desktop)).toEqual([]);
    const phone = transitionsMatrix(
      { fromWave: "2024", toWave: "2026", transitions: full, kind: "stage" },
      330,
      meta("p"),
    );
    expect(phone).toContain('transform="rotate(-90');
    expect(overlappingLabels(phone)).toEqual([]);
    expect(labelsOutside(phone)).toEqual([]);
  });
});
