import type { ImportSummary, Problem, WaveImport } from "@atlas/domain";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { ApiError } from "../api/client";
import type { AdminApi } from "./admin-api";
import { ADMIN_KEY, registerNamesQuery } from "./admin-queries";
import { diffLines, importHeadline, type OrganisationNames, waveHeading } from "./diff-summary";
import { confirmationsAsked, errorText, isConfirmationRequired, problemLine } from "./error-text";
import type { Announce } from "./TeamWorkspace";

type Outcome =
  | { kind: "summary"; summary: ImportSummary }
  | { kind: "refused"; text: string; problem: Problem | null };

const NO_NAMES: OrganisationNames = new Map();

/**
 * Upload a survey file: always a dry run first, showing what it would do to each wave (or why it is
 * refused, naming rows and sheets); only then Import, with the confirmations the server asks for ticked
 * by hand. Changing the file or an option asks for a new dry run.
 */
export function UploadPanel({ api, by, announce }: { api: AdminApi; by: string; announce: Announce }) {
  const id = useId();
  const client = useQueryClient();
  const names = useQuery(registerNamesQuery()).data ?? NO_NAMES;
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<"add" | "replace">("add");
  const [draft, setDraft] = useState(true);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [checkedShrink, setCheckedShrink] = useState(false);
  const [checkedWaves, setCheckedWaves] = useState(false);
  const [busy, setBusy] = useState<"dry-run" | "import" | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (outcome) resultHeading.current?.focus();
  }, [outcome]);

  const reset = () => {
    setOutcome(null);
    setCheckedShrink(false);
    setCheckedWaves(false);
  };
  const asked =
    outcome?.kind === "refused" && isConfirmationRequired(outcome.problem)
      ? confirmationsAsked(outcome.problem)
      : null;
  const dryRunDone = outcome?.kind === "summary" && outcome.summary.status === "validated";
  const canImport =
    file !== null &&
    ((dryRunDone && outcome.summary.waves.some((w) => w.action !== "unchanged")) ||
      (asked !== null &&
        (asked.shrink.length === 0 || checkedShrink) &&
        (asked.waves === null || checkedWaves)));

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? "dry-run" : "import");
    try {
      const summary = await api.importFile(file, {
        mode,
        draft,
        by,
        dryRun,
        ...(!dryRun && asked?.shrink.length ? { confirmShrink: true } : {}),
        ...(!dryRun && asked?.waves ? { confirmWaves: asked.waves } : {}),
      });
      setOutcome({ kind: "summary", summary });
      announce(importHeadline(summary));
      if (!dryRun) await client.invalidateQueries({ queryKey: ADMIN_KEY });
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null;
      setOutcome({ kind: "refused", text: errorText(error), problem });
      announce(
        dryRun ? "The dry run found problems; nothing was stored." : "Not imported; nothing was stored.",
      );
    } finally {
      setBusy(null);
    }
  };

  return (
    <section id="team-upload" className="team-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Upload returns</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(true);
        }}
        noValidate
      >
        <div className="field-stack">
          <label htmlFor={`${id}-file`}>Survey file (CSV or XLSX)</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              reset();
            }}
          />
        </div>
        <fieldset>
          <legend>What the file does to its waves</legend>
          <label className="inline-check">
            <input
              type="radio"
              name={`${id}-mode`}
              value="add"
              checked={mode === "add"}
              onChange={() => {
                setMode("add");
                reset();
              }}
            />
            Add or update these organisations' returns, keep the others
          </label>
          <label className="inline-check">
            <input
              type="radio"
              name={`${id}-mode`}
              value="replace"
              checked={mode === "replace"}
              onChange={() => {
                setMode("replace");
                reset();
              }}
            />
            Replace the wave: its returns become exactly the file's
          </label>
        </fieldset>
        <label className="inline-check">
          <input
            type="checkbox"
            aria-describedby={`${id}-draft-hint`}
            checked={draft}
            onChange={(e) => {
              setDraft(e.target.checked);
              reset();
            }}
          />
          A new wave is a draft (not public until published)
        </label>
        <p id={`${id}-draft-hint`} className="hint">
          Untick it to change a published wave: the change is public at once. (Or unpublish the wave first.)
        </p>
        <div className="panel-actions">
          <button type="submit" disabled={!file || busy !== null}>
            {busy === "dry-run" ? "Checking…" : "Check the file (dry run)"}
          </button>
        </div>
      </form>
      {outcome ? (
        <div className="import-result" data-testid="import-result">
          <h3 ref={resultHeading} tabIndex={-1}>
            {outcome.kind === "summary"
              ? {
                  validated: "Dry run: nothing stored yet",
                  imported: "Imported",
                  unchanged: "Nothing to import",
                }[outcome.summary.status]
              : asked
                ? "Needs your confirmation: nothing stored yet"
                : "Refused: nothing stored"}
          </h3>
          {outcome.kind === "summary" ? (
            <>
              <p>{importHeadline(outcome.summary)}</p>
              <p className="muted">{outcome.summary.message}</p>
              <WaveDiffs waves={outcome.summary.waves} names={names} />
            </>
          ) : (
            <>
              <p className="field-error">{outcome.text}</p>
              {outcome.problem?.errors?.length ? (
                <ul className="problem-list">
                  {outcome.problem.errors.slice(0, 50).map((p, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
                    <li key={i}>{problemLine(p)}</li>
                  ))}
                  {outcome.problem.errors.length > 50 ? (
                    <li>…and {outcome.problem.errors.length - 50} more.</li>
                  ) : null}
                </ul>
              ) : null}
              {outcome.problem?.waves ? <WaveDiffs waves={outcome.problem.waves} names={names} /> : null}
              {asked?.shrink.length ? (
                <label className="inline-check confirm-check">
                  <input
                    type="checkbox"
                    checked={checkedShrink}
                    onChange={(e) => setCheckedShrink(e.target.checked)}
                  />
                  I confirm: remove these returns ({asked.shrink.join("; ")})
                </label>
              ) : null}
              {asked?.waves ? (
                <label className="inline-check confirm-check">
                  <input
                    type="checkbox"
                    checked={checkedWaves}
                    onChange={(e) => setCheckedWaves(e.target.checked)}
                  />
                  I confirm: the file really holds waves {asked.waves.join(", ")}
                </label>
              ) : null}
            </>
          )}
          {dryRunDone || asked ? (
            <div className="panel-actions">
              <button
                type="button"
                className="primary"
                disabled={!canImport || busy !== null}
                onClick={() => void run(false)}
              >
                {busy === "import" ? "Importing…" : `Import ${file?.name ?? "the file"}`}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** Per wave: what the file adds, changes and removes, naming the organisations. */
export function WaveDiffs({ waves, names }: { waves: readonly WaveImport[]; names: OrganisationNames }) {
  return (
    <>
      {waves.map((wave) => (
        <div key={wave.waveId} className="wave-diff" data-testid={`diff-${wave.waveId}`}>
          <h4>{waveHeading(wave)}</h4>
          <ul>
            {diffLines(wave, names).map((line) => (
              <li key={line.kind} className={`diff-${line.kind}`}>
                {line.text}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
