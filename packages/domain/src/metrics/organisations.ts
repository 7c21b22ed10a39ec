import type { z } from "zod";
import type { OrganisationDetailSchema, OrganisationSummarySchema } from "../api/responses";
import type { Organisation } from "../reference";
import { type AtlasIndex, existedAt, returnAt } from "./atlas-index";
import { organisationJourney } from "./journey";

export type OrganisationSummary = z.infer<typeof OrganisationSummarySchema>;
export type OrganisationDetail = z.infer<typeof OrganisationDetailSchema>;

/** Whether `areaCode` is the area itself or one of its ancestors. */
export function areaContains(index: AtlasIndex, areaCode: string, memberAreaCode: string): boolean {
  let area = index.areaByCode.get(memberAreaCode);
  while (area) {
    if (area.code === areaCode) return true;
    area = area.parentCode ? index.areaByCode.get(area.parentCode) : undefined;
  }
  return false;
}

/**
 * GET /api/organisations: organisations that existed in a wave (a return, or open then), optionally within an
 * area at any level, each with its provision, stage and places in that wave (null without a return; withheld
 * returns show provision `withheld` and nothing else). Ordered by name.
 */
export function listOrganisationsAt(
  index: AtlasIndex,
  waveId: string,
  areaCode: string | null,
): OrganisationSummary[] {
  const wave = index.waveById.get(waveId);
  if (!wave) throw new Error(`unknown wave ${waveId}`);
  const out: OrganisationSummary[] = [];
  for (const org of index.data.organisations) {
    if (areaCode !== null && !areaContains(index, areaCode, org.areaCode)) continue;
    if (!existedAt(index, org, wave)) continue;
    const row = returnAt(index, waveId, org.code);
    const withheld = row?.provision === "withheld";
    out.push({
      ...org,
      areaName: index.areaByCode.get(org.areaCode)?.name ?? org.areaCode,
      provision: row?.provision ?? null,
      stage: withheld ? null : (row?.stage ?? null),
      placesOffered: withheld ? null : (row?.placesOffered ?? null),
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code));
}

/** GET /api/organisations/{code}: the organisation, its area, predecessors, successor and journey; null if unknown. */
export function organisationDetail(index: AtlasIndex, code: string): OrganisationDetail | null {
  const organisation = index.orgByCode.get(code);
  if (!organisation) return null;
  const area = index.areaByCode.get(organisation.areaCode);
  if (!area) return null;
  const journey = organisationJourney(index, code);
  const successor: Organisation | null =
    organisation.successorCode !== null ? (index.orgByCode.get(organisation.successorCode) ?? null) : null;
  return {
    organisation,
    area,
    predecessors: [...(index.predecessorsOf.get(code) ?? [])].sort((a, b) => a.code.localeCompare(b.code)),
    successor,
    synthetic: journey.some((step) => index.waveById.get(step.waveId)?.synthetic === true),
    journey,
  };
}
