import { STAGE_LABELS, UK_CODE } from "@atlas/domain";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import {
  areasQuery,
  boundariesQuery,
  coverageQuery,
  factorsQuery,
  organisationsQuery,
  trendsQuery,
} from "../api/queries";
import { ValueNotes } from "../area/ValueNotes";
import { TrendFigure } from "../charts/TrendFigure";
import { notComparedWords } from "../format/comparison";
import { formatInterval, formatValue } from "../format/number";
import { PROVISION_SHORT, vocabularyWords } from "../format/provision";
import { COMPARISON_LABELS, STATUS_LABELS } from "../format/status";
import { boundaryFeatures } from "../map/geo";
import { NeedDialog } from "../need/NeedDialog";
import { NeedFigures } from "../need/NeedFigures";
import { assumptionsInForce } from "../need/need-line";
import { ApiStatus } from "../shell/ApiStatus";
import { Footer } from "../shell/Footer";
import { Loading } from "../shell/Loading";
import { StaleNotice } from "../shell/StaleNotice";
import { SyntheticBanner } from "../shell/SyntheticBanner";
import { areaIndex, nationOf } from "../state/area-lookup";
import { useDashboard } from "../state/use-dashboard";
import { UrlLink } from "../url/UrlLink";
import { defaultMetric } from "../url/url-state";
import { nearestAreas } from "./nearest";

/**
 * A one-page brief about one area for a commissioner (`?view=brief&area=CODE`): its status and trend, its
 * organisations, the nearest areas that do offer MBCT, and what organisations at a later stage had in
 * place. Prints cleanly on A4 (see print.css).
 */
