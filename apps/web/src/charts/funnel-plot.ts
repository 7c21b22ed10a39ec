import type { AreaValue } from "@atlas/domain";
import { type FunnelPosition, funnelPosition, proportionFunnel } from "@atlas/domain/stats";
import { line, scaleLinear } from "d3";
import { STATUS_FLAGS } from "./flags";
import { GRID, MUTED, type SvgMeta, type SvgSize, svgDocument, tag, text, titleTag } from "./svg";

export type FunnelRow = Pick<AreaValue, "code" | "name" | "value" | "numerator" | "denominator" | "status">;

export interface FunnelPlotInput {
  rows: FunnelRow[];
  /** The comparator's percentage (0–100) the funnel is centred on. */
  target: { name: string; value: number };
  metricTitle: string;
  wave: string;
  highlight?: ReadonlySet<string>;
}

export const FUNNEL_STYLE: Record<FunnelPosition, { fill: string; stroke: string; word: string }> = {
  above_998: { fill: "#0072B2", stroke: "#0072B2", word: "above the 99.8% limit" },
  above_95: { fill: "#56B4E9", stroke: "#0072B2", word: "above the 95% limit" },
  within: { fill: "#ffffff", stroke: "#3e4c59", word: "within the limits" },
  below_95: { fill: "#E69F00", stroke: "#b35f00", word: "below the 95% limit" },
  below_998: { fill: "#D55E00", stroke: "#D55E00", word: "below the 99.8% limit" },
};

const MARGIN = { top: 20, right: 24, bottom: 70, left: 52 };

/** Rows the funnel can place: a proportion with a numerator and a denominator above zero. */
export function plottable(row: FunnelRow): boolean {
  return row.status === "ok" && row.numerator !== null && row.denominator !== null && row.denominator > 0;
}

/**
 * A funnel plot of a percentage against its denominator (answering organisations), with the comparator
 * line and the 95% and 99.8% control limits (normal approximation, identical to the Wilson comparison).
 * Areas at the same point share one mark labelled with their number; areas without a value are counted
 * in a note beneath instead of being dropped silently.
 */
