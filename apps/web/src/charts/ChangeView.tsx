import { useQuery } from "@tanstack/react-query";
import { factorsQuery, transitionsQuery } from "../api/queries";
import { CsvLink } from "../shell/CsvLink";
import { Loading } from "../shell/Loading";
import { StaleNotice } from "../shell/StaleNotice";
import { useDashboard } from "../state/use-dashboard";
import { ChartFigure } from "./ChartFigure";
import { factorsChart } from "./factors-chart";
import { factorsTable, transitionsTable } from "./tables";
import { transitionsMatrix } from "./transitions-matrix";

/**
 * How organisations moved between implementation stages (and provision) from one wave to another, and
 * which facilitators and barriers go with each stage in the wave in view.
 */
export default function ChangeView() {
  const { state, update, wave, waveIds, waves } = useDashboard();
  const toWave = state.to && waveIds.includes(state.to) ? state.to : (wave ?? null);
  const toIndex = toWave ? waveIds.indexOf(toWave) : -1;
  const fromWave =
    state.from && waveIds.includes(state.from) ? state.from : (waveIds[Math.max(0, toIndex - 1)] ?? null);
  const transitions = useQuery({
    ...transitionsQuery(fromWave ?? "", toWave ?? ""),
    enabled: Boolean(fromWave && toWave && fromWave !== toWave),
  });
  const factors = useQuery({ ...factorsQuery(wave ?? ""), enabled: wave !== null });
  if (!wave || !fromWave || !toWave) return <Loading what="the waves" queries={[waves]} />;

  const select = (id: string, label: string, value: string, key: "from" | "to") => (
    <label htmlFor={id}>
      {label}{" "}
      <select id={id} value={value} onChange={(event) => update({ [key]: event.target.value })}>
        {waveIds.map((w) => (
          <option key={w} value={w}>
            {w}
          </option>
        ))}
      </select>
    </label>
  );
  const stageInput = transitions.data
    ? { fromWave, toWave, transitions: transitions.data.stages, kind: "stage" as const }
    : null;
  const provisionInput = transitions.data
    ? { fromWave, toWave, transitions: transitions.data.provision, kind: "provision" as const }
    : null;
  const synthetic = transitions.data?.synthetic ?? false;
  return (
    <div className="change-view">
      <section aria-labelledby="transitions-title">
        <h2 id="transitions-title">
          Stage transitions from {fromWave} to {toWave}
        </h2>
        <div className="wave-pair">
          {select("from-wave", "From wave", fromWave, "from")}
          {select("to-wave", "to wave", toWave, "to")}
        </div>
        {fromWave === toWave ? <p className="prompt">Choose two different waves.</p> : null}
        {transitions.data ? (
          <CsvLink
            request={{ view: "transitions", from: fromWave, to: toWave }}
            label="Download CSV of these transitions"
          />
        ) : null}
        <StaleNotice queries={[transitions]} />
        {!transitions.data && fromWave !== toWave ? (
          <Loading what="the transitions" queries={[transitions]} />
        ) : null}
        {stageInput ? (
          <ChartFigure
            testId="stage-transitions"
            title={`Implementation stage, ${fromWave} to ${toWave}`}
            render={(width) =>
              transitionsMatrix(stageInput, Math.min(width, 820), {
                id: "stage-matrix",
                title: `Stage transitions ${fromWave} to ${toWave}`,
                description:
                  "Organisations counted by their stage in the first wave (rows) and the second (columns).",
              })
            }
            table={transitionsTable(stageInput)}
            filters={[`from ${fromWave}`, `to ${toWave}`]}
            synthetic={synthetic}
            fileParts={["stage-transitions", fromWave, toWave]}
          />
        ) : null}
        {provisionInput ? (
          <ChartFigure
            testId="provision-transitions"
            title={`Provision, ${fromWave} to ${toWave}`}
            render={(width) =>
              transitionsMatrix(provisionInput, Math.min(width, 820), {
                id: "provision-matrix",
                title: `Provision transitions ${fromWave} to ${toWave}`,
                description:
                  "Organisations counted by their provision in the first wave (rows) and the second (columns).",
              })
            }
            table={transitionsTable(provisionInput)}
            filters={[`from ${fromWave}`, `to ${toWave}`]}
            synthetic={synthetic}
            fileParts={["provision-transitions", fromWave, toWave]}
          />
        ) : null}
      </section>
      <section aria-labelledby="factors-title">
        <h2 id="factors-title">Facilitators and barriers by stage, {wave}</h2>
        <StaleNotice queries={[factors]} />
        {!factors.data ? <Loading what="the factors" queries={[factors]} /> : null}
        {factors.data ? (
          <CsvLink request={{ view: "factors", wave }} label="Download CSV of facilitators and barriers" />
        ) : null}
        {factors.data
          ? (["facilitator", "barrier"] as const).map((kind) => {
              const input = { wave, kind, stages: factors.data.stages, factors: factors.data.factors };
              const title = `${kind === "facilitator" ? "Facilitators" : "Barriers"} by stage, ${wave}`;
              return (
                <ChartFigure
                  key={kind}
                  testId={`factors-${kind}`}
                  title={title}
                  render={(width) =>
                    factorsChart(input, Math.min(width, 820), {
                      id: `factors-${kind}-chart`,
                      title,
                      description: `Share of organisations at each stage that reported each ${kind}.`,
                    })
                  }
                  table={factorsTable(input)}
                  filters={[`wave ${wave}`, `kind ${kind}`]}
                  synthetic={factors.data.synthetic}
                  fileParts={[`${kind}s`, wave]}
                />
              );
            })
          : null}
      </section>
    </div>
  );
}
