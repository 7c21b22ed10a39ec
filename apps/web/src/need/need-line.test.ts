import { DEFAULT_NEED_ASSUMPTIONS } from "@atlas/domain";
import { describe, expect, it } from "vitest";
import { fieldProblem } from "./field-problem";
import { assumptionsInForce, assumptionsLine, changedMarker } from "./need-line";

describe("the assumptions line", () => {
  it("names every assumption in force, with the 2015 prices", () => {
    expect(assumptionsLine(DEFAULT_NEED_ASSUMPTIONS)).toBe(
      "Need: 580,000 at risk × 15% commissioned; groups of 12; 1 teacher per course; 2 courses a teacher a year; £112 a place (2015 prices)",
    );
    const changed = assumptionsInForce({ groupSize: 10, teachersPerCourse: 2, costPerPlace: 150.5 });
    expect(assumptionsLine(changed)).toContain("groups of 10; 2 teachers per course");
    expect(assumptionsLine(changed)).toContain("£150.5 a place");
  });

  it("marks non-default assumptions, and says nothing for the defaults", () => {
    expect(changedMarker(DEFAULT_NEED_ASSUMPTIONS)).toBe("");
    expect(changedMarker(assumptionsInForce({ groupSize: 12 }))).toBe("");
    expect(changedMarker(assumptionsInForce({ groupSize: 10 }))).toBe(
      "1 assumption changed from the defaults",
    );
    expect(changedMarker(assumptionsInForce({ groupSize: 10, atRisk: 600_000 }))).toBe(
      "2 assumptions changed from the defaults",
    );
  });
});

describe("the form's field checks", () => {
  it("accepts values in bounds and refuses the rest with a message naming the bounds", () => {
    expect(fieldProblem("groupSize", "10")).toBeNull();
    expect(fieldProblem("commissionPct", "12.5")).toBeNull();
    expect(fieldProblem("groupSize", "20")).toMatch(/outside the allowed range.*from 8 to 15/);
    expect(fieldProblem("groupSize", "10.5")).toMatch(/not a whole number/);
    expect(fieldProblem("costPerPlace", "lots")).toMatch(/not a number/);
    expect(fieldProblem("atRisk", " ")).toMatch(/Enter a value/);
  });
});
