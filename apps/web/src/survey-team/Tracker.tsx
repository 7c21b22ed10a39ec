import {
  type CreatedLinks,
  LINK_STATES,
  type LinkState,
  TRACKER_STATUSES,
  type TrackerEntry,
  type TrackerStatus,
} from "@atlas/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { adminSession } from "../api/admin-session";
import { saveBlob } from "../downloads/save";
import type { AdminApi } from "./admin-api";
import { ADMIN_KEY, trackerQuery } from "./admin-queries";
import { ConfirmPanel } from "./ConfirmPanel";
import { errorText } from "./error-text";
import { NewLinks } from "./NewLinks";
import type { Announce } from "./TeamWorkspace";
import {
  filterTracker,
  LINK_STATE_LABELS,
  linkStateText,
  NO_FILTER,
  type SortKey,
  STATUS_LABELS,
  shortDateTime,
  sortTracker,
  type TrackerFilter,
  type TrackerSort,
} from "./tracker-rows";

const WORKING: ReadonlySet<LinkState> = new Set(["sent", "opened", "draft_saved", "submitted"]);

type LinkAction = { kind: "revoke" | "reissue"; entry: TrackerEntry };

/**
 * A wave's response tracker: invited, returned and missing by organisation (sortable, filterable), each
 * organisation's respondent link, the list to chase as CSV, links made for everyone or the rows chosen,
 * revoked or reissued one at a time, and the draft previewed in the dashboard.
 */
