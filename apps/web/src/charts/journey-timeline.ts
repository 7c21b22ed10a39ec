import { type JourneyStepSchema, type Provision, STAGE_LABELS, STAGES, type Stage } from "@atlas/domain";
import { scaleBand } from "d3";
import type { z } from "zod";
import { PROVISION_COLOURS, PROVISION_SHORT, vocabularyWords } from "../format/provision";
import { GRID, MUTED, type SvgMeta, svgDocument, tag, text, titleTag } from "./svg";

export type JourneyStep = z.infer<typeof JourneyStepSchema>;

export interface JourneyInput {
  name: string;
  /** Every wave of the survey in order, so waves without a return show as gaps. */
  waves: string[];
  journey: JourneyStep[];
}

const LEFT = 120;
const ROWS = { provision: 40, stage: 100, champion: 202, events: 232 } as const;
const STAGE_STEP = 24;

/**
 * One organisation's journey: provision per wave as labelled bars, stage as a step line (up is further
 * on), whether a champion was present, and the pivot events between waves (e.g. champion left,
 * funding cut, merger) written out under the wave they led to.
 */
export function journeyTimeline(input: JourneyInput, width: number, meta: SvgMeta): string {
  const byWave = new Map(input.journey.map((step) => [step.waveId, step]));
  const x = scaleBand<string>()
    .domain(input.waves)
    .range([LEFT, width - 12])
    .padding(0.08);
  const bw = x.bandwidth();
  const maxEvents = Math.max(1, ...input.journey.map((s) => s.events.length));
  const height = ROWS.events + maxEvents * 14 + 36;
  const stageY = (stage: Stage) => ROWS.stage + (STAGES.length - 1 - STAGES.indexOf(stage)) * STAGE_STEP;
  const body: string[] = [
    text(LEFT - 8, ROWS.provision + 18, "Provision", { "text-anchor": "end", "font-weight": 600 }),
    text(LEFT - 8, ROWS.stage - 16, "Stage", { "text-anchor": "end", "font-weight": 600 }),
    text(LEFT - 8, ROWS.champion + 4, "Champion", { "text-anchor": "end", "font-weight": 600 }),
    text(LEFT - 8, ROWS.events + 4, "Events", { "text-anchor": "end", "font-weight": 600 }),
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
    body.push(text(cx, 18, wave, { "text-anchor": "middle", fill: MUTED }));
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
        // The word sits under the colour bar, in ink: no provision colour has to carry text.
        text(cx, ROWS.provision + 27, PROVISION_SHORT[provision], {
          "text-anchor": "middle",
          "font-size": bw < 70 ? 10 : 11,
          fill: "#1f2933",
        }),
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
      body.push(
        text(cx + 10, ROWS.champion + 4, step.championPresent ? "yes" : "no", {
          "font-size": 10,
          fill: MUTED,
        }),
      );
    }
    step.events.forEach((event, k) => {
      body.push(
        text(cx, ROWS.events + 4 + k * 14, vocabularyWords(event), {
          "text-anchor": "middle",
          "font-size": 10,
          class: "event",
        }),
      );
    });
  }
  if (segment.length > 1) stagePoints.push(`M${segment.join("L")}`);
  for (const d of stagePoints)
    body.unshift(tag("path", { d, fill: "none", stroke: "#1f2933", "stroke-width": 2, class: "stage-line" }));
  body.push(
    text(
      12,
      height - 10,
      `${input.name}: provision, stage and pivot events in each survey wave. NS = not surveyed.`,
      { fill: MUTED, "font-size": 11 },
    ),
  );
  return svgDocument({ width, height }, meta, body);
}
