import type { AreaValue, Comparison, Metric } from "@atlas/domain";
import { scaleLinear } from "d3";
import { boundPrefix, comparisonWord } from "../format/comparison";
import { flagKey, isSmallNumber, STATUS_FLAGS } from "./flags";
import { fitLabel, spacedTicks } from "./layout";
import { GRID, MUTED, type SvgMeta, svgDocument, tag, text, titleTag } from "./svg";
import { fitText, textWidth, wrapToWidth } from "./text-metrics";

export type DotRow = Pick<
  AreaValue,
  | "code"
  | "name"
  | "value"
  | "lower"
  | "upper"
  | "status"
  | "comparison"
  | "comparisonReason"
  | "denominator"
  | "organisations"
  | "lowerBound"
>;

export interface DotPlotInput {
  rows: DotRow[];
  comparator: { name: string; value: number | null; lower: number | null; upper: number | null } | null;
  unit: Metric["unit"];
  metricTitle: string;
  wave: string;
  /** Codes drawn with a heavier label (the selected area, or the compared ones). */
  highlight?: ReadonlySet<string>;
}

/** Colour and wording per comparison: blue/orange are safe for colour-blind readers, and the word is always printed. */
export const COMPARISON_STYLE: Record<
  Comparison,
  { fill: string; stroke: string; text: string; word: string }
> = {
  higher: { fill: "#0072B2", stroke: "#0072B2", text: "#005f94", word: "higher" },
  lower: { fill: "#D55E00", stroke: "#D55E00", text: "#a33f00", word: "lower" },
  similar: { fill: "#ffffff", stroke: "#3e4c59", text: "#52606d", word: "similar" },
  not_compared: { fill: "#9aa5b1", stroke: "#616e7c", text: "#52606d", word: "not compared" },
};

/** Below this width names go on a line of their own above each row, and the plot takes the full width. */
export const DOT_STACK_BELOW = 560;
const ROW = 22;
const STACKED_ROW = 40;
const TOP = 34;

function stacked(width: number): boolean {
  return width < DOT_STACK_BELOW;
}

/** The height a dot plot of `rows` rows needs at `width`, with `noteLines` lines of key beneath. */
export function dotPlotHeight(rows: number, noteLines = 1, width = 800): number {
  const row = stacked(width) ? STACKED_ROW : ROW;
  return TOP + Math.max(rows, 1) * row + 34 + noteLines * 13 + 4;
}

const WORD_WIDTH = Math.max(...Object.values(COMPARISON_STYLE).map((s) => textWidth(s.word, 13, true)));

/** The widest comparison word among the rows (a reason can be longer than "higher"), capped at `cap`. */
function wordWidth(rows: readonly DotRow[], cap: number): number {
  const widest = Math.max(WORD_WIDTH, ...rows.map((r) => textWidth(comparisonWord(r), 13, true)));
  return Math.min(cap, widest);
}

/** A small arrow pointing up the axis from a lower bound: the true value may be higher. */
function boundArrow(cx: number, cy: number, colour: string): string {
  return tag("path", {
    d: `M${cx + 7},${cy} h8 m-4,-4 l4,4 l-4,4`,
    fill: "none",
    stroke: colour,
    "stroke-width": 1.8,
    class: "bound-arrow",
  });
}
/**
 * A dot plot of areas against a comparator: each area's value with its 95% interval, the comparator as a
 * line with its own interval shaded, and the comparison printed in words beside each row. Missing values
 * say why in the row; values from fewer than 5 answers are flagged by their name. On a narrow screen each
 * name sits on its own line above its row, so the plot keeps the whole width.
 */
