import { describe, expect, it } from "vitest";
import { columnHeaders, LabelSpace, labelBox, labelStep, spacedTicks } from "./layout";
import { fitText, textWidth, wrapToWidth } from "./text-metrics";

describe("text metrics", () => {
  it("measures wider letters wider, bold wider still, and scales with the size", () => {
    expect(textWidth("WWW", 13)).toBeGreaterThan(textWidth("iii", 13));
    expect(textWidth("Leeds", 13, true)).toBeGreaterThan(textWidth("Leeds", 13));
    expect(textWidth("Leeds", 26)).toBeCloseTo(2 * textWidth("Leeds", 13), 5);
    // "2026" at 11 px is about 27 px in Arial-like fonts; the estimate errs wide.
    expect(textWidth("2026", 11)).toBeGreaterThan(24);
    expect(textWidth("2026", 11)).toBeLessThan(30);
  });

  it("cuts a name with an ellipsis to fit, and leaves one that fits alone", () => {
    expect(fitText("Leeds", 200, 13)).toBe("Leeds");
    const cut = fitText("NHS Staffordshire and Stoke-on-Trent ICB", 120, 13);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut, 13)).toBeLessThanOrEqual(120);
  });

  it("wraps words to a width, hyphenating a word too long for a line of its own", () => {
    expect(wrapToWidth("No response", 60, 11)).toEqual(["No", "response"]);
    const lines = wrapToWidth("Developmental", 45, 11);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]!.endsWith("-")).toBe(true);
    expect(lines.join("").replace(/-/g, "")).toBe("Developmental");
    for (const line of lines) expect(textWidth(line, 11)).toBeLessThanOrEqual(45);
  });
});

describe("label layout", () => {
  it("thins axis ticks until their labels clear each other", () => {
    const scale = Object.assign((v: number) => 10 + v * 2, {
      ticks: (n = 10) => [0, 20, 40, 60, 80, 100].filter((_, i) => i % Math.ceil(6 / n) === 0),
    });
    const ticks = spacedTicks(scale, (t) => `${t}%`, 13, 6);
    expect(ticks.length).toBeLessThan(6);
    expect(labelStep(8, 30, 27)).toBe(2);
    expect(labelStep(8, 80, 27)).toBe(1);
  });

  it("stands column headers upright when the columns are too narrow to wrap them", () => {
    const wide = columnHeaders(["Developmental", "Sustainable"], [100, 170], 70, 80);
    expect(wide.parts.join("")).not.toContain("rotate");
    expect(wide.parts.join("")).toContain("Develop-");
    const narrow = columnHeaders(["Developmental", "Sustainable"], [100, 122], 22, 80);
    expect(narrow.parts.join("")).toContain('transform="rotate(-90');
    expect(narrow.height).toBeGreaterThan(wide.height);
  });

  it("places a label only where it collides with none already placed", () => {
    const space = new LabelSpace({ left: 0, right: 200, top: 0, bottom: 100 });
    space.take(labelBox(10, 20, "Leeds", 13));
    expect(space.place([labelBox(12, 22, "York", 13), labelBox(10, 60, "York", 13)])).toBe(1);
    expect(space.place([labelBox(190, 60, "Bradford", 13)])).toBe(-1);
  });
});
