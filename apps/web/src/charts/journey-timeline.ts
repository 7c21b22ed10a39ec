import { type JourneyStepSchema, type Provision, STAGE_LABELS, STAGES, type Stage } from "@atlas/domain";
import { scaleBand } from "d3";
import type { z } from "zod";
import { PROVISION_COLOURS, PROVISION_SHORT, vocabularyWords } from "../format/provision";
import { textLines } from "./layout";
import { GRID, MUTED, type SvgMeta, svgDocument, tag, text, titleTag } from "./svg";
import { textWidth, wrapToWidth } from "./text-metrics";

export type JourneyStep = z.infer<typeof JourneyStepSchema>;

export interface JourneyInput {
  name: string;
  /** Every wave of the survey in order, so waves without a return show as gaps. */
  waves: string[];
  journey: JourneyStep[];
}

const LEFT = 120;
const ROWS = { provision: 40, stage: 100, champion: 202 } as const;
const EVENTS_TOP = 248;
const STAGE_STEP = 24;
const LINE = 12;

/** The narrowest wave column the across-the-page layout needs: every word under a bar must fit. */
function columnNeeded(input: JourneyInput): number {
  const words = [
    ...input.waves.map((w) => textWidth(w, 11)),
    ...Object.values(PROVISION_SHORT).flatMap((p) => p.split(" ").map((word) => textWidth(word, 11))),
    textWidth("NS", 11),
  ];
  return Math.max(38, ...words) + 6;
}

function caption(input: JourneyInput, width: number): string[] {
  return wrapToWidth(
    `${input.name}: provision, stage and pivot events in each survey wave. NS = not surveyed.`,
    width - 24,
    11,
  );
}

/**
 * One organisation's journey: provision per wave as labelled bars, stage as a step line (up is further
 * on), whether a champion was present, and the pivot events between waves (e.g. champion left,
 * funding cut, merger) written out under the wave they led to. Where the waves do not fit across the
 * figure (a phone), each wave becomes a row instead, read down the page.
 */
export function journeyTimeline(input: JourneyInput, width: number, meta: SvgMeta): string {
  const x = scaleBand<string>()
    .domain(input.waves)
    .range([LEFT, width - 12])
    .padding(0.08);
  return x.bandwidth() >= columnNeeded(input)
    ? acrossThePage(input, width, meta)
    : downThePage(input, width, meta);
}

