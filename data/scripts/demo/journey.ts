import type { SupportLevel } from "../../../packages/domain/src/index";
import type { Random } from "./prng";

/**
 * One organisation's hidden MBCT journey, advanced one wave (two years) at a time. A Markov-style process
 * after ASPIRE's findings: a champion is needed for a journey to start; when the champion leaves, provision
 * pauses unless a team can carry on, and often restarts when a new champion arrives; stages move forward
 * and back; leadership and commissioner support grow where provision becomes routine.
 * Every number here is a modelling assumption for SYNTHETIC data, not an estimate of the real world.
 */
export type OfferingState = "routine" | "limited" | "paused" | "none";

export interface JourneyState {
  champion: boolean;
  /** 0 not started, 1 starting out, 2 developmental, 3 sustainable. */
  stage: 0 | 1 | 2 | 3;
  provision: OfferingState;
  teachersTrained: number;
  teachersActive: number;
  leadership: SupportLevel;
  commissioner: SupportLevel;
  /** Events since the previous wave, reported as barriers, facilitators and notes. */
  championLeft: boolean;
  championArrived: boolean;
  pandemicPause: boolean;
  /** What a service paused by the pandemic goes back to when it restarts. */
  resumeAs: OfferingState | null;
  /** Waves in a row without a champion while paused: a long pause becomes "none". */
  pausedWaves: number;
}

