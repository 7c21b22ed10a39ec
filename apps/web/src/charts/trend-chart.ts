import type { Metric, TrendsResponse } from "@atlas/domain";
import { area, line, type ScaleLinear, type ScalePoint, scaleLinear, scalePoint } from "d3";
import { flagKey, isSmallNumber, STATUS_FLAGS, spreadLabels } from "./flags";
import { fitLabel, labelStep } from "./layout";
import {
  GRID,
  INK,
  MUTED,
  markerPath,
  SERIES_COLOURS,
  SERIES_SHAPES,
  type SvgMeta,
  type SvgSize,
  svgDocument,
  tag,
  text,
  titleTag,
} from "./svg";
import { textWidth, wrapToWidth } from "./text-metrics";

export type TrendSeries = TrendsResponse["series"][number];
type Point = TrendSeries["points"][number];

export interface TrendChartInput {
  series: TrendSeries[];
  /** Every wave in order: the x axis shows them all, so a missing point is a visible gap. */
  waves: string[];
  unit: Metric["unit"];
  metricTitle: string;
  /** A comparator (e.g. the UK) drawn as a grey dashed line in every panel of a small-multiple chart. */
  reference?: TrendSeries | null;
}

function yMax(input: TrendChartInput): number {
  if (input.unit === "percent") return 100;
  let max = 0;
  for (const s of [...input.series, ...(input.reference ? [input.reference] : [])]) {
    for (const p of s.points) max = Math.max(max, p.upper ?? p.value ?? 0);
  }
  return max > 0 ? max * 1.1 : 1;
}

const has = (x: ScalePoint<string>) => (p: Point) =>
  p.status === "ok" && p.value !== null && x(p.wave) !== undefined;

