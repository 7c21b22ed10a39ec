import { type AreaSort, sortAreas } from "@atlas/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { coverageQuery } from "../api/queries";
import { LEVEL_NOUNS } from "../controls/LevelSwitch";
import { notComparedWords } from "../format/comparison";
import { formatCount, formatInterval, formatValue } from "../format/number";
import { COMPARISON_WORDS, STATUS_WORDS } from "../format/status";
import { baseOrganisations, isSmallBase } from "../map/small-base";
import { NeedLine } from "../need/NeedLine";
import { assumptionsInForce } from "../need/need-line";
import { CsvLink } from "../shell/CsvLink";
import { Loading } from "../shell/Loading";
import { StaleNotice } from "../shell/StaleNotice";
import { areaLevelOf } from "../state/area-lookup";
import { useDashboard } from "../state/use-dashboard";

/**
 * The map's data as a table: every area at the level, its value, interval, counts, status and comparison.
 * This is also the keyboard and screen-reader route to every area (each name opens its panel).
 */
export function TableView() {
  const { state, update, wave, metric, waves, metrics } = useDashboard();
  const [sort, setSort] = useState<AreaSort>("name");
  const coverage = useQuery({
    ...coverageQuery(wave ?? "", state.level, metric?.id ?? "", state.need),
    enabled: Boolean(wave && metric),
    // While the next selection loads (or cannot, in an outage) the last table stays, named for what it is.
    placeholderData: keepPreviousData,
  });
  // The same order as the CSV link below (the export sorts with the same shared function).
  const rows = useMemo(() => sortAreas(coverage.data?.areas ?? [], sort), [coverage.data, sort]);
  const shownMetric = metrics.data?.metrics.find((m) => m.id === coverage.data?.metric);
  if (!coverage.data || !shownMetric)
    return <Loading what="the table" queries={[coverage, waves, metrics]} />;
  const { comparator, wave: shownWave } = coverage.data;
  const level = areaLevelOf(coverage.data.level, state.level);
  const shown = `${shownMetric.title}, ${shownWave}: ${LEVEL_NOUNS[level]}`;
  const sortButton = (key: AreaSort, label: string) => (
    <button type="button" className="sort" onClick={() => setSort(key)} aria-pressed={sort === key}>
      {label}
    </button>
  );
  return (
    <div className="table-view">
      <div className="view-toolbar">
        <h2>{shown}</h2>
        <CsvLink
          request={{
            view: "coverage",
            wave: shownWave,
            level,
            metric: shownMetric.id,
            sort,
            need: state.need,
          }}
        />
      </div>
      <StaleNotice queries={[coverage]} shown={shown} />
      {shownMetric.assumptions ? (
        <NeedLine assumptions={coverage.data.assumptions ?? assumptionsInForce(state.need)} />
      ) : null}
      <p className="sort-row">
        Sort by: {sortButton("name", "Name")} {sortButton("value", "Value")}{" "}
        {sortButton("response", "Response rate")}
      </p>
      <div className="table-scroll">
        <table className="data-table" data-testid="coverage-table">
          <caption>
            {shownMetric.title} by {level} area, wave {shownWave}. {comparator.name}:{" "}
            {formatValue(comparator.value, shownMetric.unit)}{" "}
            {formatInterval(comparator.lower, comparator.upper)}.
          </caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col" className="num" aria-sort={sort === "value" ? "descending" : undefined}>
                Value
              </th>
              <th scope="col">95% interval</th>
              <th scope="col" className="num">
                Numerator / denominator
              </th>
              <th scope="col">Status</th>
              <th scope="col">Compared with {comparator.name}</th>
              <th scope="col" className="num">
                Answered / invited
              </th>
              <th scope="col">Rests on</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code} className={row.code === state.area ? "selected" : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => update({ area: row.code })}
                    aria-pressed={row.code === state.area}
                  >
                    {row.name}
                  </button>
                </th>
                <td className="num">
                  {row.status !== "ok"
                    ? "—"
                    : `${row.lowerBound ? "at least " : row.upperBound ? "at most " : ""}${formatValue(row.value, shownMetric.unit)}`}
                </td>
                <td>
                  {row.lower !== null && row.upper !== null
                    ? `${row.lower.toFixed(1)}–${row.upper.toFixed(1)}`
                    : "—"}
                </td>
                <td className="num">
                  {formatCount(row.numerator)} / {formatCount(row.denominator)}
                </td>
                <td>{STATUS_WORDS[row.status]}</td>
                <td>
                  {row.comparison === "not_compared" && row.comparisonReason !== "no_value"
                    ? notComparedWords(row.comparisonReason, row)
                    : COMPARISON_WORDS[row.comparison]}
                </td>
                <td className="num">
                  {row.answered} / {row.invited}
                </td>
                <td className={isSmallBase(row) ? "small-base-cell" : undefined}>
                  {row.status === "ok"
                    ? `${baseOrganisations(row)} organisation${baseOrganisations(row) === 1 ? "" : "s"}${isSmallBase(row) ? " (small base)" : ""}`
                    : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
