/**
 * Test support: everything the domain functions behind the API publish about counts of people, as
 * observations for disclosures(): coverage at every level (recorded), trends at every level under both
 * bases (and the UK), and every organisation's journey.
 */
import type { AtlasIndex } from "../metrics/atlas-index";
import { computeCoverage } from "../metrics/coverage";
import { BASES, type Basis, orgNodeId } from "../metrics/hierarchy";
import { organisationJourney } from "../metrics/journey";
import { computeTrends } from "../metrics/trends";
import { REPORT_LEVELS, type ReportLevel, UK_CODE } from "../vocabulary";
import type { Observation } from "./disclosure-attack";

const PEOPLE_METRICS = ["participants_per_100k", "completion_pct"] as const;

const nodeIdOf = (level: ReportLevel, code: string) => (level === "organisation" ? orgNodeId(code) : code);

interface CellLike {
  status: string;
  numerator: number | null;
  denominator: number | null;
}

export function cellObservation(
  where: string,
  waveId: string,
  basis: Basis,
  nodeId: string,
  metric: (typeof PEOPLE_METRICS)[number],
  cell: CellLike,
): Observation | null {
  if (cell.status !== "ok" && cell.status !== "suppressed") return null;
  return {
    where,
    waveId,
    basis,
    nodeId,
    cell: metric === "participants_per_100k" ? "participants" : "completion",
    suppressed: cell.status === "suppressed",
    numerator: cell.numerator,
    denominator: metric === "completion_pct" ? cell.denominator : null,
  };
}

export function observeDomain(index: AtlasIndex): Observation[] {
  const out: Observation[] = [];
  const push = (o: Observation | null) => {
    if (o) out.push(o);
  };
  for (const wave of index.waves) {
    for (const level of REPORT_LEVELS) {
      for (const metric of PEOPLE_METRICS) {
        const view = computeCoverage(index, { waveId: wave.id, level, metric });
        for (const a of view.areas) {
          const where = `coverage wave=${wave.id} level=${level} metric=${metric} ${a.code}`;
          push(cellObservation(where, wave.id, "recorded", nodeIdOf(level, a.code), metric, a));
        }
      }
    }
  }
  for (const basis of BASES) {
    for (const level of REPORT_LEVELS) {
      for (const metric of PEOPLE_METRICS) {
        const views = [computeTrends(index, { metric, level, codes: null, basis })];
        if (level === "nation") views.push(computeTrends(index, { metric, level, codes: [UK_CODE], basis }));
        for (const view of views) {
          for (const series of view.series) {
            for (const p of series.points) {
              const where = `trends basis=${basis} level=${level} metric=${metric} ${series.code} ${p.wave}`;
              push(cellObservation(where, p.wave, basis, nodeIdOf(level, series.code), metric, p));
            }
          }
        }
      }
    }
  }
  for (const org of index.data.organisations) {
    out.push(...journeyObservations(`journey ${org.code}`, org.code, organisationJourney(index, org.code)));
  }
  return out;
}

interface JourneyStepLike {
  waveId: string;
  participantsStarted: number | null;
  participantsCompleted: number | null;
  suppressedFields?: string[] | undefined;
}

/** An organisation's journey as observations: its own started and completed counts, wave by wave. */
export function journeyObservations(
  where: string,
  orgCode: string,
  journey: readonly JourneyStepLike[],
): Observation[] {
  const out: Observation[] = [];
  for (const step of journey) {
    for (const [cell, field] of [
      ["started", "participantsStarted"],
      ["completed", "participantsCompleted"],
    ] as const) {
      const suppressed = step.suppressedFields?.includes(field) === true;
      if (step[field] === null && !suppressed) continue;
      out.push({
        where: `${where} ${step.waveId} ${field}`,
        waveId: step.waveId,
        basis: "recorded",
        nodeId: orgNodeId(orgCode),
        cell,
        suppressed,
        numerator: step[field],
        denominator: null,
      });
    }
  }
  return out;
}
