import type { AreaValue, Comparison, Metric } from "@atlas/domain";
import { scaleLinear } from "d3";
import { flagKey, isSmallNumber, STATUS_FLAGS } from "./flags";
import { fitName, GRID, MUTED, type SvgMeta, svgDocument, tag, text, titleTag, wrapWords } from "./svg";

export type DotRow = Pick<
  AreaValue,
  "code" | "name" | "value" | "lower" | "upper" | "status" | "comparison" | "denominator"
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

const ROW = 22;
const MARGIN = { top: 34, right: 96, left: 250 };

/** The height a dot plot of `rows` rows needs. */
export function dotPlotHeight(rows: number, noteLines = 1): number {
  return MARGIN.top + Math.max(rows, 1) * ROW + 34 + noteLines * 13 + 4;
}

/** Characters of a name that fit in the left margin at 13 px (about 7.5 px each in a wide sans). */
const NAME_CHARS = Math.floor((MARGIN.left - 12) / 7.5);

/**
 * A dot plot of areas against a comparator: each area's value with its 95% interval, the comparator as a
 * line with its own interval shaded, and the comparison printed in words beside each row. Missing values
 * say why in the row; values from fewer than 5 answers are flagged by their name.
 */
export function dotPlot(input: DotPlotInput, width: number, meta: SvgMeta): string {
  let max = input.unit === "percent" ? 100 : 0;
  if (input.unit !== "percent") {
    for (const row of input.rows) max = Math.max(max, row.upper ?? row.value ?? 0);
    max = Math.max(max, input.comparator?.upper ?? input.comparator?.value ?? 0) * 1.1 || 1;
  }
  const x = scaleLinear()
    .domain([0, max])
    .nice()
    .range([MARGIN.left, width - MARGIN.right]);
  const plotBottom = MARGIN.top + Math.max(input.rows.length, 1) * ROW;
  const body: string[] = [];
  const suffix = input.unit === "percent" ? "%" : "";

  for (const tick of x.ticks(5)) {
    body.push(tag("line", { x1: x(tick), x2: x(tick), y1: MARGIN.top - 6, y2: plotBottom, stroke: GRID }));
    body.push(text(x(tick), plotBottom + 16, `${tick}${suffix}`, { "text-anchor": "middle", fill: MUTED }));
  }
  const comparator = input.comparator;
  if (comparator?.value != null) {
    if (comparator.lower != null && comparator.upper != null) {
      body.push(
        tag("rect", {
          x: x(comparator.lower),
          y: MARGIN.top - 6,
          width: Math.max(1, x(comparator.upper) - x(comparator.lower)),
          height: plotBottom - MARGIN.top + 6,
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
        y1: MARGIN.top - 10,
        y2: plotBottom,
        stroke: "#1f2933",
        "stroke-width": 1.5,
        "stroke-dasharray": "4 3",
        class: "comparator",
      }),
    );
    body.push(
      text(
        x(comparator.value),
        MARGIN.top - 14,
        `${comparator.name} ${comparator.value.toFixed(1)}${suffix}`,
        { "text-anchor": "middle", "font-weight": 600 },
      ),
    );
  }

  let hasSmall = false;
  input.rows.forEach((row, i) => {
    const cy = MARGIN.top + i * ROW + ROW / 2;
    const small = isSmallNumber(input.unit, row.denominator);
    hasSmall ||= small && row.status === "ok";
    const strong = input.highlight?.has(row.code);
    const flagged = small && row.status === "ok";
    const parts: string[] = [
      text(
        MARGIN.left - 8,
        cy + 4,
        flagged ? `${fitName(row.name, NAME_CHARS - 6)} (n<5)` : fitName(row.name, NAME_CHARS),
        {
          "text-anchor": "end",
          "font-weight": strong ? 700 : 400,
        },
      ),
    ];
    if (row.status !== "ok" || row.value === null) {
      const flag = row.status === "ok" ? STATUS_FLAGS.no_data : STATUS_FLAGS[row.status];
      parts.push(
        text(MARGIN.left + 4, cy + 4, `${flag.mark}  ${flag.meaning}`, {
          fill: MUTED,
          "font-style": "italic",
        }),
      );
    } else {
      const style = COMPARISON_STYLE[row.comparison];
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
      parts.push(
        tag("circle", {
          cx: x(row.value),
          cy,
          r: 5,
          fill: style.fill,
          stroke: style.stroke,
          "stroke-width": 1.5,
          class: `dot ${row.comparison}`,
        }),
      );
      parts.push(
        text(width - MARGIN.right + 8, cy + 4, style.word, {
          fill: style.text,
          "font-weight": 600,
        }),
      );
    }
    const interval =
      row.lower !== null && row.upper !== null
        ? ` (95% CI ${row.lower.toFixed(1)} to ${row.upper.toFixed(1)})`
        : "";
    const summary =
      row.value !== null && row.status === "ok"
        ? `${row.value.toFixed(1)}${suffix}${interval}, ${COMPARISON_STYLE[row.comparison].word}`
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
  ]
    .filter(Boolean)
    .join(" · ");
  const note = wrapWords(
    `${input.metricTitle}, ${input.wave}. Bars: 95% intervals.${key ? ` ${key}` : ""}`,
    Math.floor((width - 24) / 6),
  );
  const height = dotPlotHeight(input.rows.length, note.length);
  note.forEach((line, i) => {
    body.push(text(12, plotBottom + 34 + i * 13, line, { fill: MUTED, "font-size": 11, class: "note" }));
  });
  return svgDocument({ width, height }, meta, body);
}
