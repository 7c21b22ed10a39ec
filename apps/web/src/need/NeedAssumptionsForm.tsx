import {
  changedNeedAssumptions,
  DEFAULT_NEED_ASSUMPTIONS,
  NEED_PARAMETER_IDS,
  type NeedParameter,
  type NeedParameterId,
  parseNeedAssumptions,
} from "@atlas/domain";
import { type FormEvent, useState } from "react";
import { useDashboard } from "../state/use-dashboard";
import { fieldProblem } from "./field-problem";
import { assumptionsInForce } from "./need-line";

type Texts = Record<NeedParameterId, string>;
type Problems = Partial<Record<NeedParameterId, string>>;

const fieldId = (id: NeedParameterId) => `need-${id}`;

function bounds(p: NeedParameter): string {
  const number = (n: number) => n.toLocaleString("en-GB");
  return `In ${p.unit}, from ${number(p.min)} to ${number(p.max)}${p.integer ? ", whole numbers" : ""}; default ${number(p.default)}`;
}

/**
 * The need model's six assumptions, each with its meaning, unit, bounds and source (from /api/metrics),
 * checked as the API checks them, with the message beside the field. Apply writes the changed ones to the
 * URL (so every figure, link and download uses them); Reset goes back to the defaults.
 */
export function NeedAssumptionsForm({ onDone }: { onDone: () => void }) {
  const { state, update, metrics } = useDashboard();
  const parameters = metrics.data?.needModel.parameters ?? [];
  const inForce = assumptionsInForce(state.need);
  const [texts, setTexts] = useState<Texts>(
    () => Object.fromEntries(NEED_PARAMETER_IDS.map((id) => [id, String(inForce[id])])) as Texts,
  );
  const [problems, setProblems] = useState<Problems>({});

  const check = (id: NeedParameterId, text: string) =>
    setProblems((was) => ({ ...was, [id]: fieldProblem(id, text) ?? undefined }));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const found: Problems = {};
    for (const id of NEED_PARAMETER_IDS) {
      const problem = fieldProblem(id, texts[id]);
      if (problem) found[id] = problem;
    }
    setProblems(found);
    const first = NEED_PARAMETER_IDS.find((id) => found[id]);
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    const { assumptions } = parseNeedAssumptions(texts);
    update({ need: changedNeedAssumptions(assumptions) });
    onDone();
  };

  const reset = () => {
    setTexts(
      Object.fromEntries(NEED_PARAMETER_IDS.map((id) => [id, String(DEFAULT_NEED_ASSUMPTIONS[id])])) as Texts,
    );
    setProblems({});
    update({ need: {} });
    onDone();
  };

  const count = Object.values(problems).filter(Boolean).length;
  return (
    <form className="need-form" onSubmit={apply} noValidate aria-labelledby="need-form-title">
      <h2 id="need-form-title">Need assumptions</h2>
      <p className="need-form-intro">
        Places needed in an area = adults at risk × the share to commission, shared among areas by their adult
        population. Courses, teachers and cost follow from the places. Change any assumption to see the
        figures with it; the link keeps it.
      </p>
      {count > 0 ? (
        <p className="need-form-summary" role="alert">
          {count === 1 ? "1 value needs" : `${count} values need`} changing before the assumptions can be
          applied.
        </p>
      ) : null}
      {parameters.map((p) => {
        const problem = problems[p.id];
        const help = `${fieldId(p.id)}-help`;
        const error = `${fieldId(p.id)}-error`;
        return (
          <div key={p.id} className={problem ? "need-field need-field-invalid" : "need-field"}>
            <label htmlFor={fieldId(p.id)}>{p.label}</label>
            <p id={help} className="need-help">
              {bounds(p)}. Source: {p.source}. {p.note}
            </p>
            {problem ? (
              <p id={error} className="field-error">
                {problem}
              </p>
            ) : null}
            <input
              id={fieldId(p.id)}
              name={p.id}
              type="text"
              inputMode={p.integer ? "numeric" : "decimal"}
              autoComplete="off"
              value={texts[p.id]}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${error} ${help}` : help}
              onChange={(event) => {
                const text = event.target.value;
                setTexts((was) => ({ ...was, [p.id]: text }));
                if (problems[p.id]) check(p.id, text);
              }}
              onBlur={(event) => check(p.id, event.target.value)}
            />
          </div>
        );
      })}
      <div className="need-form-actions">
        <button type="submit" className="primary">
          Apply
        </button>
        <button type="button" onClick={reset}>
          Reset to defaults
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
