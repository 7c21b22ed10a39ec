import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { areasQuery, coverageQuery } from "../api/queries";
import { notComparedWords } from "../format/comparison";
import { formatInterval, formatValue } from "../format/number";
import { COMPARISON_LABELS, STATUS_LABELS } from "../format/status";
import { NeedFigures } from "../need/NeedFigures";
import { assumptionsInForce } from "../need/need-line";
import { Loading } from "../shell/Loading";
import { StaleNotice } from "../shell/StaleNotice";
import { areaIndex, childLevel, nationOf } from "../state/area-lookup";
import { useDashboard } from "../state/use-dashboard";
import { UrlLink } from "../url/UrlLink";
import { MAX_COMPARE } from "../url/url-state";
import { AreaOrganisations } from "./AreaOrganisations";
import { ValueNotes } from "./ValueNotes";

/**
 * The selected area: its value with interval against the UK and its nation, the response behind it, and
 * its organisations with provision and stage. Fetches the area's own level, whatever the map shows.
 */
export function AreaPanel({ code }: { code: string }) {
  const { state, update, wave, metric } = useDashboard();
  const areas = useQuery(areasQuery(null));
  const index = useMemo(() => areaIndex(areas.data?.areas ?? []), [areas.data]);
  const area = index.get(code) ?? null;
  const coverage = useQuery({
    ...coverageQuery(wave ?? "", area?.level ?? "local", metric?.id ?? "", state.need),
    enabled: Boolean(wave && area && metric),
  });
  const row = coverage.data?.areas.find((a) => a.code === code) ?? null;
  const nation = nationOf(code, index);
  const nationValue = coverage.data?.nations.find((n) => n.code === nation?.code) ?? null;
  const uk = coverage.data?.comparator ?? null;
  const unit = metric?.unit ?? "percent";
  const close = () => update({ area: null });
  const below = area ? childLevel(area.level) : null;
  const inCompare = state.compare.includes(code);
  // On a phone the panel is a sheet over the bottom of the screen: it can fold to its title line. A new
  // area opens it again.
  const [folded, setFolded] = useState(false);
  useEffect(() => {
    if (code) setFolded(false);
  }, [code]);

  return (
    <aside
      className={folded ? "area-panel sheet-folded" : "area-panel"}
      aria-labelledby="area-panel-title"
      data-testid="area-panel"
    >
      <div className="panel-head">
        <h2 id="area-panel-title">{area?.name ?? code}</h2>
        <button
          type="button"
          className="sheet-toggle"
          aria-expanded={!folded}
          onClick={() => setFolded((was) => !was)}
        >
          {folded ? "More" : "Less"}
        </button>
        <button type="button" className="close" onClick={close} aria-label="Close the area panel">
          ×
        </button>
      </div>
      {area ? (
        <p className="area-meta">
          {area.level === "local" ? "Local area" : area.level === "region" ? "Region" : "Nation"} ·{" "}
          {area.parentCode ? `in ${index.get(area.parentCode)?.name ?? area.parentCode} · ` : ""}
          {area.adultPopulation.toLocaleString("en-GB")} adults ({area.populationYear})
        </p>
      ) : areas.isSuccess ? (
        <p>No area has the code {code}.</p>
      ) : null}
      <StaleNotice queries={[coverage]} />
      {row && metric ? (
        <div className="area-value">
          <h3>
            {metric.title}, {wave}
          </h3>
          {row.status === "ok" ? (
            <p className="headline-value">
              <strong>{formatValue(row.value, unit)}</strong>{" "}
              <span>{formatInterval(row.lower, row.upper)}</span>
            </p>
          ) : (
            <p className="headline-value missing">{STATUS_LABELS[row.status]}</p>
          )}
          <ValueNotes row={row} metric={metric} />
          <table className="compare-table">
            <caption className="visually-hidden">Value against the UK and nation</caption>
            <tbody>
              <tr>
                <th scope="row">{uk?.name ?? "United Kingdom"}</th>
                <td>
                  {formatValue(uk?.value, unit)}{" "}
                  <small>{formatInterval(uk?.lower ?? null, uk?.upper ?? null)}</small>
                </td>
              </tr>
              {nationValue && nation?.code !== code ? (
                <tr>
                  <th scope="row">{nationValue.name}</th>
                  <td>
                    {formatValue(nationValue.value, unit)}{" "}
                    <small>{formatInterval(nationValue.lower, nationValue.upper)}</small>
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
          <p className={`comparison comparison-${row.comparison}`} data-testid="panel-comparison">
            Against the UK:{" "}
            {row.comparison === "not_compared" ? (
              <span className="not-compared-reason">{notComparedWords(row.comparisonReason, row)}</span>
            ) : (
              COMPARISON_LABELS[row.comparison]
            )}
            {row.assessment !== "not_compared" && row.assessment !== "similar" ? ` (${row.assessment})` : ""}
          </p>
          {metric.assumptions && row.need ? (
            <NeedFigures
              row={row}
              assumptions={coverage.data?.assumptions ?? assumptionsInForce(state.need)}
            />
          ) : null}
          <p>
            Response: {row.answered} of {row.invited} organisations answered
            {row.invited > 0 ? ` (${Math.round((row.answered / row.invited) * 100)}%)` : ""}.
            {row.answered < row.invited && row.boundLower != null && row.boundUpper != null
              ? ` If the others had answered, the value would lie between ${formatValue(row.boundLower, unit)} and ${formatValue(row.boundUpper, unit)}.`
              : ""}
          </p>
        </div>
      ) : !coverage.data || !metric ? (
        <div className="area-value area-value-loading">
          <Loading what="this area's value" queries={[coverage, areas]} />
        </div>
      ) : null}
      <div className="panel-actions">
        <UrlLink patch={{ view: "brief", area: code }} className="button-link">
          Open the printable area brief
        </UrlLink>
        <button
          type="button"
          onClick={() =>
            update({
              compare: inCompare
                ? state.compare.filter((c) => c !== code)
                : [...state.compare, code].slice(-MAX_COMPARE),
            })
          }
        >
          {inCompare ? "Remove from comparison" : "Add to comparison"}
        </button>
        {below ? (
          <button type="button" onClick={() => update({ level: below })}>
            Show its {below === "region" ? "regions" : "local areas"}
          </button>
        ) : null}
      </div>
      {wave ? <AreaOrganisations wave={wave} area={code} /> : null}
    </aside>
  );
}
