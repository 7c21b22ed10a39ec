import { type CoverageResponse, funnelPlan, type Metric } from "@atlas/domain";
import type { FunnelPlotInput } from "./funnel-plot";

/** Whether the funnel is drawn for a metric and level: its input, or the reason it is not, in words. */
export type FunnelFigure =
  | { drawn: true; input: FunnelPlotInput }
  | { drawn: false; reason: string; denominatorLabel: string };

/** The smallest base the plan places, in words, from the metric's comparison minimum. */
export function minimumBase(metric: Pick<Metric, "comparison">): string {
  const rule = metric.comparison;
  if (!rule) return "the comparison minimum";
  return rule.minPeople === null
    ? `${rule.minOrganisations} organisations`
    : `${rule.minOrganisations} organisations and ${rule.minPeople} people`;
}

/**
 * The funnel for a coverage response, as the domain's funnel plan decides: drawn only for binomial
 * proportions, placing only areas whose base reaches the comparison minimum, and only when enough do;
 * otherwise the plan's reason. A comparator without a value leaves nothing to centre the funnel on.
 * @example funnelFigure(metric, coverage, new Set(["E40000003"])) // { drawn: false, reason: "Not drawn: …" }
 */
export function funnelFigure(
  metric: Metric,
  coverage: Pick<CoverageResponse, "areas" | "comparator" | "wave">,
  highlight: ReadonlySet<string>,
): FunnelFigure {
  const plan = funnelPlan(metric, coverage.areas);
  const { denominatorLabel } = plan;
  if (!plan.drawn) return { drawn: false, reason: plan.reason ?? "Not drawn.", denominatorLabel };
  const target = coverage.comparator;
  if (target.value === null)
    return {
      drawn: false,
      reason: `Not drawn: ${target.name} has no value in ${coverage.wave} to centre the funnel on.`,
      denominatorLabel,
    };
  return {
    drawn: true,
    input: {
      rows: coverage.areas,
      placed: new Set(plan.points.map((a) => a.code)),
      denominatorLabel,
      minimumBase: minimumBase(metric),
      target: { name: target.name, value: target.value },
      metricTitle: metric.title,
      wave: coverage.wave,
      highlight,
    },
  };
}
