import type { z } from "zod";
import type { FactorsResponseSchema, TransitionsResponseSchema } from "../api/responses";
import type { SurveyReturn } from "../survey-return";
import { ANSWERING_PROVISIONS, BARRIERS, FACILITATORS, PROVISIONS, STAGES } from "../vocabulary";
import type { AtlasIndex } from "./atlas-index";

export type FactorsResponse = z.infer<typeof FactorsResponseSchema>;
export type TransitionsResponse = z.infer<typeof TransitionsResponseSchema>;

/**
 * GET /api/factors: facilitators and barriers against implementation stage in one wave, over answering
 * organisations (provision routine, limited, paused or none; withheld returns are never shown). For each
 * factor and stage: the organisations at that stage that named it, and their share of all organisations at
 * that stage (null where none is at it). `total` counts every answering organisation that named the factor,
 * including those that gave no stage. Every factor of the vocabulary is listed, named or not.
 */
export function computeFactors(index: AtlasIndex, waveId: string): FactorsResponse {
  const wave = index.waveById.get(waveId);
  if (!wave) throw new Error(`unknown wave ${waveId}`);
  const rows = (index.returnsByWave.get(waveId) ?? []).filter((r) =>
    ANSWERING_PROVISIONS.includes(r.provision),
  );
  const atStage = new Map(STAGES.map((s) => [s, rows.filter((r) => r.stage === s)]));
  const factor = (
    kind: "facilitator" | "barrier",
    name: string,
    listed: (r: SurveyReturn) => readonly string[],
  ) => ({
    kind,
    factor: name,
    byStage: STAGES.map((stage) => {
      const group = atStage.get(stage)!;
      const count = group.filter((r) => listed(r).includes(name)).length;
      return { stage, count, share: group.length > 0 ? count / group.length : null };
    }),
    total: rows.filter((r) => listed(r).includes(name)).length,
  });
  return {
    wave: wave.id,
    synthetic: wave.synthetic,
    stages: STAGES.map((stage) => ({ stage, organisations: atStage.get(stage)!.length })),
    factors: [
      ...FACILITATORS.map((f) => factor("facilitator", f, (r) => r.facilitators)),
      ...BARRIERS.map((b) => factor("barrier", b, (r) => r.barriers)),
    ],
  };
}

/** Stage buckets for transitions, in display order. */
export const TRANSITION_STAGE_BUCKETS = [
  ...STAGES,
  "not_recorded",
  "not_applicable",
  "no_response",
  "withheld",
  "not_surveyed",
] as const;
export const TRANSITION_PROVISION_BUCKETS = [...PROVISIONS, "not_surveyed"] as const;

function stageBucket(row: SurveyReturn | undefined): string {
  if (!row) return "not_surveyed";
  if (row.provision === "withheld" || row.provision === "no_response" || row.provision === "not_applicable") {
    return row.provision;
  }
  return row.stage ?? "not_recorded";
}

/**
 * GET /api/transitions: how organisations moved between two waves (recorded basis: each organisation as
 * itself). Every organisation with a return in either wave is counted once; a missing return is
 * `not_surveyed`. Stages of withheld returns are never shown (bucket `withheld`); an answering organisation
 * with no stage is `not_recorded`. Only pairs with a non-zero count are listed, in vocabulary order.
 */
export function computeTransitions(index: AtlasIndex, fromId: string, toId: string): TransitionsResponse {
  const from = index.waveById.get(fromId);
  const to = index.waveById.get(toId);
  if (!from || !to) throw new Error(`unknown wave ${from ? toId : fromId}`);
  const byOrg = (id: string) => new Map((index.returnsByWave.get(id) ?? []).map((r) => [r.orgCode, r]));
  const a = byOrg(fromId);
  const b = byOrg(toId);
  const orgs = new Set([...a.keys(), ...b.keys()]);
  const count = (bucket: (r: SurveyReturn | undefined) => string, order: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const org of orgs) {
      const key = `${bucket(a.get(org))}|${bucket(b.get(org))}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const out: { from: string; to: string; count: number }[] = [];
    for (const x of order)
      for (const y of order) {
        const n = counts.get(`${x}|${y}`);
        if (n) out.push({ from: x, to: y, count: n });
      }
    return out;
  };
  return {
    from: fromId,
    to: toId,
    synthetic: from.synthetic || to.synthetic,
    stages: count(stageBucket, TRANSITION_STAGE_BUCKETS),
    provision: count((r) => r?.provision ?? "not_surveyed", TRANSITION_PROVISION_BUCKETS),
  };
}
