import { sortAreas, UK_CODE } from "@atlas/domain";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { areasQuery, coverageQuery, trendsQuery } from "../api/queries";
import { LEVEL_NOUNS } from "../controls/LevelSwitch";
import { CsvLink } from "../shell/CsvLink";
import { Loading } from "../shell/Loading";
import { StaleNotice } from "../shell/StaleNotice";
import { useDashboard } from "../state/use-dashboard";
import { BasisSwitch } from "./BasisSwitch";
import { ChartFigure } from "./ChartFigure";
import { ContextFigure } from "./ContextFigure";
import { dotPlot } from "./dot-plot";
import { TrendFigure } from "./TrendFigure";
import { dotTable } from "./tables";

/**
 * The chart tab, over the same selection as the map: the national trend (each nation over every wave,
 * with the selected area added), and every area at the level ranked against the UK for the wave.
 */
export default function ChartTab() {
  const { state, wave, waveIds, metric, waves, metrics } = useDashboard();
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

  if (!metric || !wave) return <Loading what="the charts" queries={[waves, metrics]} />;
  const uk = nationTrends.data?.series.find((s) => s.code === UK_CODE) ?? null;
  const trendInput = {
    series: [...(nationTrends.data?.series ?? []), ...(areaTrend.data?.series ?? [])],
    waves: waveIds,
    unit: metric.unit,
    metricTitle: metric.title,
    reference: uk,
  };
  // Ranked high to low, missing values last: the same order as the ranking's CSV (sort=value).
  const ranked = sortAreas(coverage.data?.areas ?? [], "value");
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
      <StaleNotice queries={[nationTrends, coverage]} />
      <section aria-labelledby="national-trend-title">
        <h2 id="national-trend-title">
          National trend{selected && selected.level !== "nation" ? ` and ${selected.name}` : ""}
        </h2>
        <BasisSwitch />
        <div className="trend-with-context">
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
          ) : (
            <Loading what="the national trend" queries={[nationTrends, areas]} />
          )}
          {/* Real published figures for England beside the synthetic survey trend: a different measure. */}
          <ContextFigure />
        </div>
      </section>
      <section aria-labelledby="ranked-title">
        <h2 id="ranked-title">
          Every {state.level === "local" ? "local area" : state.level} against the UK, {wave}
        </h2>
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
                request={{ view: "coverage", wave, level: state.level, metric: metric.id, sort: "value" }}
                label="CSV"
              />
            }
          />
        ) : (
          <Loading what="the ranking" queries={[coverage]} />
        )}
      </section>
    </div>
  );
}
