import type { GAP_REASONS, GapsResponseSchema } from "@atlas/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef } from "react";
import type { z } from "zod";
import { gapsQuery } from "../api/queries";
import { LEVEL_NOUNS } from "../controls/LevelSwitch";
import { formatCount, formatNumber } from "../format/number";
import { CsvLink } from "../shell/CsvLink";
import { Loading } from "../shell/Loading";
import { StaleNotice } from "../shell/StaleNotice";
import { areaLevelOf } from "../state/area-lookup";
import { useDashboard } from "../state/use-dashboard";
import { GapsMap } from "./GapsMap";

type GapReason = (typeof GAP_REASONS)[number];

export const GAP_REASON_LABELS: Record<GapReason, string> = {
  no_offer: "No answering organisation offers MBCT",
  unmet_need: "Places offered fall short of the places needed",
  low_places: "Places per 100k far below the comparator",
  lost_provision: "Lost provision since the previous wave",
  unknown: "Unknown: nobody answered",
};

/**
 * The Gaps tab: a map of unmet need, with the areas ranked by unmet places beside it on a wide screen and
 * below it on a phone, unknowns listed apart. Choosing an area in the list selects it and brings the map
 * to it; choosing one on the map selects it in the list.
 */
export function GapsView() {
  const { state, update, wave, waves } = useDashboard();
  const gaps = useQuery({
    ...gapsQuery(wave ?? "", state.level, state.need),
    enabled: wave !== null,
    // While the next selection loads (or cannot, in an outage) the last list stays, named for what it is.
    placeholderData: keepPreviousData,
  });
  const level = areaLevelOf(gaps.data?.level ?? state.level, state.level);
  const shown = `${gaps.data?.wave ?? wave ?? ""}: ${LEVEL_NOUNS[level]}`;
  // Chosen on the map (or anywhere): the entry comes into view within the list, without moving the page.
  const listBox = useRef<HTMLDivElement>(null);
  const listed = gaps.data?.wave ?? null;
  useEffect(() => {
    const box = listed ? listBox.current : null;
    const entry = state.area
      ? box?.querySelector<HTMLElement>(`[data-code="${CSS.escape(state.area)}"]`)
      : null;
    if (!box || !entry || box.scrollHeight <= box.clientHeight) return;
    const top = entry.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top + entry.offsetHeight > box.scrollTop + box.clientHeight)
      box.scrollTop = Math.max(0, top - 8);
  }, [state.area, listed]);
  // From the list, the map leaves any position set by hand and shows the chosen area.
  const choose = (code: string) => update({ area: code, map: null });
  return (
    <div className="gaps-view">
      <div className="view-toolbar">
        <h2>Gaps in provision, {shown}</h2>
        {gaps.data ? (
          <CsvLink request={{ view: "gaps", wave: gaps.data.wave, level, need: state.need }} />
        ) : null}
      </div>
      <StaleNotice queries={[gaps]} shown={`the gaps of ${shown}`} />
      <p>
        Ranked by unmet need: the places a year still to provide (places needed by the need model, minus
        places offered), the largest first. Where nobody answered the need is unknown: those areas are shown
        with the missing-value pattern on the map and listed apart, never ranked as if nothing were missing or
        everything were.
      </p>
      <div className="gaps-layout">
        <GapsMap level={level} />
        <div className="gaps-lists" ref={listBox} data-testid="gaps-lists">
          {gaps.data ? (
            <GapLists data={gaps.data} selected={state.area} choose={choose} />
          ) : (
            <Loading what="the gaps" queries={[gaps, waves]} />
          )}
        </div>
      </div>
    </div>
  );
}

type GapsData = z.infer<typeof GapsResponseSchema>;

function GapLists({
  data,
  selected,
  choose,
}: {
  data: GapsData;
  selected: string | null;
  choose: (code: string) => void;
}) {
  const list = data.gaps;
  const unknown = data.unknown;
  return (
    <>
      <h3 className="gaps-list-title">Ranked by unmet places ({list.length})</h3>
      {list.length === 0 ? (
        <p>No known gaps at this level in {data.wave}.</p>
      ) : (
        <ol className="gap-list" data-testid="gap-list">
          {list.map((gap) => (
            <GapEntry
              key={gap.code}
              code={gap.code}
              name={gap.name}
              rank={gap.rank}
              selected={selected}
              choose={choose}
            >
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
            </GapEntry>
          ))}
        </ol>
      )}
      {unknown.length > 0 ? (
        <section aria-labelledby="gaps-unknown-heading">
          <h3 id="gaps-unknown-heading">Need unknown: nobody answered ({unknown.length})</h3>
          <ul className="gap-list gap-unknown" data-testid="gap-unknown-list">
            {unknown.map((gap) => (
              <GapEntry
                key={gap.code}
                code={gap.code}
                name={gap.name}
                rank={null}
                selected={selected}
                choose={choose}
              >
                <p className="gap-detail">{gap.detail}</p>
              </GapEntry>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** One area in a gaps list: its rank (none for the unknowns), its name as the button that selects it, then `children`. */
function GapEntry(props: {
  code: string;
  name: string;
  rank: number | null;
  selected: string | null;
  choose: (code: string) => void;
  children: ReactNode;
}) {
  const { code, name, rank, selected, choose, children } = props;
  return (
    <li data-code={code} className={code === selected ? "selected" : undefined}>
      {rank !== null ? (
        <span className="rank" aria-hidden="true">
          {rank}
        </span>
      ) : null}
      <div>
        <button
          type="button"
          className="link-button gap-name"
          onClick={() => choose(code)}
          aria-pressed={code === selected}
        >
          {name}
        </button>
        {children}
      </div>
    </li>
  );
}
