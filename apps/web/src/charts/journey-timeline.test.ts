import { blankReturn } from "@atlas/domain";
import { describe, expect, it } from "vitest";
import { type JourneyStep, journeyTimeline } from "./journey-timeline";
import { labelsOutside, overlappingLabels } from "./label-boxes";
import { count, meta } from "./test-fixtures";

const step = (
  waveId: string,
  provision: JourneyStep["provision"],
  stage: JourneyStep["stage"],
  events: string[] = [],
  champion: boolean | null = true,
): JourneyStep => {
  const { orgCode: _org, ...blank } = blankReturn(waveId, "TEST", provision);
  return { ...blank, stage, championPresent: champion, events };
};

const journey = [
  step("2012", "limited", "starting_out"),
  step("2014", "routine", "developmental"),
  step("2018", "paused", "starting_out", ["champion_left", "funding_cut"], false),
];

describe("journeyTimeline", () => {
  const svg = journeyTimeline(
    { name: "Test Trust", waves: ["2012", "2014", "2016", "2018"], journey },
    800,
    meta("jt"),
  );

  it("draws provision per wave, and a gap for a wave without a return", () => {
    expect(count(svg, /class="provision provision-/)).toBe(3);
    expect(svg).toContain('class="provision provision-paused"');
    expect(count(svg, /class="not-surveyed"/)).toBe(1);
    expect(svg).toContain("2016: not surveyed");
  });

  it("draws stage as a line that breaks where a wave is missing", () => {
    expect(count(svg, /class="stage-point"/)).toBe(3);
    expect(count(svg, /class="stage-line"/)).toBe(1);
  });

  it("writes the pivot events and the champion under their wave", () => {
    expect(svg).toContain(">Champion left</text>");
    expect(svg).toContain(">Funding cut</text>");
    expect(svg).toContain("2018: champion absent");
  });

  it("reads down the page on a phone, one row per wave, so words never run into the next wave", () => {
    const narrow = journeyTimeline(
      { name: "Test Trust", waves: ["2012", "2014", "2016", "2018"], journey },
      340,
      meta("jt-narrow"),
    );
    expect(narrow).toContain(">Wave</text>");
    expect(count(narrow, /class="provision provision-/)).toBe(3);
    expect(count(narrow, /class="not-surveyed"/)).toBe(1);
    expect(narrow).toContain("Champion: no · Champion left · Funding cut");
    expect(overlappingLabels(narrow)).toEqual([]);
    expect(labelsOutside(narrow)).toEqual([]);
  });
});
