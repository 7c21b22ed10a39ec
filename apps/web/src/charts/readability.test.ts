import { readFileSync } from "node:fs";
import {
  BARRIERS,
  blankReturn,
  FACILITATORS,
  JOURNEY_EVENTS,
  STAGES,
  TRANSITION_PROVISION_BUCKETS,
  TRANSITION_STAGE_BUCKETS,
} from "@atlas/domain";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { dotPlot } from "./dot-plot";
import { factorsChart } from "./factors-chart";
import { funnelPlot } from "./funnel-plot";
import { type JourneyStep, journeyTimeline } from "./journey-timeline";
import { labelsOutside, overlappingLabels } from "./label-boxes";
import { areaValue, meta } from "./test-fixtures";
import { transitionsMatrix } from "./transitions-matrix";
import { type TrendSeries, trendChart, trendPanels } from "./trend-chart";

/**
 * Every chart stays readable at every width it is drawn at, from a phone (about 300 px of content) to
 * a wide desktop and the 720 px of a download: no two labels overlap and none leaves the figure. Label
 * boxes are measured from the chart's own SVG (label-boxes.ts); the browser tests check the real glyphs.
 */
const WIDTHS = [300, 340, 390, 480, 600, 720, 900, 1240];

const areas = parse(readFileSync(new URL("../../../../data/reference/areas.csv", import.meta.url), "utf8"), {
  columns: true,
}) as Array<{ code: string; name: string; level: string }>;
const atLevel = (level: string) => areas.filter((a) => a.level === level);

/** Values spread over 0–100 with every kind of missing value and a few small denominators. */
function rowsFor(level: string) {
  return atLevel(level).map((a, i) => {
    const missing = (["suppressed", "no_data", "not_surveyed", "not_applicable"] as const)[i % 13];
    if (i % 13 < 4 && i > 3) return { ...areaValue(a.code, null, { status: missing! }), name: a.name };
    const denominator = 1 + (i % 9);
    const numerator = Math.round((((i * 37) % 100) / 100) * denominator);
    const value = (numerator / denominator) * 100;
    return {
      ...areaValue(a.code, value, {
        numerator,
        denominator,
        lower: Math.max(0, value - 30),
        upper: Math.min(100, value + 25),
        comparison: (["higher", "similar", "lower", "not_compared"] as const)[i % 4],
      }),
      name: a.name,
    };
  });
}

function expectReadable(svg: string, what: string) {
  expect(overlappingLabels(svg), `${what}: overlapping labels`).toEqual([]);
  expect(labelsOutside(svg), `${what}: labels outside the figure`).toEqual([]);
}

const WAVES = ["2012", "2014", "2016", "2018", "2020", "2022", "2024", "2026"];
const series = (code: string, name: string, shift: number): TrendSeries => ({
  code,
  name,
  points: WAVES.map((wave, i) => {
    const value = i === 3 ? null : Math.min(100, 20 + shift + i * 8);
    return {
      wave,
      value,
      lower: value === null ? null : Math.max(0, value - 15),
      upper: value === null ? null : Math.min(100, value + 15),
      numerator: value === null ? null : 3,
      denominator: value === null ? null : i === 1 ? 3 : 8,
      status: value === null ? ("suppressed" as const) : ("ok" as const),
      changed: i === 5,
    };
  }),
});
const LONG = "NHS Staffordshire and Stoke-on-Trent Integrated Care Board";

