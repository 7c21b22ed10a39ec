import type { ResponseTracker, TrackerChange, TrackerEntry, TrackerLink, WaveState } from "../api/survey-ops";
import type { Area, Organisation } from "../reference";
import { LINK_STATES, type LinkFacts, type LinkState, linkState } from "../respondent/link-state";
import { isOpenDuringWave } from "../survey-file/wave-period";
import type { SurveyReturn } from "../survey-return";

export interface TrackerInput {
  wave: { id: string; state: WaveState | null; provisional: boolean; synthetic: boolean };
  /** The register: every organisation in the reference data. */
  organisations: readonly Organisation[];
  areas: readonly Area[];
  /** The wave's stored returns (drafts included: the tracker is for the survey team). */
  returns: readonly SurveyReturn[];
  /** Each organisation's most recent change in this wave, by code. */
  lastChanges: ReadonlyMap<string, TrackerChange>;
  /** Each organisation's newest respondent link for this wave, by code (none: no link made). */
  links?: ReadonlyMap<string, TrackerLinkFacts>;
  /** The time link states are judged at (ISO 8601); expiry depends on it. */
  now?: string;
}

/** What the tracker needs to know about a link. */
export interface TrackerLinkFacts extends LinkFacts {
  linkId: string;
  createdAt: string;
}

/** The link part of a tracker entry for an organisation that has no link yet. */
export const NO_LINK: TrackerLink = {
  state: "none",
  linkId: null,
  createdAt: null,
  expiresAt: null,
  openedAt: null,
  draftSavedAt: null,
  submittedAt: null,
  revokedAt: null,
  unsubmittedChanges: false,
};

/** A link as the tracker shows it, judged at `now`. */
export function trackerLink(link: TrackerLinkFacts | undefined, now: string): TrackerLink {
  if (!link) return NO_LINK;
  return {
    state: linkState(link, now),
    linkId: link.linkId,
    createdAt: link.createdAt,
    expiresAt: link.expiresAt,
    openedAt: link.openedAt,
    draftSavedAt: link.draftSavedAt,
    submittedAt: link.submittedAt,
    revokedAt: link.revokedAt,
    unsubmittedChanges:
      link.draftSavedAt !== null && (link.submittedAt === null || link.draftSavedAt > link.submittedAt),
  };
}

/**
 * The response tracker of a wave: every organisation invited (open during the wave per the register, or with
 * a return), whether it has returned, said it would not (`no_response`), or is still missing, with its last
 * change and the state of its respondent link. Pure; ordered by name.
 */
export function buildResponseTracker(input: TrackerInput): ResponseTracker {
  const returns = new Map(input.returns.map((r) => [r.orgCode, r]));
  const areaName = new Map(input.areas.map((a) => [a.code, a.name]));
  const now = input.now ?? new Date().toISOString();
  const entries: TrackerEntry[] = [];
  for (const org of input.organisations) {
    const row = returns.get(org.code);
    if (!row && !isOpenDuringWave(org, input.wave.id)) continue;
    entries.push({
      code: org.code,
      name: org.name,
      type: org.type,
      areaCode: org.areaCode,
      areaName: areaName.get(org.areaCode) ?? org.areaCode,
      status: !row ? "missing" : row.provision === "no_response" ? "no_response" : "returned",
      provision: row?.provision ?? null,
      lastChange: input.lastChanges.get(org.code) ?? null,
      link: trackerLink(input.links?.get(org.code), now),
    });
  }
  entries.sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code));
  const count = (status: TrackerEntry["status"]) => entries.filter((e) => e.status === status).length;
  const links = Object.fromEntries(LINK_STATES.map((s) => [s, 0])) as Record<LinkState, number>;
  for (const e of entries) links[e.link.state]++;
  return {
    wave: input.wave,
    invited: entries.length,
    returned: count("returned"),
    noResponse: count("no_response"),
    missing: count("missing"),
    links,
    organisations: entries,
  };
}
