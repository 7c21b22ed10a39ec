import type { NeedAssumptions } from "@atlas/domain";
import { assumptionsLine, changedMarker } from "./need-line";
import { openNeedForm } from "./open-need-form";

/**
 * The assumptions a need figure was computed with, on one line beside it, with a marker when they are not
 * the defaults and a button to change them.
 */
export function NeedLine({ assumptions }: { assumptions: NeedAssumptions }) {
  const marker = changedMarker(assumptions);
  return (
    <p className={marker ? "need-line need-line-changed" : "need-line"} data-testid="need-line">
      {marker ? <strong className="need-changed">{marker}. </strong> : null}
      {assumptionsLine(assumptions)}{" "}
      <button
        type="button"
        className="link-button no-print"
        onClick={openNeedForm}
        aria-label="Change the need assumptions"
      >
        (change)
      </button>
    </p>
  );
}
