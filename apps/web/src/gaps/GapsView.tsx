import type { GAP_REASONS } from "@atlas/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { gapsQuery } from "../api/queries";
import { LEVEL_NOUNS } from "../controls/LevelSwitch";
import { formatCount, formatNumber } from "../format/number";
import { CsvLink } from "../shell/CsvLink";
import { Loading } from "../shell/Loading";
import { StaleNotice } from "../shell/StaleNotice";
import { areaLevelOf } from "../state/area-lookup";
import { useDashboard } from "../state/use-dashboard";

type GapReason = (typeof GAP_REASONS)[number];

export const GAP_REASON_LABELS: Record<GapReason, string> = {
  no_offer: "No answering organisation offers MBCT",
  unmet_need: "Places offered fall short of the places needed",
  low_places: "Places per 100k far below the comparator",
  lost_provision: "Lost provision since the previous wave",
  unknown: "Unknown: nobody answered",
};

/** Areas ranked by unmet places, each with its reasons and what closing it takes; unknowns apart. */
export function GapsView() {
  const { state, update, wave, waves } = useDashboard();
  const gaps = useQuery({
    ...gapsQuery(wave ?? "", state.level, state.need),
    enabled: wave !== null,
    // While the next selection loads (or cannot, in an outage) the last list stays, named for what it is.
    placeholderData: keepPreviousData,
  });
  if (!gaps.data) return <Loading what="the gaps" queries={[gaps, waves]} />;
  const list = gaps.data.gaps;
  const unknown = gaps.data.unknown;
  const level = areaLevelOf(gaps.data.level, state.level);
  const shown = `${gaps.data.wave}: ${LEVEL_NOUNS[level]}`;
  return (
    <div className="gaps-view">
      <div className="view-toolbar">
        <h2>Gaps in provision, {shown}</h2>
        <CsvLink request={{ view: "gaps", wave: gaps.data.wave, level, need: state.need }} />
      </div>
      <StaleNotice queries={[gaps]} shown={`the gaps of ${shown}`} />
      <p>
        Ranked by unmet need: the places a year still to provide (places needed by the need model, minus
        places offered), the largest first. Where nobody answered the need is unknown: those areas are listed
        apart, below, never ranked as if nothing were missing or everything were.
      </p>
      {list.length === 0 ? (
        <p>No known gaps at this level in {gaps.data.wave}.</p>
      ) : (
        <ol className="gap-list" data-testid="gap-list">
          {list.map((gap) => (
            <li key={gap.code} className={gap.code === state.area ? "selected" : undefined}>
              <span className="rank" aria-hidden="true">
                {gap.rank}
              </span>
              <div>
                <button
                  type="button"
                  className="link-button gap-name"
                  onClick={() => update({ area: gap.code })}
                  aria-pressed={gap.code === state.area}
                >
                  {gap.name}
                </button>
                <p className="gap-figures">
                  <strong>
                    {gap.lowerBound ? "At most " : ""}
                    {formatCount(gap.unmetPlaces)} places a year unmet
                  </strong>{" "}
                  (needs about {formatCount(gap.placesNeeded)}; {gap.lowerBound ? "at least " : ""}
                  {formatCount(gap.placesOffered)} offered, {formatNumber(gap.needMetPct)}% of need met)
                </p>
                <p className="gap-figures">
                  To close it: {formatCount(gap.toClose.courses)} courses, {formatCount(gap.toClose.teachers)}{" "}
                  trained teachers, about £{formatCount(gap.toClose.cost)} a year (2015 prices)
                </p>
                <ul className="reasons" aria-label="Reasons">
                  {gap.reasons.map((reason) => (
                    <li key={reason} className={`reason reason-${reason}`}>
                      {GAP_REASON_LABELS[reason]}
                    </li>
                  ))}
                </ul>
                <p className="gap-detail">{gap.detail}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
      {unknown.length > 0 ? (
        <section aria-labelledby="gaps-unknown-heading">
          <h3 id="gaps-unknown-heading">Need unknown: nobody answered ({unknown.length})</h3>
          <ul className="gap-list gap-unknown" data-testid="gap-unknown-list">
            {unknown.map((gap) => (
              <li key={gap.code} className={gap.code === state.area ? "selected" : undefined}>
                <div>
                  <button
                    type="button"
                    className="link-button gap-name"
                    onClick={() => update({ area: gap.code })}
                    aria-pressed={gap.code === state.area}
                  >
                    {gap.name}
                  </button>
                  <p className="gap-detail">{gap.detail}</p>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
