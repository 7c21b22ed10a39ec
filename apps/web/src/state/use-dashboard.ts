import type { Metric } from "@atlas/domain";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { metricsQuery, wavesQuery } from "../api/queries";
import { defaultMetric } from "../url/url-state";
import { useUrlState } from "../url/use-url-state";

/**
 * The URL state resolved against what the API knows: the wave in view (the URL's, or the latest when the
 * URL names none or an unknown one) and the metric's definition (an unknown metric means the level's default).
 */
export function useDashboard() {
  const [state, update] = useUrlState();
  const waves = useQuery(wavesQuery());
  const metrics = useQuery(metricsQuery());
  const waveIds = useMemo(() => (waves.data?.waves ?? []).map((w) => w.id).sort(), [waves.data]);
  const wave = state.wave && waveIds.includes(state.wave) ? state.wave : (waveIds.at(-1) ?? null);
  const catalogue = metrics.data?.metrics ?? [];
  const levelDefault = defaultMetric(state.level);
  const metric: Metric | null =
    catalogue.find((m) => m.id === state.metric) ??
    catalogue.find((m) => m.id === levelDefault) ??
    catalogue[0] ??
    null;
  const waveInfo = waves.data?.waves.find((w) => w.id === wave) ?? null;
  return { state, update, waves, metrics, waveIds, wave, waveInfo, metric };
}

export type Dashboard = ReturnType<typeof useDashboard>;