export interface JourneyContext {
  /** Regional plus organisational propensity to implement (log-odds shift, about −1…+1). */
  propensity: number;
  /** True from 2018 for organisations whose therapists could join the funded Talking Therapies MBCT training. */
  talkingTherapies: boolean;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const clampSupport = (n: number): SupportLevel => Math.max(0, Math.min(3, Math.round(n))) as SupportLevel;
export const isOffering = (p: OfferingState) => p === "routine" || p === "limited";

/** The state of an organisation first seen in `year`: later years start further along. */
export function initialState(year: number, ctx: JourneyContext, rng: Random): JourneyState {
  const era = (year - 2012) / 14;
  const champion = rng.chance(sigmoid(-0.6 + 0.8 * era + ctx.propensity));
  let state: JourneyState = {
    champion,
    stage: 0,
    provision: "none",
    teachersTrained: champion ? rng.int(1, 2) : rng.chance(0.15) ? 1 : 0,
    teachersActive: 0,
    leadership: clampSupport(rng.int(0, 1)),
    commissioner: 0,
    championLeft: false,
    championArrived: false,
    pandemicPause: false,
    resumeAs: null,
    pausedWaves: 0,
  };
  if (champion) {
    const runs = rng.chance(0.78);
    state = {
      ...state,
      stage: runs && rng.chance(0.55) ? 2 : 1,
      provision: runs ? "limited" : "none",
      teachersActive: runs ? Math.min(state.teachersTrained, rng.int(1, 2)) : 0,
    };
    if (runs && state.stage === 2 && rng.chance(0.55 + 0.2 * era)) {
      state = { ...state, provision: "routine", leadership: 2, commissioner: clampSupport(rng.int(1, 2)) };
    }
  }
  return state;
}

/** Advances a journey from the wave before `year` to `year`. */
export function advance(
  previous: JourneyState,
  year: number,
  ctx: JourneyContext,
  rng: Random,
): JourneyState {
  const era = (year - 2012) / 14;
  const pandemic = year === 2020;
  const s: JourneyState = { ...previous, championLeft: false, championArrived: false, pandemicPause: false };

  if (s.champion) {
    const leave =
      0.24 - (s.stage === 3 ? 0.09 : 0) - (s.teachersActive >= 3 ? 0.05 : 0) + (pandemic ? 0.04 : 0);
    if (rng.chance(leave)) {
      s.championLeft = true;
      s.teachersActive = Math.max(0, s.teachersActive - 1);
      // A team with succession planning can carry on; otherwise the service pauses (ASPIRE: "crash when individuals leave").
      const successor = s.teachersActive >= 2 && rng.chance(s.stage === 3 ? 0.75 : 0.4);
      s.champion = successor;
      if (!successor) {
        if (isOffering(s.provision)) s.provision = "paused";
        if (s.stage >= 2 && rng.chance(0.6)) s.stage = (s.stage - 1) as JourneyState["stage"];
        s.leadership = clampSupport(s.leadership - (rng.chance(0.5) ? 1 : 0));
      }
    }
  } else {
    const restart = s.provision === "paused" ? 0.9 : 0;
    const trained = s.teachersTrained > 0 ? 0.3 : 0;
    const programme = ctx.talkingTherapies && year >= 2018 ? 0.5 : 0;
    const p = sigmoid(-2 + 0.75 * era + ctx.propensity + restart + trained + programme);
    if (rng.chance(p)) {
      s.champion = true;
      s.championArrived = true;
      if (s.stage === 0) s.stage = 1;
      s.teachersTrained += rng.int(0, 1) + (s.teachersTrained === 0 ? 1 : 0);
    } else if (s.provision === "paused") {
      s.pausedWaves += 1;
      if (s.pausedWaves >= 2 && rng.chance(0.5)) {
        s.provision = "none"; // the pause became a stop: confirmed no MBCT
        s.stage = Math.max(0, s.stage - 1) as JourneyState["stage"];
      }
    }
  }

  if (s.champion) {
    // Training: one or two teachers a wave while the service grows; some leave (staff turnover).
    if (s.stage >= 1) s.teachersTrained += rng.weighted([0, 1, 2], [0.35, 0.45, 0.2]);
    const wanted = s.provision === "routine" ? rng.int(2, 5) : rng.int(1, 2);
    s.teachersActive = Math.max(1, Math.min(s.teachersTrained, wanted));
    if (s.provision === "paused" && s.resumeAs && rng.chance(0.85)) {
      s.provision = s.resumeAs;
    } else if (s.provision === "none" || s.provision === "paused") {
      if (s.teachersTrained > 0 && rng.chance(s.championArrived && s.provision === "none" ? 0.55 : 0.8)) {
        s.provision = "limited";
      }
    } else if (s.provision === "limited") {
      const toRoutine = 0.16 + 0.09 * s.leadership + 0.06 * s.commissioner + 0.1 * era;
      if (s.stage >= 2 && rng.chance(toRoutine)) s.provision = "routine";
    } else if (rng.chance(0.07)) {
      s.provision = "limited"; // lost a commissioned slot or a room: financial pressure
    }
    if (s.stage === 1 && isOffering(s.provision) && rng.chance(0.55)) s.stage = 2;
    else if (
      s.stage === 2 &&
      s.provision === "routine" &&
      s.leadership >= 2 &&
      s.teachersActive >= 2 &&
      rng.chance(0.45)
    ) {
      s.stage = 3;
    } else if (s.stage === 3 && rng.chance(0.06)) s.stage = 2; // organisational change
  } else {
    s.teachersActive = 0;
  }
  if (s.provision !== "paused") {
    s.resumeAs = null;
    s.pausedWaves = 0;
  }

  // Support follows provision, slowly: leaders back routine services; commissioners commission them.
  const leadershipTarget =
    s.provision === "routine" ? 2.6 : isOffering(s.provision) ? 1.5 : s.champion ? 1 : 0.5;
  s.leadership = clampSupport(0.5 * s.leadership + 0.5 * leadershipTarget + rng.normal(0, 0.45));
  const commissionerTarget =
    s.provision === "routine" ? 1.6 + 1.2 * era : isOffering(s.provision) ? 0.8 : 0.2;
  s.commissioner = clampSupport(0.5 * s.commissioner + 0.5 * commissionerTarget + rng.normal(0, 0.45));

  // The 2020 wave: groups stopped in the first lockdowns; many restarted online by 2022.
  if (pandemic && isOffering(s.provision) && rng.chance(s.provision === "routine" ? 0.18 : 0.35)) {
    s.resumeAs = s.provision;
    s.provision = "paused";
    s.pandemicPause = true;
  }
  return s;
}
