import { type ReactNode, useRef } from "react";
import { FigureDownloads } from "../downloads/FigureDownloads";
import { DataTable } from "./DataTable";
import type { TableData } from "./tables";
import { useWidth } from "./use-width";

export interface ChartFigureProps {
  title: string;
  /** Renders the chart's SVG for a width; called again on resize. */
  render: (width: number) => string;
  table: TableData;
  filters: string[];
  synthetic: boolean;
  fileParts: string[];
  note?: ReactNode;
  testId?: string;
  /** Downloads of other data than the survey (real context) carry this source and licence instead. */
  attribution?: { source: string; licence: string };
  /** Class added to the figure (a distinct look for real context data). */
  className?: string;
}

/**
 * A chart with its title, downloads (SVG, PNG) and its table alternative. The SVG is built by a pure
 * chart function from API data and constant strings (escaped), so inserting it as markup is safe.
 */
export function ChartFigure({
  title,
  render,
  table,
  filters,
  synthetic,
  fileParts,
  note,
  testId,
  attribution,
  className,
}: ChartFigureProps) {
  const holder = useRef<HTMLDivElement>(null);
  const width = useWidth(holder);
  const svg = render(width);
  return (
    <figure className={className ? `chart-figure ${className}` : "chart-figure"} data-testid={testId}>
      <figcaption>
        <span className="figure-title">{title}</span>
        <FigureDownloads
          build={() => render(Math.max(width, 720))}
          title={title}
          filters={filters}
          synthetic={synthetic}
          fileParts={fileParts}
          attribution={attribution}
        />
      </figcaption>
      {note ? <div className="figure-note">{note}</div> : null}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: chart functions escape every data value (charts/svg.ts) */}
      <div ref={holder} className="chart-svg" dangerouslySetInnerHTML={{ __html: svg }} />
      <details className="table-alternative">
        <summary>Show the data as a table</summary>
        <DataTable table={table} />
      </details>
    </figure>
  );
}
