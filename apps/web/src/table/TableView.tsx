import type { AreaValue } from "@atlas/domain";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { coverageQuery } from "../api/queries";
import { LEVEL_NOUNS } from "../controls/LevelSwitch";
import { formatInterval, formatValue } from "../format/number";
import { COMPARISON_LABELS, STATUS_SHORT } from "../format/status";
import { CsvLink } from "../shell/CsvLink";
import { Loading } from "../shell/Loading";
import { QueryError } from "../shell/QueryError";
import { useDashboard } from "../state/use-dashboard";

type SortKey = "name" | "value" | "response";

function compareRows(key: SortKey) {
  return (a: AreaValue, b: AreaValue): number => {
    if (key === "name") return a.name.localeCompare(b.name);
    if (key === "response") return b.answered / Math.max(1, b.invited) - a.answered / Math.max(1, a.invited);
    // Values high to low; missing values last, whatever their reason.
    if (a.value === null) return b.value === null ? a.name.localeCompare(b.name) : 1;
    if (b.value === null) return -1;
    return b.value - a.value;
  };
}

/**
 * The map's data as a table: every area at the level, its value, interval, counts, status and comparison.
 * This is also the keyboard and screen-reader route to every area (each name opens its panel).
 */
export function TableView() {
  const { state, update, wave, metric } = useDashboard();
  const [sort, setSort] = useState<SortKey>("name");
  const coverage = useQuery({
    ...coverageQuery(wave ?? "", state.level, metric?.id ?? ""),
    enabled: Boolean(wave && metric),
  });
  const rows = useMemo(
    () => [...(coverage.data?.areas ?? [])].sort(compareRows(sort)),
    [coverage.data, sort],
  );
  if (coverage.isError)
    return <QueryError error={coverage.error} what="the table" retry={() => void coverage.refetch()} />;
  if (!coverage.data || !metric || !wave) return <Loading what="the table" />;
  const { comparator } = coverage.data;
  const sortButton = (key: SortKey, label: string) => (
    <button type="button" className="sort" onClick={() => setSort(key)} aria-pressed={sort === key}>
      {label}
    </button>
  );
  return (
    <div className="table-view">
      <div className="view-toolbar">
        <h2>
          {metric.title}, {wave}: {LEVEL_NOUNS[state.level]}
        </h2>
        <CsvLink request={{ view: "coverage", wave, level: state.level, metric: metric.id }} />
      </div>
      <p className="sort-row">
        Sort by: {sortButton("name", "Name")} {sortButton("value", "Value")}{" "}
        {sortButton("response", "Response rate")}
      </p>
      <div className="table-scroll">
        <table className="data-table" data-testid="coverage-table">
          <caption>
            {metric.title} by {state.level} area, wave {wave}. {comparator.name}:{" "}
            {formatValue(comparator.value, metric.unit)} {formatInterval(comparator.lower, comparator.upper)}.
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
                <td className="num">{row.status === "ok" ? formatValue(row.value, metric.unit) : "—"}</td>
                <td>
                  {row.lower !== null && row.upper !== null
                    ? `${row.lower.toFixed(1)}–${row.upper.toFixed(1)}`
                    : "—"}
                </td>
                <td className="num">
                  {row.numerator ?? "—"} / {row.denominator ?? "—"}
                </td>
                <td>{row.status === "ok" ? "value" : STATUS_SHORT[row.status]}</td>
                <td>{COMPARISON_LABELS[row.comparison].split(" (")[0]}</td>
                <td className="num">
                  {row.answered} / {row.invited}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