function acrossThePage(input: JourneyInput, width: number, meta: SvgMeta): string {
  const byWave = new Map(input.journey.map((step) => [step.waveId, step]));
  const x = scaleBand<string>()
    .domain(input.waves)
    .range([LEFT, width - 12])
    .padding(0.08);
  const bw = x.bandwidth();
  // Events wrap within their wave's column.
  const eventLines = new Map(
    input.journey.map((step) => [
      step.waveId,
      step.events.map((event) => wrapToWidth(vocabularyWords(event), bw - 2, 10)),
    ]),
  );
  const maxEventLines = Math.max(
    1,
    ...[...eventLines.values()].map(
      (events) => events.reduce((n, lines) => n + lines.length, 0) + events.length - 1,
    ),
  );
  const notes = caption(input, width);
  const height = EVENTS_TOP + maxEventLines * LINE + 20 + notes.length * 13;
  const stageY = (stage: Stage) => ROWS.stage + (STAGES.length - 1 - STAGES.indexOf(stage)) * STAGE_STEP;
  const body: string[] = [
    text(LEFT - 8, ROWS.provision + 18, "Provision", { "text-anchor": "end", "font-weight": 600 }),
    text(LEFT - 8, ROWS.stage - 16, "Stage", { "text-anchor": "end", "font-weight": 600 }),
    text(LEFT - 8, ROWS.champion + 4, "Champion", { "text-anchor": "end", "font-weight": 600 }),
    text(LEFT - 8, EVENTS_TOP + 4, "Events", { "text-anchor": "end", "font-weight": 600 }),
  ];
  for (const stage of STAGES) {
    const y = stageY(stage);
    body.push(tag("line", { x1: LEFT, x2: width - 12, y1: y, y2: y, stroke: GRID }));
    body.push(
      text(LEFT - 8, y + 4, STAGE_LABELS[stage], { "text-anchor": "end", fill: MUTED, "font-size": 10 }),
    );
  }
  const stagePoints: string[] = [];
  let segment: string[] = [];
  for (const wave of input.waves) {
    const x0 = x(wave)!;
    const cx = x0 + bw / 2;
    body.push(text(cx, 18, wave, { "text-anchor": "middle", fill: MUTED, "font-size": 11 }));
    const step = byWave.get(wave);
    if (!step) {
      body.push(
        tag(
          "rect",
          {
            x: x0,
            y: ROWS.provision,
            width: bw,
            height: 12,
            fill: "none",
            stroke: "#9aa5b1",
            "stroke-dasharray": "3 3",
            class: "not-surveyed",
          },
          titleTag(`${wave}: not surveyed`),
        ),
      );
      body.push(
        text(cx, ROWS.provision + 27, "NS", { "text-anchor": "middle", fill: MUTED, "font-size": 11 }),
      );
      if (segment.length > 1) stagePoints.push(`M${segment.join("L")}`);
      segment = [];
      continue;
    }
    const provision = step.provision as Provision;
    const fill = PROVISION_COLOURS[provision];
    body.push(
      tag("g", { class: `provision provision-${provision}` }, [
        titleTag(
          `${wave}: ${PROVISION_SHORT[provision]}${step.stage ? `, ${STAGE_LABELS[step.stage]}` : ""}`,
        ),
        tag("rect", {
          x: x0,
          y: ROWS.provision,
          width: bw,
          height: 12,
          fill,
          stroke: "#3e4c59",
          "stroke-width": 0.8,
        }),
        // The word sits under the colour bar, in ink: no provision colour has to carry text. Two-word
        // answers ("No response") wrap rather than run into the next wave.
        textLines(
          cx,
          ROWS.provision + 26,
          wrapToWidth(PROVISION_SHORT[provision], bw - 4, 11),
          { "text-anchor": "middle", "font-size": 11, fill: "#1f2933" },
          LINE,
        ),
      ]),
    );
    if (step.stage) {
      const y = stageY(step.stage);
      segment.push(`${cx},${y}`);
      body.push(tag("circle", { cx, cy: y, r: 5, fill: "#1f2933", class: "stage-point" }));
    } else {
      if (segment.length > 1) stagePoints.push(`M${segment.join("L")}`);
      segment = [];
    }
    if (step.championPresent !== null) {
      body.push(
        tag(
          "circle",
          {
            cx,
            cy: ROWS.champion,
            r: 6,
            fill: step.championPresent ? "#009E73" : "#ffffff",
            stroke: "#006b4f",
            "stroke-width": 1.5,
          },
          titleTag(`${wave}: champion ${step.championPresent ? "present" : "absent"}`),
        ),
      );
      // Under the circle, so it never reaches the next wave's column.
      body.push(
        text(cx, ROWS.champion + 20, step.championPresent ? "yes" : "no", {
          "text-anchor": "middle",
          "font-size": 10,
          fill: MUTED,
        }),
      );
    }
    let line = 0;
    for (const lines of eventLines.get(wave) ?? []) {
      body.push(
        textLines(
          cx,
          EVENTS_TOP + 4 + line * LINE,
          lines,
          { "text-anchor": "middle", "font-size": 10, class: "event" },
          LINE,
        ),
      );
      line += lines.length + 1;
    }
  }
  if (segment.length > 1) stagePoints.push(`M${segment.join("L")}`);
  for (const d of stagePoints)
    body.unshift(tag("path", { d, fill: "none", stroke: "#1f2933", "stroke-width": 2, class: "stage-line" }));
  body.push(
    textLines(12, height - 10 - (notes.length - 1) * 13, notes, { fill: MUTED, "font-size": 11 }, 13),
  );
  return svgDocument({ width, height }, meta, body);
}

/**
 * The same journey read down the page, one row per wave: the wave, its provision (colour and word), its
 * stage (as a four-step gauge and in words) and, beneath, the champion and the events, wrapped.
 */