interface Frame {
  x: ScalePoint<string>;
  y: ScaleLinear<number, number>;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function axes(frame: Frame, input: TrendChartInput, waveLabels: boolean): string[] {
  const out: string[] = [];
  const suffix = input.unit === "percent" ? "%" : "";
  for (const tick of frame.y.ticks(frame.bottom - frame.top > 200 ? 5 : 3)) {
    out.push(
      tag("line", { x1: frame.left, x2: frame.right, y1: frame.y(tick), y2: frame.y(tick), stroke: GRID }),
    );
    out.push(
      text(frame.left - 6, frame.y(tick) + 4, `${tick}${suffix}`, {
        "text-anchor": "end",
        fill: MUTED,
        "font-size": 11,
      }),
    );
  }
  if (waveLabels) {
    // As many wave labels as fit without touching, counted back from the latest (always labelled).
    const spacing = input.waves.length > 1 ? frame.x(input.waves[1]!)! - frame.x(input.waves[0]!)! : 0;
    const widest = Math.max(...input.waves.map((w) => textWidth(w, 11)));
    const step = labelStep(input.waves.length, spacing, widest);
    input.waves.forEach((wave, i) => {
      if ((input.waves.length - 1 - i) % step !== 0) return;
      out.push(
        text(frame.x(wave)!, frame.bottom + 15, wave, {
          "text-anchor": "middle",
          fill: MUTED,
          "font-size": 11,
        }),
      );
    });
  }
  return out;
}

/** One series: interval band, line, points (hollow when small), flags for missing values, merger marks. */
function drawSeries(
  series: TrendSeries,
  index: number,
  frame: Frame,
  unit: Metric["unit"],
  flagRow: number,
): string {
  const { x, y } = frame;
  const colour = SERIES_COLOURS[index % SERIES_COLOURS.length]!;
  const shape = SERIES_SHAPES[index % SERIES_SHAPES.length]!;
  const drawn = has(x);
  const band = area<Point>()
    .defined((p) => drawn(p) && p.lower !== null && p.upper !== null)
    .x((p) => x(p.wave)!)
    .y0((p) => y(p.lower!))
    .y1((p) => y(p.upper!))(series.points);
  const path = line<Point>()
    .defined(drawn)
    .x((p) => x(p.wave)!)
    .y((p) => y(p.value!))(series.points);
  const group: string[] = [];
  if (band) group.push(tag("path", { d: band, fill: colour, "fill-opacity": 0.14, class: "band" }));
  if (path)
    group.push(tag("path", { d: path, fill: "none", stroke: colour, "stroke-width": 2, class: "line" }));
  for (const p of series.points) {
    const px = x(p.wave);
    if (px === undefined) continue;
    if (p.changed) {
      group.push(
        tag(
          "line",
          {
            x1: px,
            x2: px,
            y1: frame.top,
            y2: frame.bottom,
            stroke: colour,
            "stroke-dasharray": "2 3",
            class: "merger",
          },
          titleTag(`${series.name}: organisations changed (merger) before ${p.wave}`),
        ),
      );
    }
    if (drawn(p)) {
      const small = isSmallNumber(unit, p.denominator);
      group.push(
        tag(
          "path",
          {
            d: markerPath(shape, 8),
            transform: `translate(${px},${y(p.value!)})`,
            fill: small ? "#ffffff" : colour,
            stroke: colour,
            "stroke-width": 1.5,
            class: small ? "point small" : "point",
          },
          titleTag(
            `${series.name}, ${p.wave}: ${p.value!.toFixed(1)}${small ? ` (only ${p.denominator} answering)` : ""}`,
          ),
        ),
      );
    } else if (p.status !== "ok") {
      const flag = STATUS_FLAGS[p.status];
      group.push(
        tag("g", { class: `flag flag-${p.status}` }, [
          titleTag(`${series.name}, ${p.wave}: ${flag.meaning}`),
          text(px, frame.bottom - 8 - flagRow * 13, flag.mark, {
            "text-anchor": "middle",
            fill: INK,
            "font-weight": 700,
          }),
        ]),
      );
    }
  }
  return tag("g", { class: "series", "data-code": series.code }, group);
}

function drawReference(reference: TrendSeries, frame: Frame): string {
  const path = line<Point>()
    .defined(has(frame.x))
    .x((p) => frame.x(p.wave)!)
    .y((p) => frame.y(p.value!))(reference.points);
  return path
    ? tag(
        "path",
        {
          d: path,
          fill: "none",
          stroke: "#616e7c",
          "stroke-width": 1.5,
          "stroke-dasharray": "5 3",
          class: "reference",
        },
        titleTag(`${reference.name} (for reference)`),
      )
    : "";
}

/** The caption and the key to the flags, wrapped to the width: every line, nothing cut off. */
function footerLines(input: TrendChartInput, width: number): string[] {
  const statuses = input.series.flatMap((s) => s.points.map((p) => p.status));
  const hasSmall = input.series.some((s) =>
    s.points.some((p) => p.status === "ok" && isSmallNumber(input.unit, p.denominator)),
  );
  const reference = input.reference ? ` Dashed grey: ${input.reference.name}.` : "";
  return [
    ...wrapToWidth(`${input.metricTitle}: value and 95% interval band per wave.${reference}`, width - 24, 11),
    ...wrapToWidth(flagKey(statuses, hasSmall), width - 24, 11),
  ];
}

/** The footer set from the bottom edge up. */
function footer(lines: string[], height: number): string[] {
  return lines.map((line, i) =>
    text(12, height - 8 - (lines.length - 1 - i) * 13, line, {
      fill: MUTED,
      "font-size": 11,
      class: "footer",
    }),
  );
}

/** Below this width the series are named in a key under the plot instead of beside their lines. */
export const TREND_KEY_BELOW = 560;

const OVERLAY = { top: 20, right: 190, bottom: 64, left: 52 };

/**
 * Trends over waves, one line per area with its 95% interval as a band, on one set of axes. Missing
 * points break the line and carry a flag at the foot of the plot; points from fewer than 5 answers are
 * hollow; a merger in the area's organisations is a dotted line. Best for one to three series.
 */
export function trendChart(input: TrendChartInput, size: SvgSize, meta: SvgMeta): string {
  const { width } = size;
  const keyBelow = width < TREND_KEY_BELOW;
  const right = keyBelow ? 20 : OVERLAY.right;
  const notes = footerLines(input, width);
  // The key under the plot (narrow): one line per series, its marker and its name.
  const keyRows = keyBelow ? input.series.length : 0;
  const bottom = 30 + keyRows * 16 + notes.length * 13 + 8;
  const height = Math.max(size.height, OVERLAY.top + 140 + bottom);
  const frame: Frame = {
    x: scalePoint<string>()
      .domain(input.waves)
      .range([OVERLAY.left, width - right])
      .padding(0.3),
    y: scaleLinear()
      .domain([0, yMax(input)])
      .nice()
      .range([height - bottom, OVERLAY.top]),
    top: OVERLAY.top,
    bottom: height - bottom,
    left: OVERLAY.left,
    right: width - right,
  };
  const body = axes(frame, input, true);
  if (input.reference) body.push(drawReference(input.reference, frame));
  input.series.forEach((series, i) => {
    body.push(drawSeries(series, i, frame, input.unit, i));
  });
  const marker = (i: number, x: number, y: number) =>
    tag("path", {
      d: markerPath(SERIES_SHAPES[i % SERIES_SHAPES.length]!, 8),
      transform: `translate(${x},${y})`,
      fill: SERIES_COLOURS[i % SERIES_COLOURS.length]!,
    });
  if (keyBelow) {
    input.series.forEach((series, i) => {
      const y = frame.bottom + 34 + i * 16;
      body.push(
        marker(i, 16, y - 4),
        text(26, y, fitLabel(series.name, width - 38, 13, true), {
          fill: INK,
          "font-weight": 600,
          class: "series-label",
        }),
      );
    });
  } else {
    // Direct labels at each series' last drawn point, spread so they never overlap.
    const drawn = has(frame.x);
    const labelY = spreadLabels(
      input.series.map((s, i) => {
        const last = [...s.points].reverse().find(drawn);
        return last ? frame.y(last.value!) : OVERLAY.top + i * 14;
      }),
      15,
      OVERLAY.top,
      frame.bottom,
    );
    input.series.forEach((series, i) => {
      body.push(
        marker(i, width - right + 12, labelY[i]!),
        // Label text in ink (coloured text would fail contrast); the marker beside it carries the colour.
        text(width - right + 20, labelY[i]! + 4, fitLabel(series.name, right - 26, 13, true), {
          fill: INK,
          "font-weight": 600,
          class: "series-label",
        }),
      );
    });
  }
  body.push(...footer(notes, height));
  return svgDocument({ width, height }, meta, body);
}

const PANEL = { height: 170, gapX: 28, gapY: 50, left: 44, top: 8 };

/** Columns of panels for a width: three on a wide screen, two on a middling one, one on a phone. */
export function panelColumns(width: number, series: number): number {
  return Math.max(1, Math.min(series, width >= 900 ? 3 : width >= 480 ? 2 : 1));
}

/** The height a small-multiple trend chart of `series` panels needs at `width`, with its footer lines. */
export function trendPanelsHeight(series: number, width: number, footerLineCount = 2): number {
  const rows = Math.ceil(series / panelColumns(width, series));
  return PANEL.top + rows * (PANEL.height + PANEL.gapY) + 20 + footerLineCount * 13;
}

/**
 * The same trends as small multiples: one panel per area on shared axes, each with its interval band and
 * the reference (e.g. the UK) dashed for comparison. Readable with many series, where bands overlap.
 */
export function trendPanels(input: TrendChartInput, width: number, meta: SvgMeta): string {
  const cols = panelColumns(width, input.series.length);
  const notes = footerLines(input, width);
  const height = trendPanelsHeight(input.series.length, width, notes.length);
  const panelWidth = (width - PANEL.left - (cols - 1) * PANEL.gapX - 12) / cols;
  const y0 = scaleLinear()
    .domain([0, yMax(input)])
    .nice();
  const body: string[] = [];
  input.series.forEach((series, i) => {
    const col = i % cols;
    const row = Math.floor(i / cols);
    const left = PANEL.left + col * (panelWidth + PANEL.gapX);
    const top = PANEL.top + 22 + row * (PANEL.height + PANEL.gapY);
    const frame: Frame = {
      x: scalePoint<string>()
        .domain(input.waves)
        .range([left, left + panelWidth])
        .padding(0.3),
      y: y0.copy().range([top + PANEL.height - 22, top]),
      top,
      bottom: top + PANEL.height - 22,
      left,
      right: left + panelWidth,
    };
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
    const shape = SERIES_SHAPES[i % SERIES_SHAPES.length]!;
    body.push(
      tag("g", { class: "panel" }, [
        tag("path", {
          d: markerPath(shape, 9),
          transform: `translate(${left + 5},${top - 12})`,
          fill: colour,
        }),
        text(left + 14, top - 8, fitLabel(series.name, panelWidth - 16, 13, true), {
          fill: INK,
          "font-weight": 700,
          class: "series-label",
        }),
        ...axes(frame, input, true),
        input.reference && input.reference.code !== series.code ? drawReference(input.reference, frame) : "",
        drawSeries(series, i, frame, input.unit, 0),
      ]),
    );
  });
  body.push(...footer(notes, height));
  return svgDocument({ width, height }, meta, body);
}
