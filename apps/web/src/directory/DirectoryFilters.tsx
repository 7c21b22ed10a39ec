import type { Area } from "@atlas/domain";
import { useRef } from "react";
import { type HistoryMode, REGISTER_STATUSES, type RegisterStatus, type ViewState } from "../url/url-state";

const STATUS_WORDS: Record<RegisterStatus, string> = { all: "All", open: "Open", closed: "Closed" };

/** Typing within this long of the last keystroke edits the same history entry (as the wave slider does). */
const TYPING_RUN_MS = 1_500;

/**
 * The directory's search box and filters, all in the URL: search by name or code, open or closed, region.
 */
export function DirectoryFilters({
  state,
  regions,
  update,
}: {
  state: Pick<ViewState, "q" | "status" | "region">;
  regions: ReadonlyArray<Area>;
  update: (patch: Partial<ViewState>, mode?: HistoryMode) => void;
}) {
  const lastKey = useRef(0);
  const onSearch = (q: string) => {
    const now = Date.now();
    update({ q }, now - lastKey.current < TYPING_RUN_MS ? "replace" : "push");
    lastKey.current = now;
  };
  const filtered = state.q !== "" || state.status !== "all" || state.region !== null;
  return (
    <search className="directory-filters" aria-label="Search and filter organisations">
      <div className="directory-field directory-search">
        <label htmlFor="directory-search">Search by name or code</label>
        <input
          id="directory-search"
          type="search"
          value={state.q}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="directory-search-hint"
          onChange={(event) => onSearch(event.target.value)}
        />
        <span id="directory-search-hint" className="directory-hint">
          e.g. Leeds, Lothian or RX4; “NHS” and “Trust” can be left out
        </span>
      </div>
      <fieldset className="directory-field directory-status">
        <legend>Open or closed</legend>
        {REGISTER_STATUSES.map((status) => (
          <label key={status} className="directory-radio">
            <input
              type="radio"
              name="directory-status"
              value={status}
              checked={state.status === status}
              onChange={() => update({ status })}
            />
            {STATUS_WORDS[status]}
          </label>
        ))}
      </fieldset>
      <div className="directory-field">
        <label htmlFor="directory-region">Region</label>
        <select
          id="directory-region"
          value={state.region ?? ""}
          onChange={(event) => update({ region: event.target.value || null })}
        >
          <option value="">All regions</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      <div className="directory-field directory-clear">
        <button
          type="button"
          disabled={!filtered}
          onClick={() => update({ q: "", status: "all", region: null })}
        >
          Clear search and filters
        </button>
      </div>
    </search>
  );
}
