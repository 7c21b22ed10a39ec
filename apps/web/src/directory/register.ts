import type { Area, OrganisationSummary, OrganisationType, Provision } from "@atlas/domain";
import { normalise } from "../controls/search-index";
import { PROVISION_SHORT } from "../format/provision";
import type { RegisterStatus } from "../url/url-state";

/**
 * The organisation directory's pure half: the register's rows joined to their region and to one wave's
 * answers, and the search and filters the URL names.
 */

export interface DirectoryEntry {
  code: string;
  name: string;
  type: OrganisationType;
  areaCode: string;
  areaName: string;
  /** The NHS region (or devolved nation's pseudo-region) the organisation's area is in. */
  regionCode: string | null;
  regionName: string | null;
  openedOn: string | null;
  closedOn: string | null;
  /** Closed before today; a close date still to come leaves it open. */
  closed: boolean;
  successorCode: string | null;
  successorName: string | null;
  /** Where the register's row comes from (a short citation). */
  source: string;
  /**
   * In the wave shown: `answered` with the provision given, `not_surveyed` (open then, no return), or
   * `not_open` (did not exist then); null when no wave is published.
   */
  wave: { status: "answered"; provision: Provision } | { status: "not_surveyed" | "not_open" } | null;
}

/** Closed, as of `today` (YYYY-MM-DD): the close date has passed. */
export function isClosed(closedOn: string | null, today: string): boolean {
  return closedOn !== null && closedOn < today;
}

/** The region above an area (the area itself if it is one); null for a nation or an unknown code. */
export function regionOf(areaCode: string, areas: ReadonlyMap<string, Area>): Area | null {
  let area = areas.get(areaCode) ?? null;
  for (let depth = 0; area && area.level !== "region" && depth < 4; depth++) {
    area = area.parentCode ? (areas.get(area.parentCode) ?? null) : null;
  }
  return area?.level === "region" ? area : null;
}

/**
 * The register's organisations (in its order, by name) with region, open or closed as of `today`, and
 * their answer in the wave whose organisations are `inWave` (null: no wave published yet).
 */
export function directoryEntries(
  register: ReadonlyArray<OrganisationSummary>,
  areas: ReadonlyMap<string, Area>,
  inWave: ReadonlyArray<OrganisationSummary> | null,
  today: string,
): DirectoryEntry[] {
  const waveByCode = new Map((inWave ?? []).map((o) => [o.code, o]));
  return register.map((o) => {
    const region = regionOf(o.areaCode, areas);
    const there = waveByCode.get(o.code);
    return {
      code: o.code,
      name: o.name,
      type: o.type,
      areaCode: o.areaCode,
      areaName: o.areaName,
      regionCode: region?.code ?? null,
      regionName: region?.name ?? null,
      openedOn: o.openedOn,
      closedOn: o.closedOn,
      closed: isClosed(o.closedOn, today),
      successorCode: o.successorCode,
      successorName: o.successorName ?? null,
      source: o.source,
      wave:
        inWave === null
          ? null
          : !there
            ? { status: "not_open" }
            : there.provision === null
              ? { status: "not_surveyed" }
              : { status: "answered", provision: there.provision },
    };
  });
}

/** Words nearly every name has: left out of a search, so "Leeds NHS Trust" finds the Leeds trusts. */
const FILLER_WORDS: ReadonlySet<string> = new Set(["nhs", "trust", "foundation", "ft", "the", "of", "and"]);

/** Lowercase words without accents, apostrophes or punctuation ("&" read as "and"). */
function words(text: string): string[] {
  return normalise(text)
    .replace(/['’]/g, "")
    .replace(/&/g, " and ")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * What a search looks for: its words, less the filler ones (unless it is nothing but filler: "NHS"
 * alone still means NHS).
 * @example searchTerms("Leeds NHS Foundation Trust") // ["leeds"]
 */
export function searchTerms(query: string): string[] {
  const all = words(query);
  const meaningful = all.filter((w) => !FILLER_WORDS.has(w));
  return meaningful.length > 0 ? meaningful : all;
}

/** Every term is in the name (anywhere in it) or starts the code, ignoring case and accents. */
export function matchesSearch(
  entry: Pick<DirectoryEntry, "code" | "name">,
  terms: readonly string[],
): boolean {
  if (terms.length === 0) return true;
  const name = ` ${words(entry.name).join(" ")} `;
  const code = entry.code.toLowerCase();
  return terms.every((term) => name.includes(term) || code.startsWith(term));
}

export interface DirectoryFilters {
  q: string;
  status: RegisterStatus;
  region: string | null;
}

/**
 * The entries a search and filters leave, by name, with an organisation whose code is the search
 * itself first (a successor's link searches for its code).
 */
export function filterDirectory(
  entries: ReadonlyArray<DirectoryEntry>,
  { q, status, region }: DirectoryFilters,
): DirectoryEntry[] {
  const terms = searchTerms(q);
  const exact = q.trim().toLowerCase();
  const kept = entries.filter(
    (e) =>
      (status === "all" || (status === "closed") === e.closed) &&
      (region === null || e.regionCode === region) &&
      matchesSearch(e, terms),
  );
  const first = kept.filter((e) => e.code.toLowerCase() === exact);
  return first.length > 0 ? [...first, ...kept.filter((e) => !first.includes(e))] : kept;
}

/**
 * The count line read out as the list changes.
 * @example countWords(23, 90) // "Showing 23 of 90 organisations"
 */
export function countWords(shown: number, total: number): string {
  const noun = total === 1 ? "organisation" : "organisations";
  return shown === total ? `Showing all ${total} ${noun}` : `Showing ${shown} of ${total} ${noun}`;
}

/** Regions to filter by, by name: England's seven NHS regions and one for each devolved nation. */
export function regionChoices(areas: ReadonlyArray<Area>): Area[] {
  return areas.filter((a) => a.level === "region").sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * An entry's answer in the wave shown, in the dashboard's words.
 * @example waveStatusWords({ status: "not_open" }, "2026") // "Not open in 2026"
 */
export function waveStatusWords(wave: NonNullable<DirectoryEntry["wave"]>, waveId: string): string {
  if (wave.status === "answered") return PROVISION_SHORT[wave.provision];
  return wave.status === "not_surveyed" ? "Not surveyed" : `Not open in ${waveId}`;
}