describe.each(WIDTHS)("charts at %i px", (width) => {
  it("dot plot of every region and of every local area", () => {
    for (const level of ["region", "local"]) {
      const rows = rowsFor(level);
      const svg = dotPlot(
        {
          rows,
          comparator: { name: "United Kingdom", value: 59.4, lower: 55.1, upper: 63.0 },
          unit: "percent",
          metricTitle: "Organisations offering MBCT",
          wave: "2026",
          highlight: new Set([rows[2]!.code]),
        },
        width,
        meta("dots"),
      );
      expectReadable(svg, `dot plot (${level})`);
    }
  });

  it("funnel plot of every local area, some of them marked", () => {
    const rows = rowsFor("local");
    const svg = funnelPlot(
      {
        rows,
        placed: new Set(rows.map((r) => r.code)),
        denominatorLabel: "Answering organisations",
        minimumBase: "5 organisations",
        target: { name: "United Kingdom", value: 59.4 },
        metricTitle: "Organisations offering MBCT",
        wave: "2026",
        highlight: new Set(rows.filter((r) => r.code.startsWith("E540000")).map((r) => r.code)),
      },
      { width, height: 440 },
      meta("funnel"),
    );
    expectReadable(svg, "funnel");
    const one = funnelPlot(
      {
        rows,
        placed: new Set(rows.map((r) => r.code)),
        denominatorLabel: "Answering organisations",
        minimumBase: "5 organisations",
        target: { name: "United Kingdom", value: 59.4 },
        metricTitle: "Organisations offering MBCT",
        wave: "2026",
        highlight: new Set(["E54000054"]),
      },
      { width, height: 440 },
      meta("funnel-one"),
    );
    expectReadable(one, "funnel with one marked area");
  });

  it("journey timeline of an organisation with events in most waves", () => {
    const events = [...JOURNEY_EVENTS];
    const journey: JourneyStep[] = WAVES.filter((w) => w !== "2018").map((wave, i) => {
      const { orgCode: _org, ...blank } = blankReturn(
        wave,
        "RX4",
        (["limited", "routine", "paused", "none"] as const)[i % 4]!,
      );
      return {
        ...blank,
        stage: STAGES[i % STAGES.length]!,
        championPresent: i % 3 === 0 ? null : i % 2 === 0,
        events: i % 2 ? [events[i % events.length]!, events[(i + 3) % events.length]!] : [events[i]!],
      };
    });
    const svg = journeyTimeline(
      { name: "Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust", waves: WAVES, journey },
      width,
      meta("journey"),
    );
    expectReadable(svg, "journey");
  });

  it("transition matrices of every stage and provision bucket", () => {
    for (const [kind, buckets] of [
      ["stage", TRANSITION_STAGE_BUCKETS],
      ["provision", TRANSITION_PROVISION_BUCKETS],
    ] as const) {
      const transitions = buckets.flatMap((from, i) =>
        buckets.map((to, j) => ({ from, to, count: (i * 7 + j * 3) % 23 })),
      );
      const svg = transitionsMatrix(
        { fromWave: "2024", toWave: "2026", transitions, kind },
        Math.min(width, 820),
        meta(`matrix-${kind}`),
      );
      expectReadable(svg, `${kind} matrix`);
    }
  });

  it("facilitators and barriers by stage", () => {
    const stages = STAGES.map((stage, i) => ({ stage, organisations: [3, 12, 40, 25][i]! }));
    const factors = [
      ...FACILITATORS.map((factor, i) => ({ kind: "facilitator" as const, factor, i })),
      ...BARRIERS.map((factor, i) => ({ kind: "barrier" as const, factor, i })),
    ].map(({ kind, factor, i }) => ({
      kind,
      factor,
      byStage: stages.map((s, j) => ({
        stage: s.stage,
        count: Math.min(s.organisations, (i * 5 + j) % 30),
        share: null,
      })),
      total: 100 - i,
    }));
    for (const kind of ["facilitator", "barrier"] as const) {
      const svg = factorsChart(
        { wave: "2026", kind, stages, factors },
        Math.min(width, 820),
        meta(`f-${kind}`),
      );
      expectReadable(svg, `${kind}s`);
    }
  });

  it("trend chart of the UK and an area, and small multiples of six areas", () => {
    const input = {
      series: [series("K02000001", "United Kingdom", 0), series("E54000010", LONG, 10)],
      waves: WAVES,
      unit: "percent" as const,
      metricTitle: "Organisations offering MBCT",
      reference: series("K02000001", "United Kingdom", 0),
    };
    expectReadable(trendChart(input, { width, height: 340 }, meta("trend")), "trend");
    const six = {
      ...input,
      series: atLevel("region")
        .slice(0, 6)
        .map((a, i) => series(a.code, a.name, i * 5)),
    };
    expectReadable(trendPanels(six, width, meta("panels")), "small multiples");
  });
});
