import type { AreaValue, Metric } from "../api/responses";

/** The fewest areas with a base large enough to place, for a funnel plot to be worth drawing. */
export const MIN_FUNNEL_AREAS = 5;

/** What the denominator of a proportion metric counts, for the funnel's x-axis. */
const DENOMINATOR_LABELS: Record<string, string> = {
  offering_pct: "Answering organisations",
  routine_pct: "Answering organisations",
  sustainable_pct: "Answering organisations",
  response_pct: "Invited organisations",
  completion_pct: "People who started (at organisations reporting completions)",
};

export interface FunnelPlan {
  /** Whether a funnel is drawn at all; when not, `reason` says why in words. */
  drawn: boolean;
  reason: string | null;
  /** The x-axis: what the denominator counts. */
  denominatorLabel: string;
  /** Areas placed on the funnel: a published proportion with at least the metric's minimum base. */
  points: AreaValue[];
  /** Areas with a value but too small a base to place (their limits would span almost 0 to 100%). */
  tooFew: AreaValue[];
}

/**
 * Which areas a funnel plot can place, and whether it should be drawn. Funnels are drawn only for proportions
 * with an exact binomial interval (the shares of organisations, response, completion), only for areas whose
 * base reaches the metric's comparison minimum (5 organisations; for completion also 10 people), and only when
 * at least MIN_FUNNEL_AREAS areas qualify: below that the limits say nothing the list of values does not.
 * So at local level the shares of organisations are usually not drawn (most local areas rest on 1 to 4
 * organisations), while completion, whose base is people, usually is.
 */
export function funnelPlan(metric: Metric, areas: readonly AreaValue[]): FunnelPlan {
  const denominatorLabel = DENOMINATOR_LABELS[metric.id] ?? "Denominator";
  if (
    metric.interval !== "exact_binomial" ||
    metric.comparison === null ||
    !(metric.id in DENOMINATOR_LABELS)
  ) {
    return {
      drawn: false,
      reason: `${metric.title} is not a proportion with a binomial denominator, so it has no funnel.`,
      denominatorLabel,
      points: [],
      tooFew: [],
    };
  }
  const { minOrganisations, minPeople } = metric.comparison;
  const valued = areas.filter((a) => a.status === "ok" && a.numerator !== null && (a.denominator ?? 0) > 0);
  const enough = (a: AreaValue) =>
    (a.organisations ?? 0) >= minOrganisations && (minPeople === null || (a.denominator ?? 0) >= minPeople);
  const points = valued.filter(enough);
  const tooFew = valued.filter((a) => !enough(a));
  const base =
    minPeople === null
      ? `${minOrganisations} organisations`
      : `${minOrganisations} organisations and ${minPeople} people`;
  if (points.length < MIN_FUNNEL_AREAS) {
    return {
      drawn: false,
      reason: `Not drawn: only ${points.length} of ${valued.length} areas with a value rest on at least ${base}; a funnel needs ${MIN_FUNNEL_AREAS}.`,
      denominatorLabel,
      points,
      tooFew,
    };
  }
  return { drawn: true, reason: null, denominatorLabel, points, tooFew };
}
