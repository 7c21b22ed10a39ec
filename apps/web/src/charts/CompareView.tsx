import { UK_CODE } from "@atlas/domain";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { areasQuery, coverageQuery, trendsQuery } from "../api/queries";
import { LEVEL_NOUNS } from "../controls/LevelSwitch";
import { CsvLink } from "../shell/CsvLink";
import { Loading } from "../shell/Loading";
import { StaleNotice } from "../shell/StaleNotice";
import { useDashboard } from "../state/use-dashboard";
import { AreaChooser } from "./AreaChooser";
import { BasisSwitch } from "./BasisSwitch";
import { ChartFigure } from "./ChartFigure";
import { dotPlot } from "./dot-plot";
import { funnelFigure } from "./funnel-figure";
import { funnelPlot } from "./funnel-plot";
import { TrendFigure } from "./TrendFigure";
import { dotTable, funnelTable } from "./tables";

/**
 * Compare 2–6 areas at one level: trends with interval bands, a dot plot of the wave in view against the
 * UK, and a funnel plot of every area at the level with the picked ones marked, where the funnel plan says
 * the denominators can carry one (otherwise a sentence says why it is not drawn).
 */
const LEVEL_WORDS = { nation: "nation", region: "region", local: "local area" } as const;

export default function CompareView() {
  const { state, update, wave, waveIds, metric, waves, metrics } = useDashboard();
  const areas = useQuery(areasQuery(null));
  const atLevel = useMemo(
    () => (areas.data?.areas ?? []).filter((a) => a.level === state.level),
    [areas.data, state.level],
  );
  const levelCodes = new Set(atLevel.map((a) => a.code));
  const picked = state.compare.filter((code) => levelCodes.has(code));
  const elsewhere = state.compare.length - picked.length;
  const ready = picked.length >= 2 && Boolean(metric && wave);
  const trends = useQuery({
    ...trendsQuery(metric?.id ?? "", state.level, picked, state.basis),
    enabled: ready,
  });
  // The UK's own trend, drawn dashed behind each picked area for reference.
  const ukTrend = useQuery({
    ...trendsQuery(metric?.id ?? "", "nation", [UK_CODE], state.basis),
    enabled: ready,
  });
  const coverage = useQuery({ ...coverageQuery(wave ?? "", state.level, metric?.id ?? ""), enabled: ready });

  if (!metric || !wave || !areas.data)
    return <Loading what="the comparison" queries={[waves, metrics, areas]} />;
  const pickedSet = new Set(picked);
  const reference = ukTrend.data?.series[0] ?? null;
  const trendInput = {
    series: trends.data?.series ?? [],
    waves: waveIds,
    unit: metric.unit,
    metricTitle: metric.title,
    reference,
  };
  const dotInput = coverage.data
    ? {
        rows: picked
          .map((code) => coverage.data.areas.find((a) => a.code === code))
          .filter((a) => a !== undefined),
        comparator: coverage.data.comparator,
        unit: metric.unit,
        metricTitle: metric.title,
        wave,
        highlight: pickedSet,
      }
    : null;
  const funnel = coverage.data ? funnelFigure(metric, coverage.data, pickedSet) : null;
  const filters = [
    `metric ${metric.id}`,
    `level ${state.level}`,
    `areas ${picked.join(",")}`,
    `basis ${state.basis}`,
  ];

  // Figures are drawn top-down: one arriving before the one above it would be pushed down in view when
  // the one above lands (on a slow connection the trends, which wait for the UK reference, come last).
  const trendsSettled = ready && ((trends.data !== undefined && !ukTrend.isLoading) || trends.isError);
  return (
    <div className="compare-view">
      <h2>Compare {LEVEL_NOUNS[state.level]}</h2>
      <AreaChooser areas={atLevel} picked={picked} onChange={(codes) => update({ compare: codes })} />
      {elsewhere > 0 ? (
        <p className="hint">
          {elsewhere} picked area(s) at another level are kept in the link but not shown here.
        </p>
      ) : null}
      {!ready ? (
        <p className="prompt">Pick at least two areas to see their trends, a dot plot and the funnel plot.</p>
      ) : null}
      {ready ? <BasisSwitch /> : null}
      {ready ? <StaleNotice queries={[trends, coverage]} /> : null}
      {ready && !(trends.data && !ukTrend.isLoading) ? (
        <Loading what="the trends" queries={[trends, ukTrend]} />
      ) : null}
      {/* Drawn once the UK reference has settled too, so the axes do not jump when it arrives. */}
      {ready && trends.data && !ukTrend.isLoading ? (
        <TrendFigure
          id="compare-trend-chart"
          testId="compare-trends"
          title={`${metric.title}: trends with 95% intervals`}
          input={trendInput}
          filters={filters}
          synthetic={trends.data.synthetic}
          fileParts={["compare-trends", metric.id, state.level, ...picked]}
          note={
            <CsvLink
              request={{
                view: "trends",
                metric: metric.id,
                level: state.level,
                areas: picked,
                basis: state.basis,
              }}
              label="CSV"
            />
          }
        />
      ) : null}
      {trendsSettled && dotInput && coverage.data ? (
        <ChartFigure
          testId="compare-dots"
          title={`${metric.title}, ${wave}: picked areas against ${coverage.data.comparator.name}`}
          render={(width) =>
            dotPlot(dotInput, width, {
              id: "compare-dot-chart",
              title: `${metric.title}, ${wave}: dot plot`,
              description: `Each picked area's value and 95% interval against ${coverage.data.comparator.name}.`,
            })
          }
          table={dotTable(dotInput)}
          filters={[...filters, `wave ${wave}`]}
          synthetic={coverage.data.synthetic}
          fileParts={["compare-dots", metric.id, wave, ...picked]}
        />
      ) : null}
      {trendsSettled && !coverage.data ? (
        <Loading what="the dot plot and the funnel plot" queries={[coverage]} />
      ) : null}
      {trendsSettled && funnel && !funnel.drawn ? (
        <section className="funnel-not-drawn" data-testid="funnel-not-drawn" aria-label="Funnel plot">
          <h3>Funnel plot not drawn</h3>
          <p>{funnel.reason}</p>
        </section>
      ) : null}
      {trendsSettled && funnel?.drawn && coverage.data ? (
        <ChartFigure
          testId="compare-funnel"
          title={`${metric.title}, ${wave}: funnel plot of every ${LEVEL_WORDS[state.level]}`}
          render={(width) =>
            funnelPlot(
              funnel.input,
              { width, height: 440 },
              {
                id: "compare-funnel-chart",
                title: `${metric.title}, ${wave}: funnel plot`,
                description: `Every ${LEVEL_WORDS[state.level]}'s percentage against its denominator (${funnel.input.denominatorLabel.toLowerCase()}), with exact 95% and 99.8% control limits around ${funnel.input.target.name}.`,
              },
            )
          }
          table={funnelTable(funnel.input)}
          filters={[
            `metric ${metric.id}`,
            `wave ${wave}`,
            `level ${state.level}`,
            `marked ${picked.join(",")}`,
          ]}
          synthetic={coverage.data.synthetic}
          fileParts={["funnel", metric.id, wave, state.level]}
          note={
            <p>
              Circled in black: the picked areas. Only areas resting on at least {funnel.input.minimumBase}{" "}
              are placed. If an area's true value were {funnel.input.target.name}'s, it would fall outside the
              99.8% limits by chance about 1 time in 500, and outside the 95% limits 1 time in 20.
            </p>
          }
        />
      ) : null}
    </div>
  );
}
