import type { GAP_REASONS } from "@atlas/domain";
import { useQuery } from "@tanstack/react-query";
import { gapsQuery } from "../api/queries";
import { LEVEL_NOUNS } from "../controls/LevelSwitch";
import { formatNumber } from "../format/number";
import { CsvLink } from "../shell/CsvLink";
import { Loading } from "../shell/Loading";
import { QueryError } from "../shell/QueryError";
import { useDashboard } from "../state/use-dashboard";

type GapReason = (typeof GAP_REASONS)[number];

export const GAP_REASON_LABELS: Record<GapReason, string> = {
  no_offer: "No answering organisation offers MBCT",
  unmet_need: "Places offered fall short of the places needed",
  low_places: "Places per 100k far below the comparator",
  lost_provision: "Lost provision since the previous wave",
  unknown: "Unknown: nobody answered",
};

/** Areas ranked by unmet provision, each with its reasons; a name opens the area's panel. */
export function GapsView() {
  const { state, update, wave } = useDashboard();
  const gaps = useQuery({ ...gapsQuery(wave ?? "", state.level), enabled: wave !== null });
  if (gaps.isError)
    return <QueryError error={gaps.error} what="the gaps" retry={() => void gaps.refetch()} />;
  if (!gaps.data || !wave) return <Loading what="the gaps" />;
  const list = gaps.data.gaps;
  return (
    <div className="gaps-view">
      <div className="view-toolbar">
        <h2>
          Gaps in provision, {wave}: {LEVEL_NOUNS[state.level]}
        </h2>
        <CsvLink request={{ view: "gaps", wave, level: state.level }} />
      </div>
      <p>
        Areas where MBCT is missing, thin, lost, or unknown, the largest gap first. “Unknown” means nobody
        answered: it is not the same as “none”.
      </p>
      {list.length === 0 ? (
        <p>No gaps found at this level in {wave}.</p>
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
