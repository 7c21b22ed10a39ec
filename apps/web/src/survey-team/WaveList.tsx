import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type RefObject, useId, useState } from "react";
import { apiPath } from "../api/client";
import type { AdminApi, WaveStatus } from "./admin-api";
import { ADMIN_KEY, waveStatusQuery } from "./admin-queries";
import { ConfirmPanel } from "./ConfirmPanel";
import { errorText } from "./error-text";
import { publicationConsequence, waveStateText } from "./publication-words";
import type { Announce } from "./TeamWorkspace";
import { shortDateTime } from "./tracker-rows";

const WAVE_ID = /^(19|20)\d{2}(-(0[1-9]|1[0-2]))?$/;

/** The stored waves with their states and counts, publication, templates, and the wave to track. */
export function WaveList({
  api,
  by,
  selected,
  onSelect,
  announce,
  headingRef,
}: {
  api: AdminApi;
  by: string;
  selected: string | null;
  onSelect: (wave: string) => void;
  announce: Announce;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const id = useId();
  const client = useQueryClient();
  const waves = useQuery(waveStatusQuery(api));
  const [confirming, setConfirming] = useState<WaveStatus | null>(null);
  const [provisional, setProvisional] = useState(false);
  const [otherError, setOtherError] = useState<string | null>(null);
  const publication = useMutation({
    mutationFn: (wave: WaveStatus) =>
      wave.state === "draft"
        ? api.publish(wave.id, by, provisional || wave.provisional)
        : api.unpublish(wave.id, by),
    onSuccess: (result) => announce(result.message),
    onError: (error) => announce(`Not done: ${errorText(error)}`),
    onSettled: () => {
      setConfirming(null);
      headingRef.current?.focus();
      return client.invalidateQueries({ queryKey: ADMIN_KEY });
    },
  });

  const openOther = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("wave") ?? "").trim();
    if (!WAVE_ID.test(value)) {
      setOtherError(`"${value}" is not a wave id; a wave is YYYY or YYYY-MM, e.g. 2027 or 2027-05.`);
      return;
    }
    setOtherError(null);
    onSelect(value);
  };

  const list = [...(waves.data?.waves ?? [])].reverse(); // newest first
  return (
    <section id="team-waves" className="team-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={headingRef} tabIndex={-1}>
        Waves
      </h2>
      {waves.isPending ? <p className="loading">Loading the waves…</p> : null}
      {waves.isError ? <p className="query-error">{errorText(waves.error)}</p> : null}
      {confirming ? (
        <ConfirmPanel
          title={`${confirming.state === "draft" ? "Publish" : "Unpublish"} wave ${confirming.id}?`}
          confirmLabel={`${confirming.state === "draft" ? "Publish" : "Unpublish"} wave ${confirming.id}`}
          onConfirm={() => publication.mutate(confirming)}
          onCancel={() => {
            setConfirming(null);
            headingRef.current?.focus();
          }}
          busy={publication.isPending}
        >
          <p>{publicationConsequence(confirming)}</p>
          {confirming.state === "draft" && !confirming.provisional ? (
            <label className="inline-check">
              <input
                type="checkbox"
                checked={provisional}
                onChange={(e) => setProvisional(e.target.checked)}
              />
              Mark it provisional: its values may still change (shown wherever they appear)
            </label>
          ) : null}
        </ConfirmPanel>
      ) : null}
      <ul className="wave-cards">
        {list.map((wave) => (
          <li key={wave.id} className={wave.id === selected ? "wave-card selected" : "wave-card"}>
            <h3>
              Wave {wave.label}{" "}
              <span className={`state-badge state-${wave.state}`}>{waveStateText(wave)}</span>
            </h3>
            <p>
              {wave.returns} returned of {wave.registerOpen} invited
              {wave.organisationsInvited > wave.returns
                ? ` (${wave.organisationsInvited - wave.returns} no response)`
                : ""}
              .{" "}
              {wave.lastImport
                ? `Last change ${shortDateTime(wave.lastImport.at)} from ${wave.lastImport.file}${wave.lastImport.by ? ` by ${wave.lastImport.by}` : ""}.`
                : "Nothing imported yet."}
              {wave.publishedAt ? ` Published ${shortDateTime(wave.publishedAt)}.` : ""}
            </p>
            <div className="panel-actions">
              <button
                type="button"
                aria-pressed={wave.id === selected}
                onClick={() => onSelect(wave.id)}
                aria-label={`Track returns and links, wave ${wave.id}`}
              >
                Track returns and links
              </button>
              <button type="button" onClick={() => setConfirming(wave)}>
                {wave.state === "draft" ? "Publish" : "Unpublish"} wave {wave.id}…
              </button>
              <TemplateLinks wave={wave.id} />
            </div>
          </li>
        ))}
      </ul>
      <form className="field-row" onSubmit={openOther} noValidate>
        <label htmlFor={`${id}-other`}>A wave not stored yet (e.g. the next one)</label>
        <input
          id={`${id}-other`}
          name="wave"
          type="text"
          inputMode="numeric"
          placeholder="2027"
          size={8}
          aria-invalid={otherError ? true : undefined}
          aria-describedby={`${id}-other-error`}
        />
        <button type="submit">Track</button>
        <span id={`${id}-other-error`} className="field-error">
          {otherError}
        </span>
      </form>
    </section>
  );
}

/** The pre-filled templates of a wave: a row per organisation open during it (public downloads). */
export function TemplateLinks({ wave }: { wave: string }) {
  return (
    <span className="csv-links">
      <a
        className="button-link"
        href={apiPath("imports/template.csv", { wave })}
        download
        aria-label={`Template CSV, wave ${wave}`}
      >
        Template CSV
      </a>
      <a
        className="button-link"
        href={apiPath("imports/template.xlsx", { wave })}
        download
        aria-label={`Template XLSX, wave ${wave}`}
      >
        Template XLSX
      </a>
    </span>
  );
}