function downThePage(input: JourneyInput, width: number, meta: SvgMeta): string {
  const byWave = new Map(input.journey.map((step) => [step.waveId, step]));
  const provisionX = 52;
  const provisionWidth = Math.max(...Object.values(PROVISION_SHORT).map((p) => textWidth(p, 12))) + 22;
  const stageX = provisionX + provisionWidth + 8;
  const body: string[] = [
    text(12, 18, "Wave", { "font-weight": 600, "font-size": 11 }),
    text(provisionX, 18, "Provision", { "font-weight": 600, "font-size": 11 }),
    text(stageX, 18, "Stage", { "font-weight": 600, "font-size": 11 }),
  ];
  let y = 28;
  for (const wave of input.waves) {
    const step = byWave.get(wave);
    const top = y;
    body.push(tag("line", { x1: 12, x2: width - 12, y1: top, y2: top, stroke: GRID }));
    const base = top + 18;
    body.push(text(12, base, wave, { "font-weight": 700, "font-size": 12 }));
    if (!step) {
      body.push(
        tag(
          "rect",
          {
            x: provisionX,
            y: base - 10,
            width: 12,
            height: 12,
            fill: "none",
            stroke: "#9aa5b1",
            "stroke-dasharray": "3 3",
            class: "not-surveyed",
          },
          titleTag(`${wave}: not surveyed`),
        ),
      );
      body.push(text(provisionX + 18, base, "NS, not surveyed", { fill: MUTED, "font-size": 12 }));
      y = top + 28;
      continue;
    }
    const provision = step.provision as Provision;
    body.push(
      tag("g", { class: `provision provision-${provision}` }, [
        titleTag(
          `${wave}: ${PROVISION_SHORT[provision]}${step.stage ? `, ${STAGE_LABELS[step.stage]}` : ""}`,
        ),
        tag("rect", {
          x: provisionX,
          y: base - 10,
          width: 12,
          height: 12,
          fill: PROVISION_COLOURS[provision],
          stroke: "#3e4c59",
          "stroke-width": 0.8,
        }),
        text(provisionX + 18, base, PROVISION_SHORT[provision], { "font-size": 12 }),
      ]),
    );
    if (step.stage) {
      const level = STAGES.indexOf(step.stage);
      // A small gauge: one bar per stage, filled up to this one, so the rows read as a climb.
      for (let k = 0; k < STAGES.length; k++) {
        body.push(
          tag("rect", {
            x: stageX + k * 6,
            y: base - 4 - (k + 1) * 2.5,
            width: 4,
            height: 4 + (k + 1) * 2.5,
            fill: k <= level ? "#1f2933" : "#d9e2ec",
            class: k === level ? "stage-point" : null,
          }),
        );
      }
      body.push(text(stageX + 30, base, STAGE_LABELS[step.stage], { "font-size": 12 }));
    } else {
      body.push(text(stageX, base, "stage not given", { fill: MUTED, "font-size": 12 }));
    }
    const extra = [
      ...(step.championPresent === null ? [] : [`Champion: ${step.championPresent ? "yes" : "no"}`]),
      ...step.events.map(vocabularyWords),
    ];
    const lines = extra.length > 0 ? wrapToWidth(extra.join(" · "), width - provisionX - 12, 11) : [];
    if (step.championPresent !== null)
      body.push(
        tag(
          "circle",
          {
            cx: provisionX - 10,
            cy: base + 12,
            r: 4,
            fill: step.championPresent ? "#009E73" : "#ffffff",
            stroke: "#006b4f",
            "stroke-width": 1.5,
          },
          titleTag(`${wave}: champion ${step.championPresent ? "present" : "absent"}`),
        ),
      );
    if (lines.length > 0)
      body.push(
        textLines(provisionX, base + 16, lines, { "font-size": 11, fill: MUTED, class: "event" }, 13),
      );
    y = base + 10 + lines.length * 13;
  }
  const notes = caption(input, width);
  const height = y + 14 + notes.length * 13;
  body.push(
    textLines(12, height - 10 - (notes.length - 1) * 13, notes, { fill: MUTED, "font-size": 11 }, 13),
  );
  return svgDocument({ width, height }, meta, body);
}
