import type { AtlasIndex } from "../metrics/atlas-index";
import type { OrganisationSummary } from "../metrics/organisations";
import { areaContains } from "../metrics/organisations";
import type { Organisation } from "../reference";

/** An organisation as the register lists it: its area's name and its successor's name beside the codes. */
export type RegisterEntry = OrganisationSummary & { successorName: string | null };

/** The successor's name, for the register (null without a successor or when it is not in the reference). */
export function successorName(index: AtlasIndex, org: Organisation): string | null {
  return org.successorCode === null ? null : (index.orgByCode.get(org.successorCode)?.name ?? null);
}

/**
 * GET /api/organisations without a wave: every organisation in the reference data, open and closed (with
 * their dates, area and successor), whether or not any wave exists; optionally within an area at any level.
 * No wave, so no provision, stage or places. Ordered by name.
 */
export function listRegister(index: AtlasIndex, areaCode: string | null): RegisterEntry[] {
  const out: RegisterEntry[] = [];
  for (const org of index.data.organisations) {
    if (areaCode !== null && !areaContains(index, areaCode, org.areaCode)) continue;
    out.push({
      ...org,
      areaName: index.areaByCode.get(org.areaCode)?.name ?? org.areaCode,
      successorName: successorName(index, org),
      provision: null,
      stage: null,
      placesOffered: null,
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code));
}
