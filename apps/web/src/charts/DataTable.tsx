import type { TableData } from "./tables";

/** A plain, scrollable data table for a chart's table alternative. */
export function DataTable({ table }: { table: TableData }) {
  return (
    <div className="table-scroll">
      <table className="data-table compact">
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            // Rows have no identity of their own beyond their position in the chart's data.
            // biome-ignore lint/suspicious/noArrayIndexKey: static table rows
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: static table cells
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: static table cells
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
