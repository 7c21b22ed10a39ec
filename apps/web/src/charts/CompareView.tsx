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
import { funnelPlot } from "./funnel-plot";
import { TrendFigure } from "./TrendFigure";
import { dotTable, funnelTable } from "./tables";

/**
 * Compare 2–6 areas at one level: trends with interval bands, a dot plot of the wave in view against the
 * UK, and a funnel plot of every local area with the picked areas (or their local areas) marked.
 */
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
    ...trendsQuery(metric?.id ?? "", state.level, picked, state.basis, state.need),
    enabled: ready,
  });
  // The UK's own trend, drawn dashed behind each picked area for reference.
  const ukTrend = useQuery({
    ...trendsQuery(metric?.id ?? "", "nation", [UK_CODE], state.basis, state.need),
    enabled: ready,
  });
  const coverage = useQuery({
    ...coverageQuery(wave ?? "", state.level, metric?.id ?? "", state.need),
    enabled: ready,
  });
  const local = useQuery({
    ...coverageQuery(wave ?? "", "local", metric?.id ?? "", state.need),
    enabled: ready && metric?.unit === "percent",
  });

  if (!metric || !wave || !areas.data)
    return <Loading what="the comparison" queries={[waves, metrics, areas]} />;
  // Local areas to mark on the funnel: the picked ones, or those inside the picked nations/regions.
  const parents = new Map(areas.data.areas.map((a) => [a.code, a.parentCode]));
  const marked = new Set(
    (local.data?.areas ?? [])
      .filter((a) => {
        for (
          let code: string | null | undefined = a.code, depth = 0;
          code && depth < 3;
          code = parents.get(code), depth++
        ) {
          if (picked.includes(code)) return true;
        }
        return false;
      })
      .map((a) => a.code),
  );
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
  const funnelInput =
    local.data && local.data.comparator.value !== null
      ? {
          rows: local.data.areas,
          target: { name: local.data.comparator.name, value: local.data.comparator.value },
          metricTitle: metric.title,
          wave,
          highlight: marked,
        }
      : null;
  const filters = [
    `metric ${metric.id}`,
    `level ${state.level}`,
    `areas ${picked.join(",")}`,
    `basis ${state.basis}`,
  ];

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
      {ready ? <StaleNotice queries={[trends, coverage, local]} /> : null}
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
                need: state.need,
              }}
              label="CSV"
            />
          }
        />
      ) : null}
      {ready && dotInput && coverage.data ? (
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
      {ready && metric.unit !== "percent" ? (
        <p className="hint">
          The funnel plot is drawn for percentage metrics only; “{metric.title}” is not one.
        </p>
      ) : null}
      {ready && !coverage.data ? <Loading what="the dot plot" queries={[coverage]} /> : null}
      {ready && metric.unit === "percent" && !local.data ? (
        <Loading what="the funnel plot" queries={[local]} />
      ) : null}
      {ready && funnelInput && local.data ? (
        <ChartFigure
          testId="compare-funnel"
          title={`${metric.title}, ${wave}: funnel plot of all local areas`}
          render={(width) =>
            funnelPlot(
              funnelInput,
              { width, height: 440 },
              {
                id: "compare-funnel-chart",
                title: `${metric.title}, ${wave}: funnel plot`,
                description:
                  "Every local area's percentage against how many organisations answered, with 95% and 99.8% control limits around the UK value.",
              },
            )
          }
          table={funnelTable(funnelInput)}
          filters={[`metric ${metric.id}`, `wave ${wave}`, "level local", `marked ${[...marked].join(",")}`]}
          synthetic={local.data.synthetic}
          fileParts={["funnel", metric.id, wave, "local"]}
          note={
            <p>
              Circled in black: local areas {state.level === "local" ? "picked" : "inside the picked areas"}.
              Points outside the 99.8% limits are unlikely to differ from the UK by chance alone.
            </p>
          }
        />
      ) : null}
    </div>
  );
}
