import { type CsvCell, SYNTHETIC_DATA_NOTICE, toCsv } from "@atlas/domain";
import { type DirectoryEntry, waveStatusWords } from "./register";

/**
 * The directory's download: the organisations listed, as the API's exports write CSV (`toCsv`: header on
 * line 1, CRLF, no byte-order mark, formula-like text cells neutralised) with the same provenance columns
 * at the end of every row. Built here because the list's search and filters are the page's, not the API's.
 */

export const DIRECTORY_COLUMNS = [
  "code",
  "name",
  "type",
  "region_code",
  "region_name",
  "area_code",
  "area_name",
  "opened_on",
  "closed_on",
  "status",
  "successor_code",
  "successor_name",
  "wave",
  "wave_status",
  "provision",
  "synthetic",
  "provisional",
  "notice",
  "source",
  "licence",
  "attribution",
  "query",
  "exported_at",
] as const;

export interface DirectoryCsvContext {
  /** The wave whose answers are listed; null before any wave is published. */
  wave: string | null;
  synthetic: boolean;
  provisional: boolean;
  licence: string;
  licenceUrl: string;
  attribution: readonly string[];
  /** The page's query string that reproduces the list, e.g. `?view=directory&q=leeds`. */
  query: string;
  exportedAt: string;
}

export function directoryCsv(entries: ReadonlyArray<DirectoryEntry>, context: DirectoryCsvContext): string {
  const { wave, synthetic, provisional } = context;
  const words = SYNTHETIC_DATA_NOTICE.all;
  const notice = [
    synthetic ? `${words.lead} ${words.body}` : "",
    provisional && wave ? `The values for wave ${wave} are provisional and may change.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const rows = entries.map(
    (e): Record<(typeof DIRECTORY_COLUMNS)[number], CsvCell> => ({
      code: e.code,
      name: e.name,
      type: e.type,
      region_code: e.regionCode,
      region_name: e.regionName,
      area_code: e.areaCode,
      area_name: e.areaName,
      opened_on: e.openedOn,
      closed_on: e.closedOn,
      status: e.closed ? "closed" : "open",
      successor_code: e.successorCode,
      successor_name: e.successorName,
      wave,
      wave_status: wave && e.wave ? waveStatusWords(e.wave, wave) : null,
      provision: e.wave?.status === "answered" ? e.wave.provision : null,
      synthetic: wave ? synthetic : false,
      provisional: wave ? provisional : false,
      notice,
      source: `Organisation: ${e.source}${wave ? `; answers: survey wave ${wave}${synthetic ? " (synthetic)" : ""}` : ""}`,
      licence: `${context.licence} (${context.licenceUrl})`,
      attribution: context.attribution.join(" "),
      query: context.query.replace(/^\?/, ""),
      exported_at: context.exportedAt,
    }),
  );
  return toCsv(DIRECTORY_COLUMNS, rows);
}

/**
 * A file name that says what is in it, as the API's exports name theirs.
 * @example directoryFileName({ q: "leeds", status: "closed", region: null }, "2026", true)
 *   // "mbct-atlas_directory_leeds_closed_2026_synthetic.csv"
 */
export function directoryFileName(
  filters: { q: string; status: string; region: string | null },
  wave: string | null,
  synthetic: boolean,
): string {
  const parts = [
    "mbct-atlas",
    "directory",
    filters.q.trim(),
    filters.status === "all" ? "" : filters.status,
    filters.region ?? "",
    wave ?? "register",
    synthetic ? "synthetic" : "",
  ].filter(Boolean);
  return `${parts.map((p) => p.replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 60)).join("_")}.csv`;
}
