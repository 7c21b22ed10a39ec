import type { Metric, TrendsResponse } from "@atlas/domain";
import { area, line, scaleLinear, scalePoint } from "d3";
import { flagKey, isSmallNumber, STATUS_FLAGS, spreadLabels } from "./flags";
import {
  GRID,
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

export type TrendSeries = TrendsResponse["series"][number];
type Point = TrendSeries["points"][number];

export interface TrendChartInput {
  series: TrendSeries[];
  /** Every wave in order: the x axis shows them all, so a missing point is a visible gap. */
  waves: string[];
  unit: Metric["unit"];
  metricTitle: string;
}

const MARGIN = { top: 20, right: 150, bottom: 64, left: 52 };

function yMax(input: TrendChartInput): number {
  if (input.unit === "percent") return 100;
  let max = 0;
  for (const s of input.series) for (const p of s.points) max = Math.max(max, p.upper ?? p.value ?? 0);
  return max > 0 ? max * 1.1 : 1;
}

/**
 * Trends over waves, one line per area with its 95% interval as a band. Missing points break the line
 * and carry a flag at the foot of the plot; points from fewer than 5 answers are hollow; a merger in the
 * area's organisations is a dotted line.
 */
export function trendChart(input: TrendChartInput, size: SvgSize, meta: SvgMeta): string {
  const { width, height } = size;
  const x = scalePoint<string>()
    .domain(input.waves)
    .range([MARGIN.left, width - MARGIN.right])
    .padding(0.3);
  const y = scaleLinear()
    .domain([0, yMax(input)])
    .nice()
    .range([height - MARGIN.bottom, MARGIN.top]);
  const plotBottom = height - MARGIN.bottom;
  const body: string[] = [];

  for (const tick of y.ticks(5)) {
    body.push(tag("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(tick), y2: y(tick), stroke: GRID }));
    body.push(text(MARGIN.left - 6, y(tick) + 4, `${tick}${input.unit === "percent" ? "%" : ""}`, { "text-anchor": "end", fill: MUTED }));
  }
  for (const wave of input.waves) {
    body.push(text(x(wave)!, plotBottom + 16, wave, { "text-anchor": "middle", fill: MUTED }));
  }

  const has = (p: Point) => p.status === "ok" && p.value !== null && x(p.wave) !== undefined;
  const hasBand = (p: Point) => has(p) && p.lower !== null && p.upper !== null;
  // Direct labels at each series' last drawn point, spread so they never overlap.
  const labelY = spreadLabels(
    input.series.map((series, i) => {
      const last = [...series.points].reverse().find(has);
      return last ? y(last.value!) : MARGIN.top + i * 14;
    }),
    14,
    MARGIN.top,
    plotBottom,
  );
  const statuses = input.series.flatMap((s) => s.points.map((p) => p.status));
  const hasSmall = input.series.some((s) => s.points.some((p) => has(p) && isSmallNumber(input.unit, p.denominator)));
  input.series.forEach((series, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
    const shape = SERIES_SHAPES[i % SERIES_SHAPES.length]!;
    const band = area<Point>()
      .defined(hasBand)
      .x((p) => x(p.wave)!)
      .y0((p) => y(p.lower!))
      .y1((p) => y(p.upper!))(series.points);
    const path = line<Point>()
      .defined(has)
      .x((p) => x(p.wave)!)
      .y((p) => y(p.value!))(series.points);
    const group: string[] = [];
    if (band) group.push(tag("path", { d: band, fill: colour, "fill-opacity": 0.15, class: "band" }));
    if (path) group.push(tag("path", { d: path, fill: "none", stroke: colour, "stroke-width": 2, class: "line" }));
    for (const p of series.points) {
      const px = x(p.wave);
      if (px === undefined) continue;
      if (p.changed) {
        group.push(
          tag("line", { x1: px, x2: px, y1: MARGIN.top, y2: plotBottom, stroke: colour, "stroke-dasharray": "2 3", class: "merger" }, titleTag(`${series.name}: organisations changed (merger) before ${p.wave}`)),
        );
      }
      if (has(p)) {
        const small = isSmallNumber(input.unit, p.denominator);
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
            titleTag(`${series.name}, ${p.wave}: ${p.value!.toFixed(1)}${small ? ` (only ${p.denominator} answering)` : ""}`),
          ),
        );
      } else if (p.status !== "ok") {
        const flag = STATUS_FLAGS[p.status];
        const fy = plotBottom - 8 - i * 13;
        group.push(
          tag("g", { class: `flag flag-${p.status}` }, [
            titleTag(`${series.name}, ${p.wave}: ${flag.meaning}`),
            text(px, fy, flag.mark, { "text-anchor": "middle", fill: colour, "font-weight": 700 }),
          ]),
        );
      }
    }
    const ly = labelY[i]!;
    group.push(
      tag("path", { d: markerPath(shape, 8), transform: `translate(${width - MARGIN.right + 12},${ly})`, fill: colour }),
      text(width - MARGIN.right + 20, ly + 4, series.name.length > 22 ? `${series.name.slice(0, 21)}…` : series.name, { fill: colour, "font-weight": 600 }),
    );
    body.push(tag("g", { class: "series", "data-code": series.code }, group));
  });

  body.push(text(MARGIN.left, height - 24, `${input.metricTitle}: value and 95% interval band per wave.`, { fill: MUTED, "font-size": 11 }));
  body.push(text(MARGIN.left, height - 8, flagKey(statuses, hasSmall), { fill: MUTED, "font-size": 10 }));
  return svgDocument(size, meta, body);
}
