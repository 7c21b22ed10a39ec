import type { GAP_REASONS } from "@atlas/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { gapsQuery } from "../api/queries";
import { LEVEL_NOUNS } from "../controls/LevelSwitch";
import { formatNumber } from "../format/number";
import { CsvLink } from "../shell/CsvLink";
import { Loading } from "../shell/Loading";
import { StaleNotice } from "../shell/StaleNotice";
import { areaLevelOf } from "../state/area-lookup";
import { useDashboard } from "../state/use-dashboard";

type GapReason = (typeof GAP_REASONS)[number];

export const GAP_REASON_LABELS: Record<GapReason, string> = {
  no_offer: "No answering organisation offers MBCT",
  low_places: "Places per 100k far below the comparator",
  lost_provision: "Lost provision since the previous wave",
  unknown: "Unknown: nobody answered",
};

/** Areas ranked by unmet provision, each with its reasons; a name opens the area's panel. */
export function GapsView() {
  const { state, update, wave, waves } = useDashboard();
  const gaps = useQuery({
    ...gapsQuery(wave ?? "", state.level),
    enabled: wave !== null,
    // While the next selection loads (or cannot, in an outage) the last list stays, named for what it is.
    placeholderData: keepPreviousData,
  });
  if (!gaps.data) return <Loading what="the gaps" queries={[gaps, waves]} />;
  const list = gaps.data.gaps;
  const level = areaLevelOf(gaps.data.level, state.level);
  const shown = `${gaps.data.wave}: ${LEVEL_NOUNS[level]}`;
  return (
    <div className="gaps-view">
      <div className="view-toolbar">
        <h2>Gaps in provision, {shown}</h2>
        <CsvLink request={{ view: "gaps", wave: gaps.data.wave, level }} />
      </div>
      <StaleNotice queries={[gaps]} shown={`the gaps of ${shown}`} />
      <p>
        Areas where MBCT is missing, thin, lost, or unknown, the largest gap first. “Unknown” means nobody
        answered: it is not the same as “none”.
      </p>
      {list.length === 0 ? (
        <p>No gaps found at this level in {gaps.data.wave}.</p>
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
                <ul className="reasons" aria-label="Reasons">
                  {gap.reasons.map((reason) => (
                    <li key={reason} className={`reason reason-${reason}`}>
                      {GAP_REASON_LABELS[reason]}
                    </li>
                  ))}
                </ul>
                <p className="gap-detail">{gap.detail}</p>
                <p className="gap-figures">
                  Offering: {gap.offeringPct === null ? "unknown" : `${formatNumber(gap.offeringPct)}%`} ·
                  Places per 100k adults: {formatNumber(gap.placesPer100k)} (comparator{" "}
                  {formatNumber(gap.comparatorPlacesPer100k)}) · {gap.adultPopulation.toLocaleString("en-GB")}{" "}
                  adults
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
