import { describe, expect, it } from "vitest";
import { placeTooltip } from "./MapTooltip";

const tooltip = { width: 200, height: 100 };
const viewport = { width: 1280, height: 720 };

describe("placing the map tooltip", () => {
  it("goes below and right of the pointer when there is room", () => {
    const frame = { left: 300, top: 150, width: 700, height: 550 };
    expect(placeTooltip({ x: 100, y: 100 }, tooltip, frame, viewport)).toEqual({ left: 114, top: 114 });
  });

  it("flips above and to the left near the window's bottom right, never past its edges", () => {
    const frame = { left: 300, top: 150, width: 900, height: 550 };
    const at = placeTooltip({ x: 880, y: 540 }, tooltip, frame, viewport);
    expect(at).toEqual({ left: 880 - 14 - 200, top: 540 - 14 - 100 });
    // Always inside the window less an 8 px margin.
    for (const pointer of [
      { x: 0, y: 0 },
      { x: 899, y: 549 },
      { x: 450, y: 560 },
    ]) {
      const { left, top } = placeTooltip(pointer, tooltip, frame, viewport);
      expect(frame.left + left).toBeGreaterThanOrEqual(8);
      expect(frame.top + top).toBeGreaterThanOrEqual(8);
      expect(frame.left + left + tooltip.width).toBeLessThanOrEqual(viewport.width - 8);
      expect(frame.top + top + tooltip.height).toBeLessThanOrEqual(viewport.height - 8);
    }
  });

  it("stays in the visible part of a map that runs below the window", () => {
    const frame = { left: 0, top: 400, width: 390, height: 600 };
    const { top } = placeTooltip({ x: 100, y: 380 }, tooltip, frame, { width: 390, height: 844 });
    expect(400 + top + tooltip.height).toBeLessThanOrEqual(844 - 8);
  });
});
