import type { MissingStatus } from "../format/status";

/**
 * Fill patterns for the four kinds of missing value. Each is grey ink on white, a texture rather than a
 * colour, so "no data" can never be read as "zero" or "low" (the most common complaint about health maps).
 * The same pixel grid feeds the map (an RGBA image for maplibre's `fill-pattern`) and every SVG legend
 * and export (an SVG `<pattern>`), so they look alike everywhere.
 */

export const PATTERN_CELL = 8;
const INK = [77, 77, 77] as const; // #4d4d4d: 8:1 against white, 3:1 against the lightest class too
const INK_HEX = "#4d4d4d";
const PAPER_HEX = "#ffffff";

type InkTest = (x: number, y: number) => boolean;

const INK_TESTS: Record<MissingStatus, InkTest> = {
  // No answering organisation: diagonal hatch.
  no_data: (x, y) => (x + y) % PATTERN_CELL < 2,
  // Suppressed small numbers: cross-hatch.
  suppressed: (x, y) => (x + y) % PATTERN_CELL < 1 || (x - y + PATTERN_CELL) % PATTERN_CELL < 1,
  // No adult service to ask: dots.
  not_applicable: (x, y) => Math.abs((x % PATTERN_CELL) - 3.5) < 2 && Math.abs((y % PATTERN_CELL) - 3.5) < 2,
  // Outside the survey this wave: horizontal lines.
  not_surveyed: (_x, y) => y % PATTERN_CELL < 1,
};

export interface PatternImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * The RGBA pixels of one pattern tile, `scale` device pixels per pattern pixel (use the screen's
 * pixel ratio and pass it to maplibre's `addImage`, so lines stay crisp).
 */
export function patternImage(status: MissingStatus, scale = 1): PatternImage {
  const size = PATTERN_CELL * scale;
  const data = new Uint8ClampedArray(size * size * 4);
  const test = INK_TESTS[status];
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const ink = test(Math.floor(px / scale), Math.floor(py / scale));
      const offset = (py * size + px) * 4;
      data[offset] = ink ? INK[0] : 255;
      data[offset + 1] = ink ? INK[1] : 255;
      data[offset + 2] = ink ? INK[2] : 255;
      data[offset + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}

/** The maplibre image name for a status's pattern. */
export function patternName(status: MissingStatus): string {
  return `status-${status}`;
}

/** Ink runs of one row as [start, length] pairs, so an SVG tile needs few rects. */
function inkRuns(test: InkTest, y: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = -1;
  for (let x = 0; x <= PATTERN_CELL; x++) {
    const ink = x < PATTERN_CELL && test(x, y);
    if (ink && start < 0) start = x;
    if (!ink && start >= 0) {
      runs.push([start, x - start]);
      start = -1;
    }
  }
  return runs;
}

export interface PatternRect {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
}

/** The rectangles of one pattern tile (paper, then ink runs): the same pixels as `patternImage`. */
export function patternRects(status: MissingStatus): PatternRect[] {
  const test = INK_TESTS[status];
  const rects: PatternRect[] = [{ x: 0, y: 0, width: PATTERN_CELL, height: PATTERN_CELL, fill: PAPER_HEX }];
  for (let y = 0; y < PATTERN_CELL; y++) {
    for (const [x, width] of inkRuns(test, y)) rects.push({ x, y, width, height: 1, fill: INK_HEX });
  }
  return rects;
}

/** An SVG `<pattern>` element with the same pixels as `patternImage`; `id` must be unique in the page. */
export function patternSvg(status: MissingStatus, id: string): string {
  const rects = patternRects(status).map(
    (r) => `<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" fill="${r.fill}"/>`,
  );
  return `<pattern id="${id}" width="${PATTERN_CELL}" height="${PATTERN_CELL}" patternUnits="userSpaceOnUse">${rects.join("")}</pattern>`;
}

/**
 * The small-base overlay: drawn over an area's class colour where its value rests on 1 to 4 organisations
 * (small-base.ts), so it is not read as a rate of many. Paired dark and white diagonals (the other way
 * from "no data") show on every class colour; between them the colour shows through.
 */
export const SMALL_BASE_PATTERN = "small-base";
const OVERLAY_DARK = [31, 41, 51] as const; // #1f2933
const OVERLAY_DARK_HEX = "#1f2933";
type OverlayTest = (x: number, y: number) => "dark" | "light" | null;
const SMALL_BASE_TEST: OverlayTest = (x, y) => {
  const d = (x - y + PATTERN_CELL * 2) % PATTERN_CELL;
  return d === 0 ? "dark" : d === 1 ? "light" : null;
};

/** The RGBA pixels of the small-base overlay tile (transparent between its lines). */
export function smallBaseImage(scale = 1): PatternImage {
  const size = PATTERN_CELL * scale;
  const data = new Uint8ClampedArray(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const ink = SMALL_BASE_TEST(Math.floor(px / scale), Math.floor(py / scale));
      const offset = (py * size + px) * 4;
      const rgb = ink === "dark" ? OVERLAY_DARK : [255, 255, 255];
      data[offset] = rgb[0]!;
      data[offset + 1] = rgb[1]!;
      data[offset + 2] = rgb[2]!;
      data[offset + 3] = ink ? 255 : 0;
    }
  }
  return { width: size, height: size, data };
}

/** The rectangles of the small-base overlay tile (no paper: the class colour shows between them). */
export function smallBaseRects(): PatternRect[] {
  const rects: PatternRect[] = [];
  for (let y = 0; y < PATTERN_CELL; y++) {
    for (let x = 0; x < PATTERN_CELL; x++) {
      const ink = SMALL_BASE_TEST(x, y);
      if (ink) rects.push({ x, y, width: 1, height: 1, fill: ink === "dark" ? OVERLAY_DARK_HEX : PAPER_HEX });
    }
  }
  return rects;
}

/** The small-base overlay as an SVG `<pattern>`; `id` must be unique in the page. */
export function smallBaseSvg(id: string): string {
  const rects = smallBaseRects().map(
    (r) => `<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" fill="${r.fill}"/>`,
  );
  return `<pattern id="${id}" width="${PATTERN_CELL}" height="${PATTERN_CELL}" patternUnits="userSpaceOnUse">${rects.join("")}</pattern>`;
}
