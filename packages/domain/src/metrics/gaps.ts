import type { z } from "zod";
import type { GAP_REASONS, GapsResponseSchema } from "../api/responses";
import { OFFERING_PROVISIONS, type ReportLevel, UK_CODE } from "../vocabulary";
import { type AtlasIndex, previousWave, returnAt } from "./atlas-index";
import { metricCell } from "./cells";
import { ancestorsOf, orgNodeId } from "./hierarchy";
import { nodesAtLevel } from "./levels";
import { waveTable } from "./wave-table";

export type GapReason = (typeof GAP_REASONS)[number];
export type GapsResponse = z.infer<typeof GapsResponseSchema>;

/** "Far below" for low_places: under this share of the UK rate, and with the upper 95% limit under the UK rate. */
export const LOW_PLACES_SHARE = 0.5;

/** Rank classes: a confirmed absence first, then not knowing, then losses, then thin provision. */
const REASON_ORDER: Record<GapReason, number> = { no_offer: 0, unknown: 1, lost_provision: 2, low_places: 3 };

/**
 * GET /api/gaps: areas (or organisations) with unmet provision in a wave, recorded basis, each with reasons:
 * - `no_offer`: organisations answered and none offers MBCT (routine or limited);
 * - `unknown`: nobody answered (every row no_response or withheld), or no organisation there was surveyed;
 * - `lost_provision`: an organisation there that offered MBCT in the previous wave answered paused or none in
 *   this one (an organisation with no answer this wave is not counted as a loss);
 * - `low_places`: MBCT is offered but places per 100,000 adults are "far below" the UK's: under half the UK
 *   rate and with the upper 95% limit under it (so both large and statistically clear). Areas only.
 * Ranked by the most serious reason (no_offer, unknown, lost_provision, low_places), then by adult population
 * (largest first: more people affected), then by code. Areas where every organisation is not_applicable are
 * not gaps.
 */
export function computeGaps(index: AtlasIndex, waveId: string, level: ReportLevel): GapsResponse {
  const wave = index.waveById.get(waveId);
  if (!wave) throw new Error(`unknown wave ${waveId}`);
  const table = waveTable(index, waveId, "recorded");
  const { hierarchy } = table;
  const uk = metricCell(table, "places_per_100k", UK_CODE);
  const ukPlaces = uk.status === "ok" ? uk.value : null;
  const previous = previousWave(index, waveId);
  const losses = new Map<string, number>();
  if (previous) {
    for (const row of index.returnsByWave.get(waveId) ?? []) {
      const before = returnAt(index, previous.id, row.orgCode);
      if (!before || !OFFERING_PROVISIONS.includes(before.provision)) continue;
      if (row.provision !== "paused" && row.provision !== "none") continue;
      for (const id of ancestorsOf(hierarchy, orgNodeId(row.orgCode)))
        losses.set(id, (losses.get(id) ?? 0) + 1);
    }
  }
  const gaps: Omit<GapsResponse["gaps"][number], "rank">[] = [];
  for (const id of nodesAtLevel(index, hierarchy, level, wave)) {
    const node = hierarchy.nodes.get(id)!;
    const t = table.tallies.get(id)!;
    if (t.invited > 0 && t.notApplicable === t.invited) continue;
    const offering = metricCell(table, "offering_pct", id);
    const places = level === "organisation" ? null : metricCell(table, "places_per_100k", id);
    const reasons: GapReason[] = [];
    const sentences: string[] = [];
    if (t.invited === 0) {
      reasons.push("unknown");
      sentences.push(`No organisation here was surveyed in ${wave.id}.`);
    } else if (t.answered === 0) {
      reasons.push("unknown");
      sentences.push(
        `None of the ${plural(t.invited, "invited organisation")} answered about MBCT in ${wave.id}.`,
      );
    } else if (t.offering === 0) {
      reasons.push("no_offer");
      sentences.push(`None of the ${plural(t.answered, "answering organisation")} offers MBCT.`);
    }
    const lost = losses.get(id) ?? 0;
    if (lost > 0) {
      reasons.push("lost_provision");
      sentences.push(
        `${plural(lost, "organisation")} that offered MBCT in ${previous!.id} no longer ${lost === 1 ? "does" : "do"}.`,
      );
    }
    if (
      t.offering > 0 &&
      places?.status === "ok" &&
      ukPlaces !== null &&
      places.value! < LOW_PLACES_SHARE * ukPlaces &&
      places.upper! < ukPlaces
    ) {
      reasons.push("low_places");
      sentences.push(
        `${fmt(places.value!)} places per 100,000 adults, under half the UK's ${fmt(ukPlaces)}.`,
      );
    }
    if (reasons.length === 0) continue;
    const unanswered = t.invited - t.answered - t.notApplicable;
    if (t.answered > 0 && unanswered > 0)
      sentences.push(`${unanswered} of ${t.invited} invited did not answer.`);
    const population =
      node.level === "organisation"
        ? (index.areaByCode.get(node.parentCode ?? "")?.adultPopulation ?? 0)
        : node.population;
    gaps.push({
      code: node.code,
      name: node.name,
      reasons,
      detail: sentences.join(" "),
      offeringPct: offering.value,
      placesPer100k: places?.status === "ok" ? places.value : null,
      comparatorPlacesPer100k: ukPlaces,
      adultPopulation: population,
    });
  }
  const severity = (reasons: GapReason[]) => Math.min(...reasons.map((r) => REASON_ORDER[r]));
  gaps.sort(
    (a, b) =>
      severity(a.reasons) - severity(b.reasons) ||
      b.adultPopulation - a.adultPopulation ||
      a.code.localeCompare(b.code),
  );
  return {
    wave: wave.id,
    level,
    synthetic: wave.synthetic,
    gaps: gaps.map((g, i) => ({ rank: i + 1, ...g })),
  };
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function fmt(x: number): string {
  return x >= 10 ? x.toFixed(0) : x.toFixed(1);
}
