import type { ResponseTracker, TrackerChange, TrackerEntry, WaveState } from "../api/survey-ops";
import type { Area, Organisation } from "../reference";
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
}

/**
 * The response tracker of a wave: every organisation invited (open during the wave per the register, or with
 * a return), whether it has returned, said it would not (`no_response`), or is still missing, with its last
 * change. Pure; ordered by name. (Respondent links, issue 12, would be one more field per entry.)
 */
export function buildResponseTracker(input: TrackerInput): ResponseTracker {
  const returns = new Map(input.returns.map((r) => [r.orgCode, r]));
  const areaName = new Map(input.areas.map((a) => [a.code, a.name]));
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
    });
  }
  entries.sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code));
  const count = (status: TrackerEntry["status"]) => entries.filter((e) => e.status === status).length;
  return {
    wave: input.wave,
    invited: entries.length,
    returned: count("returned"),
    noResponse: count("no_response"),
    missing: count("missing"),
    organisations: entries,
  };
}
