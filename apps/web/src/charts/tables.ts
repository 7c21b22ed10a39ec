import { STAGE_LABELS, STATUS_WORDS } from "@atlas/domain";
import { funnelPosition } from "@atlas/domain/stats";
import { boundPrefix, comparisonWord } from "../format/comparison";
import { PROVISION_SHORT, vocabularyWords } from "../format/provision";
import type { DotPlotInput } from "./dot-plot";
import { type FactorsInput, factorShare } from "./factors-chart";
import { FUNNEL_STYLE, type FunnelPlotInput, notPlacedReason, plottable } from "./funnel-plot";
import type { JourneyInput } from "./journey-timeline";
import { orderCategories, type TransitionsInput } from "./transitions-matrix";
import type { TrendChartInput } from "./trend-chart";

/** The table behind a chart: every chart offers one, for screen readers and for reading exact values. */
export interface TableData {
  caption: string;
  columns: string[];
  rows: string[][];
}

const num = (n: number | null | undefined, digits = 1) => (n == null ? "—" : n.toFixed(digits));

export function trendTable(input: TrendChartInput): TableData {
  return {
    caption: `${input.metricTitle} by wave: value, 95% interval and status`,
    columns: ["Area", "Wave", "Value", "Lower", "Upper", "Numerator", "Denominator", "Status", "Merger"],
    rows: input.series.flatMap((s) =>
      s.points.map((p) => [
        s.name,
        p.wave,
        p.value === null ? num(p.value) : `${boundPrefix(p)}${num(p.value)}`,
        num(p.lower),
        num(p.upper),
        num(p.numerator, 0),
        num(p.denominator, 0),
        STATUS_WORDS[p.status],
        p.changed ? "organisations changed" : "",
      ]),
    ),
  };
}

export function dotTable(input: DotPlotInput): TableData {
  return {
    caption: `${input.metricTitle}, ${input.wave}, against ${input.comparator?.name ?? "the comparator"} (${num(input.comparator?.value)})`,
    columns: ["Area", "Value", "Lower", "Upper", "Denominator", "Organisations", "Compared", "Status"],
    rows: input.rows.map((r) => [
      r.name,
      r.value === null ? num(r.value) : `${boundPrefix(r)}${num(r.value)}`,
      num(r.lower),
      num(r.upper),
      num(r.denominator, 0),
      num(r.organisations, 0),
      comparisonWord(r),
      STATUS_WORDS[r.status],
    ]),
  };
}

export function funnelTable(input: FunnelPlotInput): TableData {
  const p0 = input.target.value / 100;
  return {
    caption: `${input.metricTitle}, ${input.wave}: every area against the funnel around ${input.target.name} (${num(input.target.value)}%)`,
    columns: [
      "Area",
      "Numerator",
      `Denominator: ${input.denominatorLabel}`,
      "Organisations",
      "Percentage",
      "Position",
    ],
    rows: input.rows.map((r) => {
      const reason = notPlacedReason(r, input);
      const counts = plottable(r)
        ? [
            String(r.numerator),
            String(r.denominator),
            num(r.organisations, 0),
            num((r.numerator! / r.denominator!) * 100),
          ]
        : ["—", "—", num(r.organisations, 0), "—"];
      return [
        r.name,
        ...counts,
        reason === null
          ? FUNNEL_STYLE[funnelPosition(r.numerator!, r.denominator!, p0)].word
          : `not plotted: ${reason}`,
      ];
    }),
  };
}

export function transitionsTable(input: TransitionsInput): TableData {
  const cols = orderCategories(input.transitions.map((t) => t.to));
  const rowKeys = orderCategories(input.transitions.map((t) => t.from));
  const count = new Map(input.transitions.map((t) => [`${t.from}→${t.to}`, t.count]));
  return {
    caption: `Organisations by ${input.kind} in ${input.fromWave} (rows) and ${input.toWave} (columns)`,
    columns: [`${input.fromWave} \\ ${input.toWave}`, ...cols.map(vocabularyWords)],
    rows: rowKeys.map((from) => [
      vocabularyWords(from),
      ...cols.map((to) => String(count.get(`${from}→${to}`) ?? 0)),
    ]),
  };
}

export function factorsTable(input: FactorsInput): TableData {
  return {
    caption: `${input.kind === "barrier" ? "Barriers" : "Facilitators"} by stage, ${input.wave}: organisations reporting (share of the stage)`,
    columns: [
      input.kind === "barrier" ? "Barrier" : "Facilitator",
      ...input.stages.map((s) => `${STAGE_LABELS[s.stage]} (n=${s.organisations})`),
    ],
    rows: input.factors
      .filter((f) => f.kind === input.kind)
      .sort((a, b) => b.total - a.total)
      .map((f) => [
        vocabularyWords(f.factor),
        ...input.stages.map((s) => {
          const c = f.byStage.find((b) => b.stage === s.stage)?.count ?? 0;
          const share = factorShare(c, s.organisations);
          return share === null ? "—" : `${c} (${Math.round(share * 100)}%)`;
        }),
      ]),
  };
}

export function journeyTable(input: JourneyInput): TableData {
  const byWave = new Map(input.journey.map((s) => [s.waveId, s]));
  return {
    caption: `${input.name}: provision, stage and events by wave`,
    columns: ["Wave", "Provision", "Stage", "Champion", "Places", "Barriers", "Facilitators", "Events"],
    rows: input.waves.map((wave) => {
      const s = byWave.get(wave);
      if (!s) return [wave, "Not surveyed", "—", "—", "—", "—", "—", "—"];
      return [
        wave,
        PROVISION_SHORT[s.provision],
        s.stage ? STAGE_LABELS[s.stage] : "—",
        s.championPresent === null ? "—" : s.championPresent ? "yes" : "no",
        s.placesOffered === null ? "—" : String(s.placesOffered),
        s.barriers.map(vocabularyWords).join("; ") || "—",
        s.facilitators.map(vocabularyWords).join("; ") || "—",
        s.events.map(vocabularyWords).join("; ") || "—",
      ];
    }),
  };
}
