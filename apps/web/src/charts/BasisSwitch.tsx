import { BASES, type Basis } from "../url/url-state";
import { useUrlState } from "../url/use-url-state";

const BASIS_LABELS: Record<Basis, string> = {
  recorded: "As recorded in each wave",
  current: "Re-based to today's organisations",
};

/**
 * How trends treat merged organisations: as they were recorded, or folded into today's successors so a
 * line compares like with like. Points where an area's organisations changed are marked on the chart.
 */
export function BasisSwitch() {
  const [state, update] = useUrlState();
  return (
    <fieldset className="basis-switch">
      <legend>Organisations that merged</legend>
      {BASES.map((basis) => (
        <label key={basis}>
          <input
            type="radio"
            name="basis"
            value={basis}
            checked={state.basis === basis}
            onChange={() => update({ basis })}
          />
          {BASIS_LABELS[basis]}
        </label>
      ))}
    </fieldset>
  );
}
