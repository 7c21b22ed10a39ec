import type { AreaValue } from "@atlas/domain";
import { type FunnelPosition, funnelPosition, proportionFunnel } from "@atlas/domain/stats";
import { line, scaleLinear } from "d3";
import { textOn } from "./contrast";
import { STATUS_FLAGS } from "./flags";
import { fitLabel, LabelSpace, labelBox, spacedTicks, textLines } from "./layout";
import { GRID, MUTED, type SvgMeta, type SvgSize, svgDocument, tag, text, titleTag } from "./svg";
import { fitText, wrapToWidth } from "./text-metrics";

export type FunnelRow = Pick<
  AreaValue,
  "code" | "name" | "value" | "numerator" | "denominator" | "status" | "organisations"
>;

export interface FunnelPlotInput {
  /** Every area at the level: those in `placed` go on the funnel, the rest are counted beneath it. */
  rows: FunnelRow[];
  /** Codes the funnel plan places (a base that reaches the comparison minimum). */
  placed: ReadonlySet<string>;
  /** The x-axis: what the denominator counts (from the funnel plan). */
  denominatorLabel: string;
  /** The smallest base placed, in words ("5 organisations"), for the note on areas left off. */
  minimumBase: string;
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

const MARGIN = { top: 20, right: 24, left: 52 };

/** Rows with a proportion: a numerator and a denominator above zero. */
export function plottable(row: FunnelRow): boolean {
  return row.status === "ok" && row.numerator !== null && row.denominator !== null && row.denominator > 0;
}

/** Why a row is not on the funnel, or null when it is. */
export function notPlacedReason(row: FunnelRow, input: Pick<FunnelPlotInput, "placed" | "minimumBase">) {
  if (input.placed.has(row.code) && plottable(row)) return null;
  if (plottable(row)) return `too few to place (under ${input.minimumBase})`;
  return STATUS_FLAGS[row.status === "ok" ? "no_data" : row.status].meaning;
}

/**
 * A funnel plot of a percentage against its denominator (named by the funnel plan), with the comparator
 * line and the exact binomial 95% and 99.8% control limits (which agree with the Clopper–Pearson comparison).
 * Only the areas the funnel plan places are drawn; the others are counted beneath with the reason.
 * Areas at the same point share one mark, sized by and numbered with how many it stands for; areas
 * without a value are counted in a note beneath instead of being dropped silently. Labels go only where
 * they collide with no other label and stay inside the figure; a marked area whose name finds no room is
 * named in the note instead.
 */
export function funnelPlot(input: FunnelPlotInput, size: SvgSize, meta: SvgMeta): string {
  const { width } = size;
  const rows = input.rows.filter((row) => notPlacedReason(row, input) === null);

  const missing = new Map<string, number>();
  for (const row of input.rows) {
    const reason = notPlacedReason(row, input);
    if (reason !== null) missing.set(reason, (missing.get(reason) ?? 0) + 1);
  }
  const missingText = [...missing].map(([reason, n]) => `${n} ${reason}`).join(", ");
  const caption = wrapToWidth(
    `${input.metricTitle}, ${input.wave}. Dashed: 95% limits; solid: 99.8% limits around ${input.target.name}. Numbers in circles: areas at the same point.`,
    width - 24,
    11,
  );
  const notPlotted = wrapToWidth(
    missing.size > 0 ? `Not plotted: ${missingText}.` : `All ${rows.length} areas plotted.`,
    width - 24,
    11,
  );
  // Placed later, once we know whether every marked area found room for its name.
  const unnamed: string[] = [];

  const bottomFor = (extraLines: number) => 44 + (caption.length + notPlotted.length + extraLines) * 13 + 6;
  // One spare line for "Marked: …" keeps the plot's size the same whether or not it is needed.
  const bottom = bottomFor(1);
  const height = Math.max(size.height, MARGIN.top + 160 + bottom);
  const maxN = Math.max(2, ...rows.map((r) => r.denominator!));
  const x = scaleLinear()
    .domain([0, maxN * 1.05])
    .nice()
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, 100])
    .range([height - bottom, MARGIN.top]);
  const plotBottom = height - bottom;
  const p0 = Math.min(1, Math.max(0, input.target.value / 100));
  // Whole denominators up to the axis end, so the limits never run past the plot.
  const funnel = proportionFunnel(p0, 1, Math.max(1, Math.floor(x.domain()[1]!)), 120);
  const body: string[] = [];
  const space = new LabelSpace({ left: 0, right: width, top: 0, bottom: plotBottom });

  for (const tick of y.ticks(5)) {
    body.push(
      tag("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(tick), y2: y(tick), stroke: GRID }),
    );
    body.push(text(MARGIN.left - 6, y(tick) + 4, `${tick}%`, { "text-anchor": "end", fill: MUTED }));
    space.take(labelBox(MARGIN.left - 6, y(tick) + 4, `${tick}%`, 13, "end"));
  }
  const xTicks = spacedTicks(x, String, 13, Math.min(8, x.domain()[1]!)).filter(Number.isInteger);
  for (const tick of xTicks) {
    body.push(text(x(tick), plotBottom + 16, String(tick), { "text-anchor": "middle", fill: MUTED }));
  }
  body.push(
    text(
      (MARGIN.left + width - MARGIN.right) / 2,
      plotBottom + 32,
      fitText(`${input.denominatorLabel} (denominator)`, width - MARGIN.left - MARGIN.right, 13),
      { "text-anchor": "middle", fill: MUTED, class: "x-axis-label" },
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
  const targetText = `${fitLabel(input.target.name, width / 2, 13, true)} ${input.target.value.toFixed(1)}%`;
  const targetY =
    y(input.target.value) - 6 < MARGIN.top + 10 ? y(input.target.value) + 16 : y(input.target.value) - 6;
  body.push(
    text(width - MARGIN.right - 4, targetY, targetText, { "text-anchor": "end", "font-weight": 600 }),
  );
  space.take(labelBox(width - MARGIN.right - 4, targetY, targetText, 13, "end", true));

  // Areas with the same numerator and denominator sit on the same spot: one mark, sized and numbered
  // with how many it stands for (small denominators make this common), named in its tooltip.
  const groups = new Map<string, FunnelRow[]>();
  for (const row of rows) {
    const key = `${row.denominator}:${row.numerator}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const marks = [...groups.values()].map((group) => {
    const first = group[0]!;
    const position = funnelPosition(first.numerator!, first.denominator!, p0);
    return {
      group,
      first,
      position,
      style: FUNNEL_STYLE[position],
      cx: x(first.denominator!),
      cy: y((first.numerator! / first.denominator!) * 100),
      radius: 4.5 + Math.min(8, Math.sqrt(group.length - 1) * 2.2),
      marked: group.filter((row) => input.highlight?.has(row.code)),
    };
  });
  // Circles first, every label above them, so no later circle hides an earlier mark's number.
  for (const m of marks) {
    const percent = ((m.first.numerator! / m.first.denominator!) * 100).toFixed(1);
    const names = m.group.map((row) => row.name).join("; ");
    body.push(
      tag("g", { class: `point ${m.position}`, "data-codes": m.group.map((row) => row.code).join(",") }, [
        titleTag(
          `${m.group.length === 1 ? m.first.name : `${m.group.length} areas (${names})`}: ${m.first.numerator} of ${m.first.denominator} (${percent}%), ${m.style.word}`,
        ),
        tag("circle", {
          cx: m.cx,
          cy: m.cy,
          r: m.radius,
          fill: m.style.fill,
          stroke: m.marked.length > 0 ? "#000000" : m.style.stroke,
          "stroke-width": m.marked.length > 0 ? 2.5 : 1.2,
        }),
      ]),
    );
  }
  const labels: string[] = [];
  for (const m of marks) {
    if (m.group.length < 2) continue;
    const count = String(m.group.length);
    const box = labelBox(m.cx, m.cy + 4, count, 10, "middle", true);
    if (box.right - box.left > m.radius * 2 - 1 || !space.free(box)) continue;
    space.take(box);
    labels.push(
      text(m.cx, m.cy + 4, count, {
        "text-anchor": "middle",
        "font-size": 10,
        "font-weight": 700,
        fill: textOn(m.style.fill),
        class: "count",
      }),
    );
  }
  // Marked points stay visible: their circles are not covered by any name.
  for (const m of marks) {
    if (m.marked.length > 0)
      space.take({
        left: m.cx - m.radius,
        right: m.cx + m.radius,
        top: m.cy - m.radius,
        bottom: m.cy + m.radius,
      });
  }
  for (const m of marks) {
    if (m.marked.length === 0) continue;
    const lone = m.marked.length === 1 && m.group.length === 1;
    const tries = lone ? [Math.min(200, width / 2), 110] : [200];
    let placed = false;
    for (const room of tries) {
      const words = lone ? fitLabel(m.first.name, room, 11, true) : `${m.marked.length} marked`;
      const gap = m.radius + 4;
      const candidates: Array<[number, number, "start" | "end" | "middle"]> = [
        [m.cx + gap, m.cy - 6, "start"],
        [m.cx + gap, m.cy + 10, "start"],
        [m.cx - gap, m.cy - 6, "end"],
        [m.cx - gap, m.cy + 10, "end"],
        [m.cx, m.cy - m.radius - 5, "middle"],
        [m.cx, m.cy + m.radius + 12, "middle"],
      ];
      const index = space.place(
        candidates.map(([lx, ly, anchor]) => labelBox(lx, ly, words, 11, anchor, true)),
      );
      if (index < 0) continue;
      const [lx, ly, anchor] = candidates[index]!;
      labels.push(text(lx, ly, words, { "font-weight": 700, "font-size": 11, "text-anchor": anchor }));
      placed = true;
      break;
    }
    if (!placed) unnamed.push(...m.marked.map((row) => row.name));
  }
  body.push(...labels);

  const notes = [
    ...caption,
    ...(unnamed.length > 0
      ? wrapToWidth(
          unnamed.length <= 2
            ? `Circled: ${unnamed.map((n) => n.replace(/ Integrated Care Board$/, " ICB")).join("; ")}.`
            : `Circled: ${unnamed.length} more marked areas (see the table).`,
          width - 24,
          11,
        ).slice(0, 1)
      : []),
  ];
  notes.forEach((line, i) => {
    body.push(text(12, plotBottom + 52 + i * 13, line, { fill: MUTED, "font-size": 11 }));
  });
  const last = plotBottom + 52 + (caption.length + 1) * 13;
  body.push(textLines(12, last, notPlotted, { fill: MUTED, "font-size": 11, class: "not-plotted" }, 13));
  return svgDocument({ width, height }, meta, body);
}
