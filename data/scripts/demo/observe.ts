import type {
  Barrier,
  DeliveryMode,
  Facilitator,
  FundingSource,
  Provision,
  SurveyReturn,
} from "../../../packages/domain/src/index";
import { blankReturn, STAGES } from "../../../packages/domain/src/index";
import { isOffering, type JourneyState } from "./journey";
import type { Random } from "./prng";

/** What the survey team knows about an organisation besides its journey. */
export interface ObservationContext {
  waveId: string;
  year: number;
  orgCode: string;
  /** Adult population served, relative to a typical organisation (course capacity scales with it). */
  scale: number;
  /** Chance of not answering this wave. */
  nonResponse: number;
  notApplicable: boolean;
  talkingTherapies: boolean;
  /** The organisation was formed by, or is about to go through, a merger. */
  merging: boolean;
}

const empty = (waveId: string, orgCode: string, provision: Provision): SurveyReturn =>
  blankReturn(waveId, orgCode, provision);

function deliveryMode(year: number, rng: Random): DeliveryMode {
  if (year < 2018) return "in_person";
  if (year === 2018) return rng.weighted(["in_person", "hybrid", "online"], [0.92, 0.05, 0.03]);
  if (year === 2020) return rng.weighted(["online", "hybrid", "in_person"], [0.7, 0.18, 0.12]);
  if (year === 2022) return rng.weighted(["online", "hybrid", "in_person"], [0.36, 0.36, 0.28]);
  return rng.weighted(["online", "hybrid", "in_person"], [0.26, 0.36, 0.38]);
}

/** One organisation's synthetic return for one wave, as a survey team would record it. */
export function observe(s: JourneyState, ctx: ObservationContext, rng: Random): SurveyReturn {
  const { waveId, orgCode, year } = ctx;
  if (ctx.notApplicable) return empty(waveId, orgCode, "not_applicable");
  if (rng.chance(ctx.nonResponse)) return empty(waveId, orgCode, "no_response");
  if (rng.chance(0.012)) return empty(waveId, orgCode, "withheld");

  const offering = isOffering(s.provision);
  const r = empty(waveId, orgCode, s.provision);
  r.stage = STAGES[s.stage];
  r.championPresent = s.champion;
  r.teachersTrained = s.teachersTrained;
  r.teachersActive = s.teachersActive;
  r.leadershipSupport = s.leadership;
  r.commissionerSupport = s.commissioner;
  r.coursesRun = 0;
  r.placesOffered = 0;
  r.participantsStarted = 0;
  r.participantsCompleted = 0;

  if (offering) {
    // Groups of 8–15 places, 8 weekly sessions each; fewer groups ran in the pandemic wave.
    // A pilot with few referrals: one group, small numbers that the dashboard must suppress.
    const fewReferrals = s.provision === "limited" && rng.chance(0.14);
    const base = s.provision === "routine" ? rng.uniform(2, 5) * ctx.scale : rng.uniform(1, 2.2);
    const courses = fewReferrals ? 1 : Math.max(1, Math.round(base * (year === 2020 ? 0.6 : 1)));
    let places = 0;
    for (let i = 0; i < courses; i++) places += rng.int(8, 15);
    const started = fewReferrals ? rng.int(1, 4) : Math.floor(places * rng.uniform(0.72, 1));
    const completed = Math.min(started, Math.round(started * rng.uniform(0.65, 0.85)));
    Object.assign(r, {
      coursesRun: courses,
      placesOffered: places,
      participantsStarted: started,
      participantsCompleted: completed,
    });
    r.deliveryMode = deliveryMode(year, rng);
    if (rng.chance(0.85)) r.medianWaitWeeks = rng.int(6, 52) / 2;
  }
  if (rng.chance(0.04)) r.leadershipSupport = null;
  if (rng.chance(0.06)) r.commissionerSupport = null;

  r.facilitators = facilitators(s, r, year, ctx, rng);
  r.barriers = barriers(s, year, ctx, rng);
  r.fundingSources = funding(s, year, ctx, rng);
  r.notes = note(s, ctx, rng);
  return r;
}

