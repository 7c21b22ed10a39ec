import type { z } from "zod";
import type { GAP_REASONS, GapsResponseSchema } from "../api/responses";
import { OFFERING_PROVISIONS, type ReportLevel, UK_CODE } from "../vocabulary";
import { type AtlasIndex, previousWave, returnAt } from "./atlas-index";
import { DEFAULT_NEED_CONTEXT, metricCell, type NeedContext, nodePlacesNeeded } from "./cells";
import { compareCells } from "./comparison";
import { ancestorsOf, orgNodeId } from "./hierarchy";
import { nodesAtLevel } from "./levels";
import { waveTable } from "./wave-table";

export type GapReason = (typeof GAP_REASONS)[number];
export type GapsResponse = z.infer<typeof GapsResponseSchema>;

/** "Far below" for low_places: under this share of the UK rate, and the comparison says lower. */
export const LOW_PLACES_SHARE = 0.5;

/**
 * GET /api/gaps: where provision falls short of need in a wave (recorded basis).
 *
 * Known gaps are ranked by unmet places (places needed by the need model minus places offered), largest
 * first, then by adult population and code; each carries its reasons:
 * - `no_offer`: organisations answered and none offers MBCT (routine or limited);
 * - `unmet_need`: the places offered fall short of the places needed;
 * - `lost_provision`: an organisation there that offered MBCT in the previous wave answered paused or none in
 *   this one (an organisation with no answer this wave is not counted as a loss);
 * - `low_places`: places per 100,000 adults under half the UK's, where the comparison can carry it (at least
 *   5 organisations, not a lower bound) and says lower.
 * Areas where nobody answered, nobody was surveyed, or no answering organisation gave its places, are listed
 * apart (`unknown`), never ranked among the known. Areas where every organisation is not_applicable are not
 * gaps.
 */
export function computeGaps(
  index: AtlasIndex,
  waveId: string,
  level: ReportLevel,
  need: NeedContext = DEFAULT_NEED_CONTEXT,
): GapsResponse {
  const wave = index.waveById.get(waveId);
  if (!wave) throw new Error(`unknown wave ${waveId}`);
  const table = waveTable(index, waveId, "recorded");
  const { hierarchy } = table;
  const ukPlacesCell = metricCell(table, "places_per_100k", UK_CODE);
  const ukPlaces = ukPlacesCell.status === "ok" ? ukPlacesCell.value : null;
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
  const unknown: GapsResponse["unknown"] = [];
  for (const id of nodesAtLevel(index, hierarchy, level, wave)) {
    const node = hierarchy.nodes.get(id)!;
    const t = table.tallies.get(id)!;
    if (t.invited > 0 && t.notApplicable === t.invited) continue;
    const adultPopulation =
      node.level === "organisation"
        ? (index.areaByCode.get(node.parentCode ?? "")?.adultPopulation ?? 0)
        : node.population;
    const placesNeeded = nodePlacesNeeded(table, node, need) ?? 0;
    const common = {
      code: node.code,
      name: node.name,
      adultPopulation,
      invited: t.invited,
      answered: t.answered,
      placesNeeded,
    };
    const unmet = metricCell(table, "unmet_places", id, need);
    if (t.invited === 0 || t.answered === 0 || unmet.status !== "ok" || !unmet.need) {
      const why =
        t.invited === 0
          ? `No organisation here was surveyed in ${wave.id}.`
          : t.answered === 0
            ? `None of the ${plural(t.invited, "invited organisation")} answered about MBCT in ${wave.id}.`
            : `No answering organisation gave its places offered in ${wave.id}.`;
      unknown.push({
        ...common,
        reasons: ["unknown"],
        detail: `${why} It needs about ${places(placesNeeded)} a year.`,
      });
      continue;
    }
    const figures = unmet.need;
    const lowerBound = unmet.upperBound === true;
    const reasons: GapReason[] = [];
    const sentences: string[] = [
      `Needs about ${places(figures.placesNeeded)} a year; ${figures.placesOffered} offered${lowerBound ? " (at least)" : ""}.`,
    ];
    if (t.offering === 0) {
      reasons.push("no_offer");
      sentences.push(`None of the ${plural(t.answered, "answering organisation")} offers MBCT.`);
    }
    if (figures.unmetPlaces > 0) {
      reasons.push("unmet_need");
      sentences.push(
        `Closing the gap takes ${places(figures.unmetPlaces)}${lowerBound ? " at most" : ""}: ${plural(figures.toClose.courses, "course")}, ${plural(figures.toClose.teachers, "trained teacher")}, about £${Math.round(figures.toClose.cost).toLocaleString("en-GB")} a year (2015 prices).`,
      );
    }
    const lost = losses.get(id) ?? 0;
    if (lost > 0) {
      reasons.push("lost_provision");
      sentences.push(
        `${plural(lost, "organisation")} that offered MBCT in ${previous!.id} no longer ${lost === 1 ? "does" : "do"}.`,
      );
    }
    const placesCell = level === "organisation" ? null : metricCell(table, "places_per_100k", id);
    if (
      placesCell?.status === "ok" &&
      ukPlaces !== null &&
      placesCell.value! < LOW_PLACES_SHARE * ukPlaces &&
      compareCells("places_per_100k", placesCell, ukPlacesCell, id === UK_CODE).comparison === "lower"
    ) {
      reasons.push("low_places");
      sentences.push(
        `${fmt(placesCell.value!)} places per 100,000 adults, under half the UK's ${fmt(ukPlaces)}.`,
      );
    }
    if (reasons.length === 0) continue;
    const unanswered = t.invited - t.answered - t.notApplicable;
    if (unanswered > 0) sentences.push(`${unanswered} of ${t.invited} invited did not answer.`);
    gaps.push({
      ...common,
      reasons,
      detail: sentences.join(" "),
      unmetPlaces: figures.unmetPlaces,
      needMetPct: (100 * figures.placesOffered) / figures.placesNeeded,
      placesOffered: figures.placesOffered,
      lowerBound,
      toClose: figures.toClose,
      offeringPct: metricCell(table, "offering_pct", id).value,
      placesPer100k: placesCell?.status === "ok" ? placesCell.value : null,
      comparatorPlacesPer100k: ukPlaces,
    });
  }
  gaps.sort(
    (a, b) =>
      b.unmetPlaces - a.unmetPlaces || b.adultPopulation - a.adultPopulation || a.code.localeCompare(b.code),
  );
  unknown.sort((a, b) => b.placesNeeded - a.placesNeeded || a.code.localeCompare(b.code));
  return {
    wave: wave.id,
    level,
    synthetic: wave.synthetic,
    assumptions: { ...need.assumptions },
    gaps: gaps.map((g, i) => ({ rank: i + 1, ...g })),
    unknown,
  };
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString("en-GB")} ${noun}${n === 1 ? "" : "s"}`;
}

function places(n: number): string {
  const whole = Math.round(n);
  return `${whole.toLocaleString("en-GB")} ${whole === 1 ? "place" : "places"}`;
}

function fmt(x: number): string {
  return x >= 10 ? x.toFixed(0) : x.toFixed(1);
}
