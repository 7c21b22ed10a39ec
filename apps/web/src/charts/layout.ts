/**
 * Label layout shared by the charts: names fitted to a width, axis ticks thinned until their labels
 * clear each other, column headers that wrap (or stand upright when the columns are narrow), and
 * labels placed only where they collide with nothing already placed.
 */
import { esc, tag } from "./svg";
import { fitText, textWidth, wrapToWidth } from "./text-metrics";

type Attrs = Record<string, string | number | boolean | null | undefined>;

/** A name that fits `maxWidth` px: "Integrated Care Board" said as "ICB", then cut with an ellipsis. */
export function fitLabel(name: string, maxWidth: number, fontSize = 13, bold = false): string {
  return fitText(name.replace(/ Integrated Care Board$/, " ICB"), maxWidth, fontSize, bold);
}

/** A `<text>` of several lines (tspans), the first line's baseline at `y`. */
export function textLines(x: number, y: number, lines: string[], attrs: Attrs = {}, lineHeight = 13): string {
  if (lines.length === 1) return tag("text", { x, y, ...attrs }, esc(lines[0]!));
  const spans = lines.map((line, i) => tag("tspan", { x, dy: i === 0 ? 0 : lineHeight }, esc(line)));
  return tag("text", { x, y, ...attrs }, spans);
}

/**
 * The ticks of a linear axis whose labels, centred on their positions, keep `gap` px apart: asks the
 * scale for fewer ticks until they do. Always at least the two ends' worth of information.
 */
export function spacedTicks(
  scale: { ticks: (count?: number) => number[]; (value: number): number },
  label: (tick: number) => string,
  fontSize: number,
  wanted = 5,
  gap = 8,
): number[] {
  for (let count = wanted; count >= 1; count--) {
    const ticks = scale.ticks(count);
    const clear = ticks.every((tick, i) => {
      if (i === 0) return true;
      const prev = ticks[i - 1]!;
      const room = scale(tick) - scale(prev);
      return room >= (textWidth(label(tick), fontSize) + textWidth(label(prev), fontSize)) / 2 + gap;
    });
    if (clear) return ticks;
  }
  return scale.ticks(1);
}

/** Every `step`-th of `count` evenly spaced labels, always the last: the smallest step that keeps them apart. */
export function labelStep(count: number, spacing: number, widest: number, gap = 6): number {
  if (count <= 1 || spacing <= 0) return 1;
  return Math.max(1, Math.ceil((widest + gap) / spacing));
}

export interface HeaderLayout {
  /** The SVG of the headers. */
  parts: string[];
  /** The height they take above `bottom`. */
  height: number;
}

/**
 * Column headers over cells `cellWidth` wide, centred at `centres`, standing on `bottom`: words wrapped
 * (a long word hyphenated) into at most three lines when they fit, otherwise set upright (rotated a
 * quarter turn) in one line each, so neighbouring headers never run together.
 */
export function columnHeaders(
  labels: string[],
  centres: number[],
  cellWidth: number,
  bottom: number,
  fontSize = 11,
  bold = false,
): HeaderLayout {
  const lineHeight = fontSize + 2;
  const wrapped = labels.map((label) => wrapToWidth(label, cellWidth - 6, fontSize, bold));
  const fits = wrapped.every(
    (lines) => lines.length <= 3 && lines.every((line) => textWidth(line, fontSize, bold) <= cellWidth - 6),
  );
  const weight = bold ? 600 : null;
  if (fits) {
    const most = Math.max(1, ...wrapped.map((lines) => lines.length));
    const parts = wrapped.map((lines, i) =>
      textLines(
        centres[i]!,
        bottom - (lines.length - 1) * lineHeight,
        lines,
        { "text-anchor": "middle", "font-size": fontSize, "font-weight": weight },
        lineHeight,
      ),
    );
    return { parts, height: most * lineHeight + 2 };
  }
  const tallest = Math.max(...labels.map((label) => textWidth(label, fontSize, bold)));
  const parts = labels.map((label, i) => {
    const x = centres[i]! + fontSize * 0.3;
    return tag(
      "text",
      {
        x,
        y: bottom,
        transform: `rotate(-90 ${Math.round(x * 10) / 10} ${bottom})`,
        "font-size": fontSize,
        "font-weight": weight,
      },
      esc(label),
    );
  });
  return { parts, height: tallest + 4 };
}

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The box of a one-line label, as the overlap tests measure it (text-metrics.ts). */
export function labelBox(
  x: number,
  y: number,
  text: string,
  fontSize: number,
  anchor: "start" | "middle" | "end" = "start",
  bold = false,
): Box {
  const width = textWidth(text, fontSize, bold);
  const left = anchor === "middle" ? x - width / 2 : anchor === "end" ? x - width : x;
  return { left, right: left + width, top: y - fontSize * 0.8, bottom: y + fontSize * 0.2 };
}

const overlaps = (a: Box, b: Box, pad = 1) =>
  a.left < b.right + pad && b.left < a.right + pad && a.top < b.bottom + pad && b.top < a.bottom + pad;

/** Keeps track of the labels already on a chart, so a new one goes only where it collides with none. */
export class LabelSpace {
  private readonly placed: Box[] = [];
  constructor(private readonly bounds: Box) {}

  /** Marks a label (or any box) as taken without checking. */
  take(box: Box): void {
    this.placed.push(box);
  }

  /** Whether the box is inside the bounds and clear of every label placed so far. */
  free(box: Box): boolean {
    const b = this.bounds;
    if (box.left < b.left || box.right > b.right || box.top < b.top || box.bottom > b.bottom) return false;
    return !this.placed.some((p) => overlaps(p, box));
  }

  /** Takes the first free box of the candidates and returns its index, or -1 when none is free. */
  place(candidates: Box[]): number {
    const index = candidates.findIndex((box) => this.free(box));
    if (index >= 0) this.placed.push(candidates[index]!);
    return index;
  }
}
