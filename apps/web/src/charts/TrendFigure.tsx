import type { ReactNode } from "react";
import { ChartFigure } from "./ChartFigure";
import { trendTable } from "./tables";
import { type TrendChartInput, trendChart, trendPanels } from "./trend-chart";

export interface TrendFigureProps {
  id: string;
  title: string;
  input: TrendChartInput;
  filters: string[];
  synthetic: boolean;
  fileParts: string[];
  note?: ReactNode;
  testId?: string;
  /** Up to this many series share one set of axes; more become small multiples. */
  overlayMax?: number;
  maxWidth?: number;
}

/** A trend chart that switches to small multiples when overlapping interval bands would be unreadable. */
export function TrendFigure({ id, title, input, overlayMax = 2, maxWidth, ...rest }: TrendFigureProps) {
  const description = `${input.metricTitle} across waves ${input.waves[0]} to ${input.waves.at(-1)} for ${input.series.map((s) => s.name).join(", ")}, with 95% interval bands.`;
  const meta = { id, title, description };
  const render = (available: number) => {
    const width = maxWidth ? Math.min(available, maxWidth) : available;
    return input.series.length <= overlayMax
      ? trendChart(input, { width, height: 340 }, meta)
      : trendPanels(input, width, meta);
  };
  return <ChartFigure title={title} render={render} table={trendTable(input)} {...rest} />;
}