export function funnelPlot(input: FunnelPlotInput, size: SvgSize, meta: SvgMeta): string {
  const { width, height } = size;
  const rows = input.rows.filter(plottable);
  const maxN = Math.max(2, ...rows.map((r) => r.denominator!));
  const x = scaleLinear()
    .domain([0, maxN * 1.05])
    .nice()
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, 100])
    .range([height - MARGIN.bottom, MARGIN.top]);
  const p0 = Math.min(1, Math.max(0, input.target.value / 100));
  // Whole denominators up to the axis end, so the limits never run past the plot.
  const funnel = proportionFunnel(p0, 1, Math.max(1, Math.floor(x.domain()[1]!)), 120);
  const body: string[] = [];

  for (const tick of y.ticks(5)) {
    body.push(
      tag("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(tick), y2: y(tick), stroke: GRID }),
    );
    body.push(text(MARGIN.left - 6, y(tick) + 4, `${tick}%`, { "text-anchor": "end", fill: MUTED }));
  }
  for (const tick of x.ticks(Math.min(8, x.domain()[1]!)).filter(Number.isInteger)) {
    body.push(
      text(x(tick), height - MARGIN.bottom + 16, String(tick), { "text-anchor": "middle", fill: MUTED }),
    );
  }
  body.push(
    text(
      (MARGIN.left + width - MARGIN.right) / 2,
      height - MARGIN.bottom + 32,
      "Organisations answering (denominator)",
      { "text-anchor": "middle", fill: MUTED },
    ),
  );

  const limit = (pick: (p: (typeof funnel)[number]) => number) =>
    line<(typeof funnel)[number]>()
      .x((p) => x(p.denominator))
      .y((p) => y(pick(p) * 100))(funnel) ?? "";
  body.push(
    tag("g", { class: "limits", fill: "none", stroke: "#52606d" }, [
      tag("path", { d: limit((p) => p.upper998), "stroke-width": 1.5, class: "limit-998" }),
      tag("path", { d: limit((p) => p.lower998), "stroke-width": 1.5, class: "limit-998" }),
      tag("path", { d: limit((p) => p.upper95), "stroke-dasharray": "5 4", class: "limit-95" }),
      tag("path", { d: limit((p) => p.lower95), "stroke-dasharray": "5 4", class: "limit-95" }),
      tag("line", {
        x1: MARGIN.left,
        x2: width - MARGIN.right,
        y1: y(input.target.value),
        y2: y(input.target.value),
        stroke: "#1f2933",
        "stroke-width": 1.5,
        class: "target",
      }),
    ]),
  );
  body.push(
    text(
      width - MARGIN.right - 4,
      y(input.target.value) - 6,
      `${input.target.name} ${input.target.value.toFixed(1)}%`,
      { "text-anchor": "end", "font-weight": 600 },
    ),
  );

  // Areas with the same numerator and denominator sit on the same spot: one mark, sized and labelled
  // with how many it stands for (small denominators make this common), named in its tooltip.
  const groups = new Map<string, FunnelRow[]>();
  for (const row of rows) {
    const key = `${row.denominator}:${row.numerator}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const labels: string[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const position = funnelPosition(first.numerator!, first.denominator!, p0);
    const style = FUNNEL_STYLE[position];
    const cx = x(first.denominator!);
    const cy = y((first.numerator! / first.denominator!) * 100);
    const marked = group.filter((row) => input.highlight?.has(row.code));
    const radius = 4.5 + Math.min(8, Math.sqrt(group.length - 1) * 2.2);
    const percent = ((first.numerator! / first.denominator!) * 100).toFixed(1);
    const names = group.map((row) => row.name).join("; ");
    body.push(
      tag("g", { class: `point ${position}`, "data-codes": group.map((row) => row.code).join(",") }, [
        titleTag(
          `${group.length === 1 ? first.name : `${group.length} areas (${names})`}: ${first.numerator} of ${first.denominator} (${percent}%), ${style.word}`,
        ),
        tag("circle", {
          cx,
          cy,
          r: radius,
          fill: style.fill,
          stroke: marked.length > 0 ? "#000000" : style.stroke,
          "stroke-width": marked.length > 0 ? 2.5 : 1.2,
        }),
        group.length > 1
          ? text(cx + radius + 3, cy + 4, `×${group.length}`, { "font-size": 11, fill: MUTED })
          : "",
      ]),
    );
    if (marked.length === 1 && group.length === 1)
      labels.push(text(cx + radius + 4, cy - 6, first.name, { "font-weight": 700, "font-size": 11 }));
    else if (marked.length > 0)
      labels.push(
        text(cx + radius + 4, cy - 8, `${marked.length} marked`, { "font-weight": 700, "font-size": 11 }),
      );
  }
  body.push(...labels);

  const missing = new Map<string, number>();
  for (const row of input.rows) {
    if (plottable(row)) continue;
    const status = row.status === "ok" ? "no_data" : row.status;
    missing.set(status, (missing.get(status) ?? 0) + 1);
  }
  const missingText = [...missing]
    .map(([status, n]) => `${n} ${STATUS_FLAGS[status as keyof typeof STATUS_FLAGS].meaning}`)
    .join(", ");
  body.push(
    text(
      MARGIN.left,
      height - 22,
      `${input.metricTitle}, ${input.wave}. Dashed: 95% limits; solid: 99.8% limits around ${input.target.name}.`,
      { fill: MUTED, "font-size": 11 },
    ),
  );
  body.push(
    text(
      MARGIN.left,
      height - 8,
      missing.size > 0 ? `Not plotted: ${missingText}.` : `All ${rows.length} areas plotted.`,
      { fill: MUTED, "font-size": 11, class: "not-plotted" },
    ),
  );
  return svgDocument(size, meta, body);
}
