import type { AreaLevel } from "../vocabulary";
import type { MetricId } from "./catalogue";

/**
 * The metric a level opens with when none is chosen: where commissioners act (local areas) the need-based
 * share of places needed that are offered; above that the share of organisations offering MBCT. The
 * dashboard's URL leaves the metric out when it is its level's default, and the server's first page
 * answers for the same metric.
 */
export const DEFAULT_METRIC_BY_LEVEL: Readonly<Record<AreaLevel, MetricId>> = {
  nation: "offering_pct",
  region: "offering_pct",
  local: "need_met_pct",
};
