import type { AreaValue, NeedAssumptions } from "@atlas/domain";
import { formatCount, formatValue } from "../format/number";
import { NeedLine } from "./NeedLine";

/**
 * A need metric's figures for one area: places needed, offered and unmet, the share of need met, and what
 * closing the gap would take a year (places, courses, trained teachers, cost in 2015 prices), with the
 * assumptions behind them.
 */
export function NeedFigures({
  row,
  assumptions,
  headingLevel = 3,
}: {
  row: Pick<AreaValue, "need" | "lowerBound" | "upperBound">;
  assumptions: NeedAssumptions;
  headingLevel?: 3 | 4;
}) {
  const need = row.need;
  if (!need) return null;
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const bound = Boolean(row.lowerBound);
  const met = need.placesNeeded > 0 ? (need.placesOffered / need.placesNeeded) * 100 : null;
  const { toClose } = need;
  return (
    <div className="need-figures" data-testid="need-figures">
      <dl>
        <div>
          <dt>Places needed a year</dt>
          <dd data-testid="places-needed">{formatCount(need.placesNeeded)}</dd>
        </div>
        <div>
          <dt>Places offered</dt>
          <dd>
            {bound ? "at least " : ""}
            {formatCount(need.placesOffered)}
          </dd>
        </div>
        <div>
          <dt>Unmet places</dt>
          <dd data-testid="unmet-places">
            {bound ? "at most " : ""}
            {formatCount(need.unmetPlaces)}
          </dd>
        </div>
        <div>
          <dt>Need met</dt>
          <dd>
            {bound ? "at least " : ""}
            {formatValue(met, "percent")}
          </dd>
        </div>
      </dl>
      <Heading>To close the gap{bound ? " (at most, as some returns are missing)" : ""}</Heading>
      {toClose.places > 0 ? (
        <ul className="need-to-close" data-testid="need-to-close">
          <li>{formatCount(toClose.places)} more places a year</li>
          <li>
            {formatCount(toClose.courses)} more course{toClose.courses === 1 ? "" : "s"} a year
          </li>
          <li>
            {formatCount(toClose.teachers)} more trained MBCT teacher{toClose.teachers === 1 ? "" : "s"}
          </li>
          <li>£{formatCount(toClose.cost)} a year, in 2015 prices (not adjusted for inflation)</li>
        </ul>
      ) : (
        <p>No gap: the places offered meet the need under these assumptions.</p>
      )}
      <NeedLine assumptions={assumptions} />
    </div>
  );
}