export function dotPlot(input: DotPlotInput, width: number, meta: SvgMeta): string {
  let max = input.unit === "percent" ? 100 : 0;
  if (input.unit !== "percent") {
    for (const row of input.rows) max = Math.max(max, row.upper ?? row.value ?? 0);
    max = Math.max(max, input.comparator?.upper ?? input.comparator?.value ?? 0) * 1.1 || 1;
  }
  const narrow = stacked(width);
  const rowHeight = narrow ? STACKED_ROW : ROW;
  const suffix = input.unit === "percent" ? "%" : "";
  const label = (row: DotRow, room: number) => {
    const small = isSmallNumber(input.unit, row.denominator) && row.status === "ok";
    const strong = input.highlight?.has(row.code) ?? false;
    const flag = small ? " (n<5)" : "";
    return { text: `${fitLabel(row.name, room - textWidth(flag, 13, strong), 13, strong)}${flag}`, strong };
  };
  // Wide: the name column is as wide as the longest name needs, up to 250 px or 40% of the figure.
  const nameRoom = Math.min(250, width * 0.4);
  const longest = Math.max(
    60,
    ...input.rows.map((row) => textWidth(label(row, nameRoom - 12).text, 13, input.highlight?.has(row.code))),
  );
  // Narrow: room at both ends for half of an end tick label ("100%").
  const left = narrow ? 24 : Math.min(nameRoom, longest + 14);
  const wordRoom = wordWidth(input.rows, narrow ? width * 0.55 : Math.max(WORD_WIDTH, width * 0.38));
  const right = narrow ? 24 : wordRoom + 16;
  const x = scaleLinear()
    .domain([0, max])
    .nice()
    .range([left, width - right]);
  const top = TOP;
  const plotBottom = top + Math.max(input.rows.length, 1) * rowHeight;
  const body: string[] = [];
  const tickLabel = (tick: number) => `${tick}${suffix}`;

  for (const tick of spacedTicks(x, tickLabel, 13, narrow ? 4 : 5)) {
    body.push(tag("line", { x1: x(tick), x2: x(tick), y1: top - 6, y2: plotBottom, stroke: GRID }));
    body.push(text(x(tick), plotBottom + 16, tickLabel(tick), { "text-anchor": "middle", fill: MUTED }));
  }
  const comparator = input.comparator;
  if (comparator?.value != null) {
    if (comparator.lower != null && comparator.upper != null) {
      body.push(
        tag("rect", {
          x: x(comparator.lower),
          y: top - 6,
          width: Math.max(1, x(comparator.upper) - x(comparator.lower)),
          height: plotBottom - top + 6,
          fill: "#52606d",
          "fill-opacity": 0.12,
          class: "comparator-band",
        }),
      );
    }
    body.push(
      tag("line", {
        x1: x(comparator.value),
        x2: x(comparator.value),
        y1: top - 10,
        y2: plotBottom,
        stroke: "#1f2933",
        "stroke-width": 1.5,
        "stroke-dasharray": "4 3",
        class: "comparator",
      }),
    );
    // Centred on its line, but kept inside the figure.
    const words = `${fitLabel(comparator.name, width - 80, 13, true)} ${comparator.value.toFixed(1)}${suffix}`;
    const w = textWidth(words, 13, true);
    const cx = Math.min(width - 8 - w / 2, Math.max(8 + w / 2, x(comparator.value)));
    body.push(text(cx, top - 14, words, { "text-anchor": "middle", "font-weight": 600 }));
  }

  let hasSmall = false;
  const hasBound = input.rows.some((r) => r.lowerBound && r.status === "ok");
  input.rows.forEach((row, i) => {
    const rowTop = top + i * rowHeight;
    const cy = narrow ? rowTop + 29 : rowTop + ROW / 2;
    const nameY = narrow ? rowTop + 13 : cy + 4;
    const small = isSmallNumber(input.unit, row.denominator);
    hasSmall ||= small && row.status === "ok";
    const missing = row.status !== "ok" || row.value === null;
    const style = COMPARISON_STYLE[row.comparison];
    // Narrow: the name on its own line, the comparison word at its end; wide: the name in the left column.
    const room = narrow ? width - 32 - (missing ? 0 : wordRoom + 8) : left - 12;
    const name = label(row, room);
    const parts: string[] = [
      narrow
        ? text(16, nameY, name.text, { "font-weight": name.strong ? 700 : 400 })
        : text(left - 8, nameY, name.text, { "text-anchor": "end", "font-weight": name.strong ? 700 : 400 }),
    ];
    if (missing) {
      const flag = row.status === "ok" ? STATUS_FLAGS.no_data : STATUS_FLAGS[row.status];
      parts.push(
        text(left + 4, cy + 4, fitText(`${flag.mark}  ${flag.meaning}`, width - left - 12, 13), {
          fill: MUTED,
          "font-style": "italic",
        }),
      );
    } else {
      if (row.lower !== null && row.upper !== null) {
        parts.push(
          tag("line", {
            x1: x(row.lower),
            x2: x(row.upper),
            y1: cy,
            y2: cy,
            stroke: style.stroke,
            "stroke-width": 2,
            "stroke-dasharray": small ? "3 2" : null,
            class: "interval",
          }),
        );
      }
      // A lower bound is drawn open, with an arrow towards higher values: the true value may be higher.
      parts.push(
        tag("circle", {
          cx: x(row.value!),
          cy,
          r: 5,
          fill: row.lowerBound ? "#ffffff" : style.fill,
          stroke: style.stroke,
          "stroke-width": row.lowerBound ? 2 : 1.5,
          class: `dot ${row.comparison}${row.lowerBound ? " lower-bound" : ""}`,
        }),
      );
      if (row.lowerBound) parts.push(boundArrow(x(row.value!), cy, style.stroke));
      const word = fitText(comparisonWord(row), wordRoom, 13, true);
      parts.push(
        narrow
          ? text(width - 16, nameY, word, {
              fill: style.text,
              "font-weight": 600,
              "text-anchor": "end",
              class: "comparison-word",
            })
          : text(width - right + 8, cy + 4, word, {
              fill: style.text,
              "font-weight": 600,
              class: "comparison-word",
            }),
      );
    }
    const interval =
      row.lower !== null && row.upper !== null
        ? ` (95% CI ${row.lower.toFixed(1)} to ${row.upper.toFixed(1)})`
        : "";
    const summary =
      row.value !== null && row.status === "ok"
        ? `${boundPrefix(row)}${row.value.toFixed(1)}${suffix}${interval}, ${comparisonWord(row)}`
        : STATUS_FLAGS[row.status === "ok" ? "no_data" : row.status].meaning;
    body.push(
      tag("g", { class: "row", "data-code": row.code }, [titleTag(`${row.name}: ${summary}`), ...parts]),
    );
  });

  const key = [
    flagKey(
      input.rows.map((r) => r.status),
      false,
    ),
    hasSmall ? "dotted interval, (n<5) = fewer than 5 organisations answered" : "",
    hasBound ? "open dot with arrow = a lower bound (returns missing): at least this" : "",
  ]
    .filter(Boolean)
    .join(" · ");
  const note = wrapToWidth(
    `${input.metricTitle}, ${input.wave}. Bars: 95% intervals.${key ? ` ${key}` : ""}`,
    width - 24,
    11,
  );
  const height = dotPlotHeight(input.rows.length, note.length, width);
  note.forEach((line, i) => {
    body.push(text(12, plotBottom + 34 + i * 13, line, { fill: MUTED, "font-size": 11, class: "note" }));
  });
  return svgDocument({ width, height }, meta, body);
}
