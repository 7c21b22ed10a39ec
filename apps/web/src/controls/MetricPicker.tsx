import { useDashboard } from "../state/use-dashboard";
import { ControlScopeNote } from "./ControlScopeNote";
import { controlScopes } from "./control-scope";

const POLARITY_WORDS = {
  higher_is_better: "Higher is better.",
  lower_is_better: "Lower is better.",
  neither: "Neither higher nor lower is better in itself.",
} as const;

const INTERVAL_WORDS = {
  exact_binomial: "95% exact (Clopper–Pearson) interval.",
  exact_poisson: "95% exact Poisson interval.",
  exact_poisson_clustered: "95% exact Poisson interval on courses or teams, not single places or teachers.",
  none: "No interval.",
} as const;

/** Chooses the metric, with its definition always on screen (not hidden in a tooltip). */
export function MetricPicker() {
  const { state, update, metrics, metric } = useDashboard();
  const scope = controlScopes(state).metric;
  return (
    <div className="control metric-picker">
      <label htmlFor="metric">Metric</label>
      <select
        id="metric"
        value={metric?.id ?? state.metric}
        onChange={(event) => update({ metric: event.target.value })}
        aria-describedby={scope.applies ? "metric-definition" : "metric-scope metric-definition"}
        disabled={!metrics.data || !scope.applies}
      >
        {metrics.data ? (
          metrics.data.metrics.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))
        ) : (
          <option value={state.metric}>{metrics.isError ? "Metrics unavailable" : "Loading metrics…"}</option>
        )}
      </select>
      <ControlScopeNote id="metric-scope" scope={scope} />
      <div id="metric-definition" className="metric-definition">
        {metric ? (
          <>
            <p>{metric.definition}</p>
            <details>
              <summary>How it is counted</summary>
              <dl>
                <dt>Numerator</dt>
                <dd>{metric.numerator}</dd>
                <dt>Denominator</dt>
                <dd>{metric.denominator}</dd>
                <dt>Uncertainty</dt>
                <dd>{INTERVAL_WORDS[metric.interval]}</dd>
                <dt>Direction</dt>
                <dd>{POLARITY_WORDS[metric.polarity]}</dd>
              </dl>
            </details>
          </>
        ) : null}
      </div>
    </div>
  );
}
