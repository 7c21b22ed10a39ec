import { useDashboard } from "../state/use-dashboard";
import { assumptionsInForce, changedMarker } from "./need-line";
import { openNeedForm } from "./open-need-form";

/** In the filters: whether the need assumptions are the defaults, and the way to change them. */
export function NeedControl() {
  const { state } = useDashboard();
  const marker = changedMarker(assumptionsInForce(state.need));
  return (
    <div className="control need-control">
      <span className="control-heading" id="need-control-heading">
        Need assumptions
      </span>
      <p className="need-control-state">
        {marker ? (
          <strong className="need-changed">{marker}</strong>
        ) : (
          "The defaults (Mindful Nation UK, NICE)"
        )}
      </p>
      <button type="button" onClick={openNeedForm} aria-describedby="need-control-heading">
        Change need assumptions
      </button>
    </div>
  );
}