export function Tracker({
  api,
  wave,
  by,
  announce,
}: {
  api: AdminApi;
  wave: string;
  by: string;
  announce: Announce;
}) {
  const id = useId();
  const client = useQueryClient();
  const tracker = useQuery(trackerQuery(api, wave));
  const [filter, setFilter] = useState<TrackerFilter>(NO_FILTER);
  const [sort, setSort] = useState<TrackerSort>({ key: "status", direction: "ascending" });
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [action, setAction] = useState<LinkAction | null>(null);
  const [made, setMade] = useState<CreatedLinks | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const mounted = useRef(false);
  useEffect(() => {
    // Opening a wave's tracker (not the page's first render) brings it into view.
    if (mounted.current) return;
    mounted.current = true;
    if (document.activeElement !== document.body) heading.current?.focus();
  }, []);

  const refresh = () => client.invalidateQueries({ queryKey: ADMIN_KEY });
  const createLinks = useMutation({
    mutationFn: (request: { orgCodes?: string[]; reissue?: boolean }) =>
      api.createLinks(wave, { ...request, by }),
    onSuccess: (result) => {
      setMade(result);
      setChosen(new Set());
      announce(result.message);
    },
    onError: (error) => announce(`No links made: ${errorText(error)}`),
    onSettled: () => {
      setAction(null);
      return refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (entry: TrackerEntry) => api.revokeLink(wave, entry.code, by),
    onSuccess: (result) => announce(result.message),
    onError: (error) => announce(`Not revoked: ${errorText(error)}`),
    onSettled: () => {
      setAction(null);
      heading.current?.focus();
      return refresh();
    },
  });
  const download = useMutation({
    mutationFn: () => api.chaseCsv(wave),
    onSuccess: (blob) => {
      saveBlob(blob, `mbct-atlas_tracker_${wave}_to-chase.csv`);
      announce(`Downloaded the organisations still to chase in wave ${wave}.`);
    },
    onError: (error) => announce(`Not downloaded: ${errorText(error)}`),
  });

  const data = tracker.data;
  const rows = useMemo(
    () => (data ? sortTracker(filterTracker(data.organisations, filter), sort) : []),
    [data, filter, sort],
  );
  const published = data?.wave.state === "published";
  const chosenCodes = [...chosen].filter((code) => data?.organisations.some((o) => o.code === code));

  const sortButton = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? sort.direction : undefined}>
        <button
          type="button"
          className="link-button"
          onClick={() =>
            setSort({
              key,
              direction: active && sort.direction === "ascending" ? "descending" : "ascending",
            })
          }
        >
          {label}
          <span aria-hidden="true">{active ? (sort.direction === "ascending" ? " ▲" : " ▼") : ""}</span>
        </button>
      </th>
    );
  };
  const toggle = (code: string, on: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });

  return (
    <section id="team-tracker" className="team-section" aria-labelledby={`${id}-h`} data-testid="tracker">
      <h2 id={`${id}-h`} ref={heading} tabIndex={-1}>
        Returns and links, wave {wave}
      </h2>
      {tracker.isPending ? <p className="loading">Loading the tracker…</p> : null}
      {tracker.isError ? <p className="query-error">{errorText(tracker.error)}</p> : null}
      {data ? (
        <>
          <p data-testid="tracker-counts">
            {data.wave.state === null
              ? "Nothing stored for this wave yet. "
              : `${data.wave.state === "draft" ? "Draft" : "Published"}${data.wave.provisional ? ", provisional" : ""}. `}
            <strong>{data.invited}</strong> invited, <strong>{data.returned}</strong> returned,{" "}
            <strong>{data.noResponse}</strong> no response, <strong>{data.missing}</strong> missing.
          </p>
          <p data-testid="link-counts">
            Links:{" "}
            {LINK_STATES.map(
              (state) => `${LINK_STATE_LABELS[state].toLowerCase()} ${data.links[state] ?? 0}`,
            ).join(", ")}
            .
          </p>
          <div className="panel-actions">
            <button type="button" onClick={() => download.mutate()} disabled={download.isPending}>
              Download the list to chase (CSV)
            </button>
            <button
              type="button"
              onClick={() => createLinks.mutate({})}
              disabled={published || createLinks.isPending}
            >
              Make links for every invited organisation
            </button>
            <button
              type="button"
              onClick={() => createLinks.mutate({ orgCodes: chosenCodes })}
              disabled={published || chosenCodes.length === 0 || createLinks.isPending}
            >
              Make links for the {chosenCodes.length} chosen
            </button>
            {data.wave.state === "draft" ? (
              <button
                type="button"
                onClick={() => {
                  adminSession().setPreview(true);
                  window.location.assign(`/?wave=${encodeURIComponent(wave)}`);
                }}
              >
                Preview wave {wave} in the dashboard
              </button>
            ) : null}
          </div>
          {published ? (
            <p className="hint">A published wave takes no respondent links: unpublish it first.</p>
          ) : null}
          {made ? (
            <NewLinks
              result={made}
              announce={announce}
              onDone={() => {
                setMade(null);
                heading.current?.focus();
              }}
            />
          ) : null}
          {action ? (
            <ConfirmPanel
              title={
                action.kind === "revoke"
                  ? `Revoke the link of ${action.entry.name}?`
                  : `Make a new link for ${action.entry.name}?`
              }
              confirmLabel={action.kind === "revoke" ? "Revoke the link" : "Make a new link"}
              busy={revoke.isPending || createLinks.isPending}
              onCancel={() => {
                setAction(null);
                heading.current?.focus();
              }}
              onConfirm={() =>
                action.kind === "revoke"
                  ? revoke.mutate(action.entry)
                  : createLinks.mutate({ orgCodes: [action.entry.code], reissue: true })
              }
            >
              <p>
                {action.kind === "revoke"
                  ? "The link stops working at once. The respondent's saved answers and any submitted return are kept."
                  : "The new link is shown once; the old link stops working at once. The respondent's saved answers move to the new link."}
              </p>
            </ConfirmPanel>
          ) : null}
          <TrackerFilters filter={filter} onChange={setFilter} shown={rows.length} total={data.invited} />
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard */}
          <section className="table-scroll" aria-label={`Organisations, wave ${wave}`} tabIndex={0}>
            <table className="data-table compact tracker-table">
              <caption className="visually-hidden">
                Organisations invited in wave {wave}: return status and respondent link. Sorted by {sort.key},{" "}
                {sort.direction}.
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <label className="select-all">
                      <input
                        type="checkbox"
                        checked={rows.length > 0 && rows.every((r) => chosen.has(r.code))}
                        onChange={(e) => {
                          const on = e.target.checked;
                          setChosen((previous) => {
                            const next = new Set(previous);
                            for (const r of rows) {
                              if (on) next.add(r.code);
                              else next.delete(r.code);
                            }
                            return next;
                          });
                        }}
                      />
                      <span className="visually-hidden">Choose every organisation shown</span>
                    </label>
                  </th>
                  {sortButton("name", "Organisation")}
                  {sortButton("area", "Area")}
                  {sortButton("status", "Return")}
                  {sortButton("link", "Link")}
                  {sortButton("changed", "Last change")}
                  <th scope="col">Link actions</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((entry) => (
                  <tr key={entry.code} data-org={entry.code}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Choose ${entry.name}`}
                        checked={chosen.has(entry.code)}
                        onChange={(e) => toggle(entry.code, e.target.checked)}
                      />
                    </td>
                    <th scope="row">
                      {entry.name} <span className="muted">{entry.code}</span>
                    </th>
                    <td>{entry.areaName}</td>
                    <td>{STATUS_LABELS[entry.status]}</td>
                    <td className="link-state" data-testid="link-state">
                      {linkStateText(entry.link)}
                    </td>
                    <td>
                      {entry.lastChange
                        ? `${shortDateTime(entry.lastChange.at)}${entry.lastChange.by ? `, ${entry.lastChange.by}` : ""}`
                        : "–"}
                    </td>
                    <td className="row-actions">
                      {WORKING.has(entry.link.state) && !published ? (
                        <button
                          type="button"
                          onClick={() => setAction({ kind: "revoke", entry })}
                          aria-label={`Revoke the link of ${entry.name}…`}
                        >
                          Revoke…
                        </button>
                      ) : null}
                      {entry.link.state !== "none" && !published ? (
                        <button
                          type="button"
                          onClick={() => setAction({ kind: "reissue", entry })}
                          aria-label={`Reissue the link of ${entry.name}…`}
                        >
                          Reissue…
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      ) : null}
    </section>
  );
}

function TrackerFilters({
  filter,
  onChange,
  shown,
  total,
}: {
  filter: TrackerFilter;
  onChange: (filter: TrackerFilter) => void;
  shown: number;
  total: number;
}) {
  const id = useId();
  return (
    <fieldset className="tracker-filters">
      <legend>Show</legend>
      <div className="field-stack">
        <label htmlFor={`${id}-status`}>Return</label>
        <select
          id={`${id}-status`}
          value={filter.status}
          onChange={(e) => onChange({ ...filter, status: e.target.value as TrackerStatus | "all" })}
        >
          <option value="all">All</option>
          {TRACKER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field-stack">
        <label htmlFor={`${id}-link`}>Link</label>
        <select
          id={`${id}-link`}
          value={filter.link}
          onChange={(e) => onChange({ ...filter, link: e.target.value as LinkState | "all" })}
        >
          <option value="all">All</option>
          {LINK_STATES.map((s) => (
            <option key={s} value={s}>
              {LINK_STATE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field-stack">
        <label htmlFor={`${id}-text`}>Name, code or area</label>
        <input
          id={`${id}-text`}
          type="search"
          value={filter.text}
          onChange={(e) => onChange({ ...filter, text: e.target.value })}
        />
      </div>
      <p className="muted" aria-live="polite">
        {shown} of {total} organisations shown
      </p>
    </fieldset>
  );
}
