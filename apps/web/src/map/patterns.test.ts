import { describe, expect, it } from "vitest";
import { MISSING_STATUSES } from "../format/status";
import { SEQUENTIAL_PALETTE } from "./classes";
import {
  PATTERN_CELL,
  patternImage,
  patternName,
  patternSvg,
  smallBaseImage,
  smallBaseRects,
  smallBaseSvg,
} from "./patterns";

function colours(data: Uint8ClampedArray): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i < data.length; i += 4) set.add(`${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`);
  return set;
}

describe("status patterns", () => {
  it("makes an opaque RGBA tile of the requested scale", () => {
    const image = patternImage("no_data", 2);
    expect(image.width).toBe(PATTERN_CELL * 2);
    expect(image.data.length).toBe(image.width * image.height * 4);
    expect([...colours(image.data)].every((c) => c.endsWith(",255"))).toBe(true);
  });

  it("draws each status differently", () => {
    const keys = MISSING_STATUSES.map((s) => patternImage(s).data.join(","));
    expect(new Set(keys).size).toBe(MISSING_STATUSES.length);
  });

  it("uses only grey ink on white, never a colour of the scale", () => {
    const palette = SEQUENTIAL_PALETTE.map((hex) =>
      [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(","),
    );
    for (const status of MISSING_STATUSES) {
      const used = [...colours(patternImage(status).data)].map((c) => c.split(",").slice(0, 3).join(","));
      expect(new Set(used)).toEqual(new Set(["255,255,255", "77,77,77"]));
      for (const colour of palette) expect(used).not.toContain(colour);
    }
  });

  it("writes the same pixels as an SVG pattern", () => {
    for (const status of MISSING_STATUSES) {
      const image = patternImage(status);
      let ink = 0;
      for (let i = 0; i < image.data.length; i += 4) if (image.data[i] === 77) ink++;
      const svg = patternSvg(status, `p-${status}`);
      const widths = [...svg.matchAll(/<rect x="\d+" y="\d+" width="(\d+)" height="1"/g)].map((m) =>
        Number(m[1]),
      );
      expect(widths.reduce((a, b) => a + b, 0)).toBe(ink);
      expect(svg).toContain(`id="p-${status}"`);
    }
    expect(patternName("suppressed")).toBe("status-suppressed");
  });
});

describe("the small-base overlay", () => {
  it("is transparent between its lines, so the class colour shows, and has dark and light ink", () => {
    const image = smallBaseImage(2);
    const alphas = new Set<number>();
    for (let i = 3; i < image.data.length; i += 4) alphas.add(image.data[i]!);
    expect([...alphas].sort()).toEqual([0, 255]);
    const fills = new Set(smallBaseRects().map((r) => r.fill));
    expect(fills).toEqual(new Set(["#1f2933", "#ffffff"]));
    expect(smallBaseSvg("x")).toMatch(/^<pattern id="x"/);
  });
});