export default function BriefView() {
  const { state, wave, waveIds, metric: chosen, waves, metrics } = useDashboard();
  const code = state.area;
  const areas = useQuery(areasQuery(null));
  const index = useMemo(() => areaIndex(areas.data?.areas ?? []), [areas.data]);
  const area = code ? (index.get(code) ?? null) : null;
  const level = area?.level ?? "local";
  // No metric chosen (the URL level's default): lead with the default of the area's own level.
  const metric =
    state.metric === defaultMetric(state.level)
      ? (metrics.data?.metrics.find((m) => m.id === defaultMetric(level)) ?? chosen)
      : chosen;
  const on = Boolean(area && wave && metric);
  const coverage = useQuery({
    ...coverageQuery(wave ?? "", level, metric?.id ?? "", state.need),
    enabled: on,
  });
  const offering = useQuery({ ...coverageQuery(wave ?? "", level, "offering_pct"), enabled: on });
  // Need and capacity, whatever metric the brief leads with: what closing the gap would take.
  const needCoverage = useQuery({
    ...coverageQuery(wave ?? "", level, "need_met_pct", state.need),
    enabled: on,
  });
  const trend = useQuery({
    ...trendsQuery(metric?.id ?? "", level, code ? [code] : [], "recorded", state.need),
    enabled: on && level !== "nation",
  });
  const ukTrend = useQuery({
    ...trendsQuery(metric?.id ?? "", "nation", [UK_CODE], "recorded", state.need),
    enabled: on,
  });
  const organisations = useQuery({ ...organisationsQuery(wave ?? "", code), enabled: on });
  const boundaries = useQuery({ ...boundariesQuery(level), enabled: on });
  const factors = useQuery({ ...factorsQuery(wave ?? ""), enabled: on });

  const nearest = useMemo(() => {
    if (!code || !boundaries.data || !offering.data) return [];
    const providing = new Set(
      offering.data.areas.filter((a) => a.status === "ok" && (a.value ?? 0) > 0).map((a) => a.code),
    );
    return nearestAreas(code, boundaryFeatures(boundaries.data), providing, 3).map((n) => ({
      ...n,
      value: offering.data.areas.find((a) => a.code === n.code)?.value ?? null,
    }));
  }, [code, boundaries.data, offering.data]);

  const facilitators = useMemo(() => {
    if (!factors.data) return [];
    const later = factors.data.stages.filter((s) => s.stage === "developmental" || s.stage === "sustainable");
    const organisationsLater = later.reduce((sum, s) => sum + s.organisations, 0);
    return factors.data.factors
      .filter((f) => f.kind === "facilitator")
      .map((f) => {
        const count = f.byStage
          .filter((b) => b.stage === "developmental" || b.stage === "sustainable")
          .reduce((sum, b) => sum + b.count, 0);
        return {
          factor: f.factor,
          count,
          share: organisationsLater > 0 ? count / organisationsLater : null,
          of: organisationsLater,
        };
      })
      .sort((a, b) => b.count - a.count)
      .slice(0, 6);
  }, [factors.data]);

  if (!code) {
    return (
      <main className="brief" id="content">
        <h1>Area brief</h1>
        <p>
          No area was chosen. <UrlLink patch={{ view: "dashboard" }}>Back to the dashboard</UrlLink>
        </p>
      </main>
    );
  }
  if (!areas.data || !metric || !wave)
    return <Loading what="the area brief" queries={[areas, waves, metrics]} />;
  if (!area) {
    return (
      <main className="brief" id="content">
        <h1>Area brief</h1>
        <p>
          No area has the code {code}.{" "}
          <UrlLink patch={{ view: "dashboard", area: null }}>Back to the dashboard</UrlLink>
        </p>
      </main>
    );
  }
  const row = coverage.data?.areas.find((a) => a.code === code) ?? null;
  const needRow = needCoverage.data?.areas.find((a) => a.code === code) ?? null;
  const nation = nationOf(code, index);
  const nationValue = coverage.data?.nations.find((n) => n.code === nation?.code) ?? null;
  const trendInput = {
    series: trend.data?.series ?? [],
    waves: waveIds,
    unit: metric.unit,
    metricTitle: metric.title,
    reference: ukTrend.data?.series[0] ?? null,
  };
  const parent = area.parentCode ? index.get(area.parentCode) : null;

  return (
    <>
      <ApiStatus />
      <SyntheticBanner />
      <main className="brief" id="content">
        <nav className="brief-actions no-print" aria-label="Brief actions">
          <UrlLink patch={{ view: "dashboard" }}>← Back to the dashboard</UrlLink>
          <button type="button" onClick={() => window.print()}>
            Print this brief
          </button>
        </nav>
        <header>
          <p className="brief-kicker">MBCT Access Atlas · area brief · wave {wave}</p>
          <h1>{area.name}</h1>
          <p className="area-meta">
            {area.level === "local" ? "Local area" : area.level === "region" ? "Region" : "Nation"} ·{" "}
            {area.code}
            {parent ? ` · in ${parent.name}` : ""} · {area.adultPopulation.toLocaleString("en-GB")} adults (
            {area.populationYear})
          </p>
        </header>

        <StaleNotice queries={[coverage, needCoverage, trend, organisations, factors]} />

        <section aria-labelledby="brief-status">
          <h2 id="brief-status">Status in {wave}</h2>
          {row ? (
            <>
              <p className="headline-value">
                {metric.title}:{" "}
                {row.status === "ok" ? (
                  <>
                    <strong>{formatValue(row.value, metric.unit)}</strong>{" "}
                    {formatInterval(row.lower, row.upper)}
                  </>
                ) : (
                  <strong>{STATUS_LABELS[row.status]}</strong>
                )}
              </p>
              <ValueNotes row={row} metric={metric} />
              <ul>
                <li>
                  {coverage.data?.comparator.name}:{" "}
                  {formatValue(coverage.data?.comparator.value, metric.unit)}{" "}
                  {formatInterval(
                    coverage.data?.comparator.lower ?? null,
                    coverage.data?.comparator.upper ?? null,
                  )}
                </li>
                {nationValue && nation?.code !== code ? (
                  <li>
                    {nationValue.name}: {formatValue(nationValue.value, metric.unit)}{" "}
                    {formatInterval(nationValue.lower, nationValue.upper)}
                  </li>
                ) : null}
                <li data-testid="brief-comparison">
                  Against the UK:{" "}
                  {row.comparison === "not_compared"
                    ? notComparedWords(row.comparisonReason, row)
                    : COMPARISON_LABELS[row.comparison]}
                </li>
                <li>
                  {row.answered} of {row.invited} organisations answered the survey.
                </li>
              </ul>
            </>
          ) : !coverage.data ? (
            <Loading what="the value" queries={[coverage]} />
          ) : null}
        </section>

        <section aria-labelledby="brief-need" data-testid="brief-need">
          <h2 id="brief-need">Need and what closing the gap would take</h2>
          {needRow?.need ? (
            <>
              <p>
                Need met: {needRow.lowerBound ? "at least " : ""}
                {formatValue(needRow.value, "percent")} of the places needed a year are offered.
              </p>
              <NeedFigures
                row={needRow}
                assumptions={needCoverage.data?.assumptions ?? assumptionsInForce(state.need)}
              />
            </>
          ) : !needCoverage.data ? (
            <Loading what="the need figures" queries={[needCoverage]} />
          ) : (
            <p>
              No need figures for this area in {wave}: {needRow ? STATUS_LABELS[needRow.status] : "no value"}.
            </p>
          )}
        </section>

        {area.level !== "nation" ? (
          <section aria-labelledby="brief-trend" className="brief-trend">
            <h2 id="brief-trend">Trend</h2>
            {/* Drawn once the UK reference has settled too, so the axes do not jump when it arrives. */}
            {trend.data && !ukTrend.isLoading ? (
              <TrendFigure
                id="brief-trend-chart"
                testId="brief-trend"
                title={`${metric.title}: ${area.name}`}
                input={trendInput}
                maxWidth={760}
                filters={[`metric ${metric.id}`, `area ${area.code}`]}
                synthetic={trend.data.synthetic}
                fileParts={["brief-trend", metric.id, area.code]}
              />
            ) : (
              <Loading what="the trend" queries={[trend, ukTrend]} />
            )}
          </section>
        ) : null}

        <section aria-labelledby="brief-orgs">
          <h2 id="brief-orgs">Organisations</h2>
          {organisations.data ? (
            organisations.data.organisations.length === 0 ? (
              <p>No organisation here was surveyed in {wave}.</p>
            ) : (
              <table className="data-table compact">
                <caption className="visually-hidden">
                  Organisations in {area.name}, {wave}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Organisation</th>
                    <th scope="col">Provision</th>
                    <th scope="col">Stage</th>
                    <th scope="col" className="num">
                      Places
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {organisations.data.organisations.map((o) => (
                    <tr key={o.code}>
                      <th scope="row">{o.name}</th>
                      <td>{o.provision ? PROVISION_SHORT[o.provision] : "Not surveyed"}</td>
                      <td>{o.stage ? STAGE_LABELS[o.stage] : "—"}</td>
                      <td className="num">{o.placesOffered ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          ) : (
            <Loading what="the organisations" queries={[organisations]} />
          )}
        </section>

        <section aria-labelledby="brief-nearest">
          <h2 id="brief-nearest">Nearest areas that offer MBCT</h2>
          {nearest.length > 0 ? (
            <ol>
              {nearest.map((n) => (
                <li key={n.code}>
                  {n.name}: {formatValue(n.value, "percent")} of answering organisations offer MBCT, about{" "}
                  {Math.round(n.km)} km away
                </li>
              ))}
            </ol>
          ) : !boundaries.data || !offering.data ? (
            <Loading what="the nearest areas" queries={[boundaries, offering]} />
          ) : (
            <p>No nearby area at this level reported an offer in {wave}.</p>
          )}
        </section>

        <section aria-labelledby="brief-facilitators">
          <h2 id="brief-facilitators">What organisations at a later stage had in place</h2>
          {facilitators.length > 0 ? (
            <>
              <p>
                Facilitators most often reported by the {facilitators[0]?.of} organisations at the
                developmental or sustainable stage in {wave}:
              </p>
              <ol>
                {facilitators.map((f) => (
                  <li key={f.factor}>
                    {vocabularyWords(f.factor)}: {f.count}
                    {f.share !== null ? ` (${Math.round(f.share * 100)}%)` : ""}
                  </li>
                ))}
              </ol>
            </>
          ) : !factors.data ? (
            <Loading what="the facilitators" queries={[factors]} />
          ) : (
            <p>No organisation reported a later stage in {wave}.</p>
          )}
        </section>
      </main>
      <Footer />
      <NeedDialog />
    </>
  );
}
