import { UK_CODE } from "@atlas/domain";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { areasQuery, coverageQuery, trendsQuery } from "../api/queries";
import { LEVEL_NOUNS } from "../controls/LevelSwitch";
import { CsvLink } from "../shell/CsvLink";
import { Loading } from "../shell/Loading";
import { QueryError } from "../shell/QueryError";
import { useDashboard } from "../state/use-dashboard";
import { BasisSwitch } from "./BasisSwitch";
import { ChartFigure } from "./ChartFigure";
import { dotPlot } from "./dot-plot";
import { TrendFigure } from "./TrendFigure";
import { dotTable } from "./tables";

/**
 * The chart tab, over the same selection as the map: the national trend (each nation over every wave,
 * with the selected area added), and every area at the level ranked against the UK for the wave.
 */
export default function ChartTab() {
  const { state, wave, waveIds, metric } = useDashboard();
  const areas = useQuery(areasQuery(null));
  // The UK first, then each nation: the API accepts the UK's code at nation level.
  const nations = useMemo(
    () =>
      areas.data ? [UK_CODE, ...areas.data.areas.filter((a) => a.level === "nation").map((a) => a.code)] : [],
    [areas.data],
  );
  const selected = areas.data?.areas.find((a) => a.code === state.area) ?? null;
  const nationTrends = useQuery({
    ...trendsQuery(metric?.id ?? "", "nation", nations),
    enabled: Boolean(metric) && nations.length > 0,
  });
  const areaTrend = useQuery({
    ...trendsQuery(
      metric?.id ?? "",
      selected?.level ?? "local",
      selected ? [selected.code] : [],
      state.basis,
    ),
    enabled: Boolean(metric && selected && selected.level !== "nation"),
  });
  const coverage = useQuery({
    ...coverageQuery(wave ?? "", state.level, metric?.id ?? ""),
    enabled: Boolean(wave && metric),
  });

  if (!metric || !wave) return <Loading what="the charts" />;
  const uk = nationTrends.data?.series.find((s) => s.code === UK_CODE) ?? null;
  const trendInput = {
    series: [...(nationTrends.data?.series ?? []), ...(areaTrend.data?.series ?? [])],
    waves: waveIds,
    unit: metric.unit,
    metricTitle: metric.title,
    reference: uk,
  };
  const ranked = [...(coverage.data?.areas ?? [])].sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
  const dotInput = coverage.data
    ? {
        rows: ranked,
        comparator: coverage.data.comparator,
        unit: metric.unit,
        metricTitle: metric.title,
        wave,
        highlight: new Set(state.area ? [state.area] : []),
      }
    : null;
  return (
    <div className="chart-tab">
      <section aria-labelledby="national-trend-title">
        <h2 id="national-trend-title">
          National trend{selected && selected.level !== "nation" ? ` and ${selected.name}` : ""}
        </h2>
        <BasisSwitch />
        {nationTrends.isError ? (
          <QueryError
            error={nationTrends.error}
            what="the national trend"
            retry={() => void nationTrends.refetch()}
          />
        ) : null}
        {nationTrends.data ? (
          <TrendFigure
            id="national-trend-chart"
            testId="national-trend"
            title={`${metric.title}: the UK and each nation over time`}
            input={trendInput}
            filters={[
              `metric ${metric.id}`,
              "level nation",
              `basis ${state.basis}`,
              ...(selected ? [`area ${selected.code}`] : []),
            ]}
            synthetic={nationTrends.data.synthetic}
            fileParts={["trend", metric.id, "nations"]}
            note={
              <CsvLink
                request={{
                  view: "trends",
                  metric: metric.id,
                  level: "nation",
                  areas: nations,
                  basis: state.basis,
                }}
                label="CSV"
              />
            }
          />
        ) : nationTrends.isLoading ? (
          <Loading what="the national trend" />
        ) : null}
      </section>
      <section aria-labelledby="ranked-title">
        <h2 id="ranked-title">
          Every {state.level === "local" ? "local area" : state.level} against the UK, {wave}
        </h2>
        {coverage.isError ? (
          <QueryError error={coverage.error} what="the ranking" retry={() => void coverage.refetch()} />
        ) : null}
        {dotInput && coverage.data ? (
          <ChartFigure
            testId="ranked-dot-plot"
            title={`${metric.title}, ${wave}: ${LEVEL_NOUNS[state.level]} against the UK`}
            render={(width) =>
              dotPlot(dotInput, width, {
                id: "ranked-dot-plot-chart",
                title: `${metric.title}, ${wave}, ranked`,
                description: `Each ${state.level} area's value with its 95% interval against the UK value.`,
              })
            }
            table={dotTable(dotInput)}
            filters={[`metric ${metric.id}`, `wave ${wave}`, `level ${state.level}`]}
            synthetic={coverage.data.synthetic}
            fileParts={["ranked", metric.id, wave, state.level]}
            note={
              <CsvLink
                request={{ view: "coverage", wave, level: state.level, metric: metric.id }}
                label="CSV"
              />
            }
          />
        ) : coverage.isLoading ? (
          <Loading what="the ranking" />
        ) : null}
      </section>
    </div>
  );
}
