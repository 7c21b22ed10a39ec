import type { ContextSeries } from "@atlas/domain";
import { useQuery } from "@tanstack/react-query";
import { contextQuery } from "../api/queries";
import { Loading } from "../shell/Loading";
import { ChartFigure } from "./ChartFigure";
import { contextAttribution, contextChart, contextCsv, contextTable } from "./context-chart";

/**
 * The real national context beside the national trend: NHS Talking Therapies mindfulness appointments in
 * England, with its source, period and licence; a different measure from the survey's, never merged with it.
 * Its space is reserved before it arrives (styles: .national-context), so nothing below moves.
 */
export function ContextFigure() {
  const context = useQuery(contextQuery());
  const series = context.data?.series ?? [];
  return (
    <section
      className="national-context"
      aria-labelledby="national-context-title"
      data-testid="national-context"
    >
      <h3 id="national-context-title">National context: real published data</h3>
      {context.data ? (
        series.map((s) => <ContextSeriesFigure key={s.id} series={s} />)
      ) : (
        <Loading what="the national context" queries={[context]} />
      )}
    </section>
  );
}

function ContextSeriesFigure({ series }: { series: ContextSeries }) {
  const attribution = contextAttribution(series);
  const title = `${series.title}, ${attribution.period}`;
  const fileParts = ["context", series.id];
  const downloadCsv = async () => {
    const [{ saveBlob }, { downloadName }] = await Promise.all([
      import("../downloads/save"),
      import("../downloads/export-svg"),
    ]);
    const csv = contextCsv(series, new Date().toISOString());
    saveBlob(new Blob([csv], { type: "text/csv;charset=utf-8" }), downloadName(fileParts, false, "csv"));
  };
  return (
    <ChartFigure
      testId="context-figure"
      className="context-figure"
      title={title}
      render={(width) =>
        contextChart(series, width, {
          id: `context-${series.id}`,
          title,
          description: `${series.measure} Real published data, not synthetic. ${series.licence}.`,
        })
      }
      table={contextTable(series)}
      filters={[`series ${series.id}`, `geography ${series.geography}`, `period ${attribution.period}`]}
      synthetic={false}
      fileParts={fileParts}
      attribution={{ source: attribution.source, licence: attribution.licence }}
      note={
        <>
          <p className="context-source">
            <strong>Real data, not synthetic</strong> (unlike the survey values beside it): {series.publisher}
            , {series.geography}, {attribution.period}. Licence:{" "}
            <a href={series.licenceUrl} rel="license noreferrer">
              {series.licence}
            </a>
            .{" "}
            <button type="button" className="link-button" onClick={() => void downloadCsv()}>
              Download CSV
            </button>
          </p>
          <details className="context-about">
            <summary>About this source</summary>
            <p>{series.differsFromSurvey}</p>
            <p>Source: {series.source}</p>
            <p>{series.attribution}</p>
          </details>
        </>
      }
    />
  );
}
