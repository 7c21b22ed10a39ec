import type { TableData } from "./tables";

/**
 * A plain, scrollable data table for a chart's table alternative. The scroll box is a focusable, named
 * region, so a keyboard can scroll a table wider than its column.
 */
export function DataTable({ table }: { table: TableData }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-scroll" tabIndex={0} aria-label={table.caption}>
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
    </section>
  );
}
