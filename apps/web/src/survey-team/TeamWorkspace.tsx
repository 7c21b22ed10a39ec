import { useEffect, useId, useRef, useState } from "react";
import { useUrlState } from "../url/use-url-state";
import type { AdminApi } from "./admin-api";
import { Tracker } from "./Tracker";
import { UploadPanel } from "./UploadPanel";
import { WaveList } from "./WaveList";

/** What an action said, for the page's one polite live region. */
export type Announce = (message: string) => void;

/**
 * The unlocked page: who is working (the "by" label recorded with every change), the waves, an upload, and
 * the tracker of the wave chosen (`wave` in the URL, so a link reopens it; never the token).
 */
export function TeamWorkspace({
  api,
  onLock,
  focusOnMount,
}: {
  api: AdminApi;
  onLock: () => void;
  focusOnMount: boolean;
}) {
  const id = useId();
  const [state, setState] = useUrlState();
  const [status, setStatus] = useState("");
  const [by, setBy] = useState("Survey team");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  const announce: Announce = (message) => setStatus(message);

  return (
    <>
      <div className="team-bar">
        <p>
          Unlocked in this tab.{" "}
          <span className="muted">The token is never put in the address or a cookie.</span>
        </p>
        <button type="button" onClick={onLock}>
          Lock
        </button>
      </div>
      <nav aria-label="On this page" className="team-nav">
        <a href="#team-waves">Waves</a>
        <a href="#team-upload">Upload returns</a>
        {state.wave ? <a href="#team-tracker">Returns and links, wave {state.wave}</a> : null}
      </nav>
      <p role="status" className="team-status" data-testid="team-status">
        {status}
      </p>
      <div className="field-row by-row">
        <label htmlFor={`${id}-by`}>Recorded as (who is making changes)</label>
        <input
          id={`${id}-by`}
          type="text"
          value={by}
          maxLength={60}
          onChange={(e) => setBy(e.target.value)}
          aria-describedby={`${id}-by-hint`}
        />
        <span id={`${id}-by-hint`} className="hint">
          Public with each change: a team name or initials.
        </span>
      </div>
      <WaveList
        api={api}
        by={by}
        selected={state.wave}
        onSelect={(wave) => setState({ wave })}
        announce={announce}
        headingRef={heading}
      />
      <UploadPanel api={api} by={by} announce={announce} />
      {state.wave ? (
        <Tracker key={state.wave} api={api} wave={state.wave} by={by} announce={announce} />
      ) : null}
    </>
  );
}
