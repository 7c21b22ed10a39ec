import { describe, expect, it } from "vitest";
import { arrowDirection, nearestArea, nextArea } from "./keyboard-nav";

// A plus sign of areas around C, and one far off to the north-east.
const areas = [
  { code: "C", x: 0, y: 0 },
  { code: "E", x: 10, y: 1 },
  { code: "W", x: -10, y: 0 },
  { code: "N", x: 0, y: -10 },
  { code: "S", x: 1, y: 10 },
  { code: "FAR-NE", x: 30, y: -28 },
];

describe("moving between areas with the arrow keys", () => {
  it("goes to the nearest area in the direction pressed (y grows southwards)", () => {
    const from = areas[0]!;
    expect(nextArea(from, "right", areas, "C")?.code).toBe("E");
    expect(nextArea(from, "left", areas, "C")?.code).toBe("W");
    expect(nextArea(from, "up", areas, "C")?.code).toBe("N");
    expect(nextArea(from, "down", areas, "C")?.code).toBe("S");
  });

  it("prefers an area straight ahead to a nearer one off to the side, and stops at the edge", () => {
    const row = [
      { code: "A", x: 0, y: 0 },
      { code: "ahead", x: 20, y: 0 },
      { code: "aside", x: 8, y: 9 },
    ];
    expect(nextArea(row[0]!, "right", row, "A")?.code).toBe("ahead");
    expect(nextArea({ x: 20, y: 0 }, "right", row, "ahead")).toBeNull();
  });

  it("knows the arrow keys and starts from the area nearest a point", () => {
    expect(arrowDirection("ArrowUp")).toBe("up");
    expect(arrowDirection("Enter")).toBeNull();
    expect(nearestArea({ x: 9, y: 2 }, areas)?.code).toBe("E");
  });
});
