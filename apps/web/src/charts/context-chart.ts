import type { ContextSeries } from "@atlas/domain";
import { csvField } from "@atlas/domain";
import { scaleBand, scaleLinear } from "d3";
import { formatCount } from "../format/number";
import { GRID, MUTED, type SvgMeta, svgDocument, tag, text, titleTag } from "./svg";
import type { TableData } from "./tables";
import { fitText, textWidth, wrapToWidth } from "./text-metrics";

/**
 * The real national context beside the synthetic survey trend: columns, not lines, in a colour the survey
 * charts never use, with "real published data" on the figure, so it is never read as a survey series.
 */
export const CONTEXT_FILL = "#7a4e9c";
export const REAL_DATA_BADGE = "Real published data (not synthetic)";

/** The figure's own attribution: its source, period and licence, printed on it and on every download. */
export function contextAttribution(series: ContextSeries): {
  period: string;
  source: string;
  licence: string;
} {
  const first = series.points[0]?.period ?? "";
  const last = series.points.at(-1)?.period ?? "";
  return {
    period: first === last ? first : `${first} to ${last} (financial years, April to March)`,
    source: `${series.publisher}: ${series.source}`,
    licence: `${series.licence} (${series.licenceUrl})`,
  };
}

const TOP = 46;
const LEFT = 64;
const RIGHT = 16;
const PLOT = 170;

/** Columns of the context series by period, each labelled with its count; source and licence beneath. */
export function contextChart(series: ContextSeries, width: number, meta: SvgMeta): string {
  const { period } = contextAttribution(series);
  const notes = [
    ...wrapToWidth(`${series.measure}`, width - 24, 11),
    ...wrapToWidth(`${series.differsFromSurvey}`, width - 24, 11),
    ...wrapToWidth(
      `Source: ${series.publisher}, ${series.geography}, ${period}. ${series.licence}.`,
      width - 24,
      11,
    ),
  ];
  const plotBottom = TOP + PLOT;
  const height = plotBottom + 30 + notes.length * 13 + 8;
  const max = Math.max(1, ...series.points.map((p) => p.value));
  const x = scaleBand<string>()
    .domain(series.points.map((p) => p.period))
    .range([LEFT, width - RIGHT])
    .padding(0.28);
  const y = scaleLinear()
    .domain([0, max * 1.12])
    .nice()
    .range([plotBottom, TOP]);
  const body: string[] = [
    tag("rect", { x: 8, y: 8, width: width - 16, height: 22, rx: 3, fill: "#f3ecf8", stroke: CONTEXT_FILL }),
    text(16, 23, fitText(REAL_DATA_BADGE, width - 32, 12, true), {
      "font-size": 12,
      "font-weight": 700,
      fill: "#4b2a66",
      class: "real-data-badge",
    }),
  ];
  for (const tick of y.ticks(4)) {
    body.push(tag("line", { x1: LEFT, x2: width - RIGHT, y1: y(tick), y2: y(tick), stroke: GRID }));
    // The baseline needs no "0", which would crowd the first period's label.
    if (tick > 0)
      body.push(text(LEFT - 6, y(tick) + 4, formatCount(tick), { "text-anchor": "end", fill: MUTED }));
  }
  const band = x.bandwidth();
  // Period labels thin out on a narrow figure: every other one (or fewer) when they would touch.
  const labelWidth = Math.max(...series.points.map((p) => textWidth(p.period, 13)));
  const every = Math.max(1, Math.ceil((labelWidth + 8) / x.step()));
  series.points.forEach((p, i) => {
    const left = x(p.period)!;
    const value = formatCount(p.value);
    body.push(
      tag("g", { class: "context-bar", "data-period": p.period }, [
        titleTag(`${p.period}: ${value} ${series.unit} (${series.geography})`),
        tag("rect", {
          x: left,
          y: y(p.value),
          width: band,
          height: plotBottom - y(p.value),
          fill: CONTEXT_FILL,
        }),
        band >= 34
          ? text(left + band / 2, y(p.value) - 4, value, { "text-anchor": "middle", "font-size": 11 })
          : "",
      ]),
    );
    if (i % every === 0)
      body.push(text(left + band / 2, plotBottom + 16, p.period, { "text-anchor": "middle", fill: MUTED }));
  });
  notes.forEach((line, i) => {
    body.push(text(12, plotBottom + 34 + i * 13, line, { fill: MUTED, "font-size": 11, class: "note" }));
  });
  return svgDocument({ width, height }, meta, body);
}

/** The table alternative: every period's count, and the count over every therapy type for scale. */
export function contextTable(series: ContextSeries): TableData {
  return {
    caption: `${series.title}: ${series.unit} by financial year (real published data, ${series.licence})`,
    columns: [
      "Financial year",
      "From",
      "To",
      `Mindfulness ${series.unit}`,
      `All therapy types, ${series.unit}`,
    ],
    rows: series.points.map((p) => [
      p.period,
      p.start,
      p.end,
      formatCount(p.value),
      formatCount(p.allTherapyTypes),
    ]),
  };
}

/**
 * The series as CSV, shaped like the atlas's other CSV downloads: the header first, then a row per period
 * ending with its provenance (synthetic, notice, source, licence, attribution, exported_at).
 */
export function contextCsv(series: ContextSeries, exportedAt: string): string {
  const header = [
    "series",
    "period",
    "start",
    "end",
    "geography",
    "unit",
    "value",
    "all_therapy_types",
    "synthetic",
    "notice",
    "source",
    "licence",
    "attribution",
    "exported_at",
  ];
  const rows = series.points.map((p) => [
    series.id,
    p.period,
    p.start,
    p.end,
    series.geography,
    series.unit,
    String(p.value),
    String(p.allTherapyTypes),
    "no",
    series.differsFromSurvey,
    series.source,
    `${series.licence} (${series.licenceUrl})`,
    series.attribution,
    exportedAt,
  ]);
  return `${[header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}
