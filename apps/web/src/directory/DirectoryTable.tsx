import { useEffect, useState } from "react";
import { shortAreaName } from "../controls/search-index";
import { ORGANISATION_TYPE_WORDS } from "../format/organisation";
import { PROVISION_COLOURS } from "../format/provision";
import { dayMonthYear } from "../format/time";
import { UrlLink } from "../url/UrlLink";
import { type DirectoryEntry, waveStatusWords } from "./register";

/** Each row's heading, also what the successor links move the focus to. */
export const entryId = (code: string) => `org-${code}`;

function DateText({ iso }: { iso: string }) {
  return <time dateTime={iso}>{dayMonthYear(iso)}</time>;
}

function OpenClosed({ entry }: { entry: DirectoryEntry }) {
  const { closed, openedOn, closedOn } = entry;
  if (closed && closedOn) {
    return (
      <>
        <strong>Closed</strong> <DateText iso={closedOn} />
        {openedOn ? (
          <span className="directory-aside">
            opened <DateText iso={openedOn} />
          </span>
        ) : null}
      </>
    );
  }
  return (
    <>
      Open{" "}
      {openedOn ? (
        <>
          since <DateText iso={openedOn} />
        </>
      ) : null}
      {closedOn ? (
        <span className="directory-aside">
          closes <DateText iso={closedOn} />
        </span>
      ) : null}
    </>
  );
}

/**
 * The organisations listed: a table on wide screens, a stack of labelled rows on a phone (directory.css).
 * Each name opens its journey in the dashboard, each area the map at that area, and each successor its own
 * entry here (the focus moves to it).
 */
export function DirectoryTable({
  entries,
  wave,
  caption,
}: {
  entries: ReadonlyArray<DirectoryEntry>;
  /** The wave whose answers the last column shows; null: no wave, no column. */
  wave: string | null;
  caption: string;
}) {
  const [focusCode, setFocusCode] = useState<string | null>(null);
  useEffect(() => {
    if (focusCode === null) return;
    const heading = document.getElementById(entryId(focusCode));
    heading?.focus();
    heading?.scrollIntoView({ block: "nearest" });
    setFocusCode(null);
  }, [focusCode]);
  const surveyLabel = wave ? `Survey ${wave}` : null;
  return (
    <table className="data-table directory-table" data-testid="directory-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Organisation</th>
          <th scope="col">Type</th>
          <th scope="col">Area</th>
          <th scope="col">Open or closed</th>
          <th scope="col">Successor</th>
          {surveyLabel ? <th scope="col">{surveyLabel}</th> : null}
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.code} data-code={e.code} className={e.closed ? "closed" : undefined}>
            <th scope="row" id={entryId(e.code)} tabIndex={-1}>
              <UrlLink patch={{ view: "dashboard", tab: "organisation", org: e.code }}>{e.name}</UrlLink>
              <span className="directory-code">{e.code}</span>
            </th>
            <td data-label="Type">{ORGANISATION_TYPE_WORDS[e.type] ?? e.type}</td>
            <td data-label="Area">
              <UrlLink patch={{ view: "dashboard", tab: "map", area: e.areaCode, level: "local", org: null }}>
                {shortAreaName(e.areaName)}
              </UrlLink>
              {e.regionName && e.regionName !== e.areaName ? (
                <span className="directory-aside">{e.regionName}</span>
              ) : null}
            </td>
            <td data-label="Open or closed">
              <OpenClosed entry={e} />
            </td>
            <td data-label="Successor">
              {e.successorCode ? (
                <UrlLink
                  className="directory-successor"
                  patch={{ q: e.successorCode, status: "all", region: null }}
                  afterFollow={() => setFocusCode(e.successorCode)}
                >
                  {e.successorName ?? e.successorCode}
                </UrlLink>
              ) : (
                "None"
              )}
            </td>
            {surveyLabel && wave && e.wave ? (
              <td data-label={surveyLabel}>
                {e.wave.status === "answered" ? (
                  <span
                    className="swatch small"
                    style={{ background: PROVISION_COLOURS[e.wave.provision] }}
                    aria-hidden="true"
                  />
                ) : null}
                {waveStatusWords(e.wave, wave)}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