function facilitators(
  s: JourneyState,
  r: SurveyReturn,
  year: number,
  ctx: ObservationContext,
  rng: Random,
): Facilitator[] {
  const f: Facilitator[] = [];
  const add = (value: Facilitator, when: boolean, p = 1) => {
    if (when && rng.chance(p)) f.push(value);
  };
  const offering = isOffering(s.provision);
  add("local_champion", s.champion);
  add("multiple_champions", s.champion && s.teachersActive >= 3, 0.6);
  add("leadership_support", (r.leadershipSupport ?? 0) >= 2, 0.85);
  add("commissioner_support", (r.commissionerSupport ?? 0) >= 2, 0.85);
  add("nice_guidance", s.stage >= 1, 0.55);
  add("business_case", s.provision === "routine", 0.45);
  add("integrated_care_pathway", s.provision === "routine", 0.7);
  add("trained_teacher_team", s.teachersActive >= 2, 0.8);
  add("supervision_in_place", offering, s.stage >= 2 ? 0.75 : 0.35);
  add("ring_fenced_time", s.provision === "routine", 0.6);
  add("teacher_training_pathway", s.stage >= 1 && ctx.talkingTherapies && year >= 2018, 0.6);
  add("audit_and_evaluation", offering && s.stage >= 2, 0.5);
  add("peer_network", s.stage >= 1, 0.35);
  add("service_user_feedback", offering, 0.4);
  add("online_delivery", r.deliveryMode === "online" || r.deliveryMode === "hybrid", 0.7);
  return f;
}

function barriers(s: JourneyState, year: number, ctx: ObservationContext, rng: Random): Barrier[] {
  const b: Barrier[] = [];
  const add = (value: Barrier, when: boolean, p = 1) => {
    if (when && rng.chance(p)) b.push(value);
  };
  // The pressures ASPIRE found at every site, whatever the stage.
  add("service_targets", true, 0.62);
  add("financial_pressure", true, year >= 2022 ? 0.7 : 0.58);
  add("organisational_change", true, ctx.merging ? 0.85 : 0.4);
  add("no_trained_teachers", s.teachersTrained === 0);
  add("no_supervision", s.stage >= 1 && s.stage < 3, 0.3);
  add("no_ring_fenced_time", s.provision !== "routine" && s.stage >= 1, 0.55);
  add("weak_referral_pathway", s.provision !== "routine", 0.3);
  add("no_commissioner_support", s.commissioner === 0, 0.7);
  add("no_leadership_support", s.leadership === 0, 0.7);
  add("champion_left", s.championLeft);
  add("staff_turnover", true, 0.25);
  add("waiting_list_pressure", true, year >= 2020 ? 0.45 : 0.3);
  add("no_suitable_space", s.stage >= 1, 0.12);
  add("pandemic_disruption", year === 2020 || (year === 2022 && s.pandemicPause), year === 2020 ? 0.85 : 0.4);
  if (s.pandemicPause && !b.includes("pandemic_disruption")) b.push("pandemic_disruption");
  return b;
}

function funding(s: JourneyState, year: number, ctx: ObservationContext, rng: Random): FundingSource[] {
  if (!isOffering(s.provision)) return [];
  const f: FundingSource[] = [];
  const add = (value: FundingSource, p: number) => {
    if (rng.chance(p)) f.push(value);
  };
  if (s.provision === "routine") {
    add("core_service_budget", 0.75);
    if (s.commissioner === 3) add("commissioned_contract", 0.9);
    if (ctx.talkingTherapies && year >= 2018) add("talking_therapies_programme", 0.6);
  } else {
    add("staff_goodwill", 0.5);
    add("training_budget", 0.3);
    add("core_service_budget", 0.25);
    add("research_grant", 0.08);
    add("charitable", 0.08);
  }
  if (f.length === 0) f.push(s.provision === "routine" ? "core_service_budget" : "staff_goodwill");
  return f;
}

function note(s: JourneyState, ctx: ObservationContext, rng: Random): string | null {
  if (s.championLeft && !s.champion && rng.chance(0.5))
    return "Synthetic: courses paused when the lead teacher left.";
  if (s.championArrived && rng.chance(0.4))
    return "Synthetic: a newly trained clinician has started to champion MBCT.";
  if (s.pandemicPause && rng.chance(0.5))
    return "Synthetic: groups stopped during lockdown; planning to restart online.";
  if (ctx.merging && rng.chance(0.3)) return "Synthetic: service redesign during the merger.";
  if (s.stage === 3 && rng.chance(0.1)) return "Synthetic: annual MBCT report presented to the trust board.";
  return null;
}
