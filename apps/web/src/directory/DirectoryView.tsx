import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { areasQuery, organisationsQuery } from "../api/queries";
import { saveBlob } from "../downloads/save";
import { ApiStatus } from "../shell/ApiStatus";
import { Footer } from "../shell/Footer";
import { Loading } from "../shell/Loading";
import { StaleNotice } from "../shell/StaleNotice";
import { SyntheticBanner } from "../shell/SyntheticBanner";
import { areaIndex } from "../state/area-lookup";
import { useDashboard } from "../state/use-dashboard";
import { useSettled } from "../state/use-settled";
import { serializeUrlState } from "../url/url-state";
import { DirectoryFilters } from "./DirectoryFilters";
import { DirectoryTable } from "./DirectoryTable";
import { directoryCsv, directoryFileName } from "./directory-csv";
import { countWords, directoryEntries, filterDirectory, regionChoices } from "./register";
import { DIRECTORY_TITLE, directorySummary } from "./summary";
import "./directory.css";

/** Today as YYYY-MM-DD: an organisation whose close date has passed is closed. */
const today = () => new Date().toISOString().slice(0, 10);

/**
 * The organisation directory (`?view=directory`): every organisation in the reference register, open and
 * closed, searchable and filterable (all in the URL), each linked to its journey and its area, with the
 * answer it gave in the wave shown (the latest unless the URL names one). It works before any wave exists:
 * the register is reference data, not survey data.
 */
export default function DirectoryView() {
  const { state, update, wave, waveInfo, waves } = useDashboard();
  const register = useQuery(organisationsQuery(null, null));
  const inWave = useQuery({ ...organisationsQuery(wave, null), enabled: wave !== null });
  const areas = useQuery(areasQuery(null));
  const byCode = useMemo(() => areaIndex(areas.data?.areas ?? []), [areas.data]);
  const regions = useMemo(() => regionChoices(areas.data?.areas ?? []), [areas.data]);
  const waveData = wave === null ? null : (inWave.data ?? null);
  const ready = Boolean(register.data && areas.data && waves.data && (wave === null || waveData));
  const entries = useMemo(
    () =>
      register.data && ready
        ? directoryEntries(register.data.organisations, byCode, waveData?.organisations ?? null, today())
        : [],
    [register.data, byCode, waveData, ready],
  );
  const listed = useMemo(
    () => filterDirectory(entries, { q: state.q, status: state.status, region: state.region }),
    [entries, state.q, state.status, state.region],
  );
  const regionName = state.region ? (byCode.get(state.region)?.name ?? null) : null;
  const synthetic = waveData?.synthetic ?? false;
  const provisional = waveData?.provisional ?? false;
  const attribution = areas.data?.attribution;
  const count = ready ? countWords(listed.length, entries.length) : "Loading the register…";
  // Read out when typing pauses; the count on screen follows every key.
  const announced = useSettled(count, 700);

  const download = () => {
    const csv = directoryCsv(listed, {
      wave: waveData ? wave : null,
      synthetic,
      provisional,
      licence: attribution?.licence ?? "Open Government Licence v3.0",
      licenceUrl: attribution?.licenceUrl ?? "",
      attribution: attribution?.statements ?? [],
      query: serializeUrlState(state),
      exportedAt: new Date().toISOString(),
    });
    saveBlob(
      new Blob([csv], { type: "text/csv;charset=utf-8" }),
      directoryFileName(state, waveData ? wave : null, synthetic),
    );
  };

  return (
    <>
      <ApiStatus />
      <SyntheticBanner />
      <main id="content" className="directory" tabIndex={-1}>
        <h1>{DIRECTORY_TITLE}</h1>
        <p className="directory-intro">
          Every NHS organisation in the Atlas’s register, open and closed: English mental health trusts and
          NHS Talking Therapies providers, the Scottish and Welsh health boards and the Northern Ireland
          health and social care trusts. Each name opens its journey through the survey waves; each area opens
          the map there.
        </p>
        <p className="directory-source" data-testid="directory-source">
          The register is real reference data: codes, names, dates and successors from the NHS England
          Organisation Data Service, the Scottish Government, the Office for National Statistics and the
          Department of Health (Northern Ireland), under the{" "}
          {attribution ? (
            <a href={attribution.licenceUrl} rel="license">
              {attribution.licence}
            </a>
          ) : (
            "Open Government Licence v3.0"
          )}
          .{" "}
          <SurveySentence
            wave={wave}
            loaded={waves.data !== undefined}
            synthetic={synthetic || waveInfo?.synthetic === true}
            provisional={provisional}
          />
        </p>
        <DirectoryFilters state={state} regions={regions} update={update} />
        <div className="directory-summary">
          <p className="directory-count" data-testid="directory-count" aria-hidden="true">
            {count}
          </p>
          <p className="visually-hidden" role="status" data-testid="directory-count-announced">
            {announced}
          </p>
          <button
            type="button"
            className="button-link"
            disabled={!ready || listed.length === 0}
            onClick={download}
          >
            Download CSV of {ready && listed.length !== entries.length ? "these" : "all"} organisations
          </button>
        </div>
        <StaleNotice queries={[register, inWave]} />
        <div className="directory-list">
          {!ready ? (
            <Loading what="the register of organisations" queries={[register, areas, waves, inWave]} />
          ) : listed.length === 0 ? (
            <p className="directory-empty">No organisation matches this search and these filters.</p>
          ) : (
            <DirectoryTable
              entries={listed}
              wave={waveData ? wave : null}
              caption={`${directorySummary(state, regionName) ?? "Every organisation in the register"}${
                waveData
                  ? `, with their answers in survey wave ${wave}${synthetic ? " (synthetic)" : ""}`
                  : ""
              }.`}
            />
          )}
        </div>
      </main>
      <Footer />
    </>
  );
}

/** What the survey columns show: the wave's answers, or that no wave is published yet. */
function SurveySentence({
  wave,
  loaded,
  synthetic,
  provisional,
}: {
  wave: string | null;
  loaded: boolean;
  synthetic: boolean;
  provisional: boolean;
}) {
  if (!loaded) return null;
  if (wave === null) {
    return (
      <strong data-testid="directory-no-waves">
        No survey waves are published yet, so there are no returns to show: the register lists the
        organisations a wave can invite.
      </strong>
    );
  }
  return (
    <>
      The last column is each organisation’s answer in survey wave {wave}
      {provisional ? " (provisional: the values may change)" : ""}
      {synthetic ? (
        <>
          , which is <strong>synthetic demonstration data</strong>, not real returns
        </>
      ) : null}
      .
    </>
  );
}
