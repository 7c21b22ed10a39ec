/**
 * The controlled vocabularies of the survey format (data/survey-format.md).
 * Each list is ordered as it should be shown to people; `labels` give the wording.
 */

/** Geography levels in the areas table. `organisation` is a reporting level above it, not an area. */
export const AREA_LEVELS = ["nation", "region", "local"] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** Levels that metrics can be aggregated to. */
export const REPORT_LEVELS = ["nation", "region", "local", "organisation"] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];

/** The United Kingdom's GSS code: the top comparator for every metric. */
export const UK_CODE = "K02000001";

export const PROVISIONS = [
  "routine",
  "limited",
  "paused",
  "none",
  "not_applicable",
  "no_response",
  "withheld",
] as const;
export type Provision = (typeof PROVISIONS)[number];
export const PROVISION_LABELS: Record<Provision, string> = {
  routine: "Routine (part of a care pathway)",
  limited: "Limited (pilot, ad hoc, single clinician)",
  paused: "Paused",
  none: "None (confirmed)",
  not_applicable: "Not applicable (no adult common mental-health service)",
  no_response: "No response",
  withheld: "Withheld (answered, not for publication)",
};
/** Provisions that count as an answer about MBCT availability (the denominator of offering_pct). */
export const ANSWERING_PROVISIONS: readonly Provision[] = ["routine", "limited", "paused", "none"];
export const OFFERING_PROVISIONS: readonly Provision[] = ["routine", "limited"];

/** Stages of the ASPIRE implementation guidance (implementing-mindfulness.co.uk), before `not_started`. */
export const STAGES = ["not_started", "starting_out", "developmental", "sustainable"] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  not_started: "Not started",
  starting_out: "Starting out",
  developmental: "Developmental",
  sustainable: "Sustainable",
};

export const DELIVERY_MODES = ["in_person", "online", "hybrid"] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** 0 none, 1 aware, 2 supportive, 3 commissioned. */
export const SUPPORT_LEVELS = [0, 1, 2, 3] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];
export const SUPPORT_LABELS: Record<SupportLevel, string> = {
  0: "None",
  1: "Aware",
  2: "Supportive",
  3: "Commissioned",
};

/** Facilitators: the PARIHS-framed enablers ASPIRE found (champions, fit, top-down buy-in, team, networks). */
export const FACILITATORS = [
  "local_champion",
  "multiple_champions",
  "leadership_support",
  "commissioner_support",
  "nice_guidance",
  "business_case",
  "integrated_care_pathway",
  "trained_teacher_team",
  "supervision_in_place",
  "ring_fenced_time",
  "teacher_training_pathway",
  "audit_and_evaluation",
  "peer_network",
  "service_user_feedback",
  "online_delivery",
] as const;
export type Facilitator = (typeof FACILITATORS)[number];

/**
 * Barriers. The first three are the pressures ASPIRE found at every site:
 * service targets, financial pressure and organisational change.
 */
export const BARRIERS = [
  "service_targets",
  "financial_pressure",
  "organisational_change",
  "no_trained_teachers",
  "no_supervision",
  "no_ring_fenced_time",
  "weak_referral_pathway",
  "no_commissioner_support",
  "no_leadership_support",
  "champion_left",
  "staff_turnover",
  "waiting_list_pressure",
  "no_suitable_space",
  "pandemic_disruption",
] as const;
export type Barrier = (typeof BARRIERS)[number];

export const FUNDING_SOURCES = [
  "core_service_budget",
  "commissioned_contract",
  "talking_therapies_programme",
  "training_budget",
  "research_grant",
  "charitable",
  "staff_goodwill",
  "other",
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** Human wording for a snake_case vocabulary value, e.g. `no_ring_fenced_time` → "No ring-fenced time". */
export function vocabularyLabel(value: string): string {
  const text = value.replace(/_/g, " ").replace("ring fenced", "ring-fenced");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What each implementation stage means, after the ASPIRE guidance (implementing-mindfulness.co.uk). */
export const STAGE_DESCRIPTIONS: Record<Stage, string> = {
  not_started: "No MBCT implementation under way",
  starting_out: "Making the case, first teachers in training, first courses or pilots",
  developmental: "Courses running; building a team, supervision and referral pathways",
  sustainable: "Embedded in the care pathway, with a team, succession planning and annual reporting",
};

export const DELIVERY_MODE_LABELS: Record<DeliveryMode, string> = {
  in_person: "In person",
  online: "Online (live group sessions)",
  hybrid: "Hybrid (some courses or sessions in person, some online)",
};

export const FACILITATOR_DESCRIPTIONS: Record<Facilitator, string> = {
  local_champion: "A local champion (implementer) drives the service",
  multiple_champions: "More than one champion, at different levels of seniority",
  leadership_support: "Support from service leaders and managers",
  commissioner_support: "Support from commissioners",
  nice_guidance: "NICE/SIGN guidance used to make the case",
  business_case: "A business case (clinical or financial) was accepted",
  integrated_care_pathway: "MBCT is built into the care pathway",
  trained_teacher_team: "A team of trained MBCT teachers",
  supervision_in_place: "Teachers have regular mindfulness supervision",
  ring_fenced_time: "Teachers have protected time to prepare and teach",
  teacher_training_pathway: "A route for training new teachers (e.g. the Talking Therapies MBCT programme)",
  audit_and_evaluation: "Outcomes are audited or evaluated and reported",
  peer_network: "Links to a network of other MBCT services or teachers",
  service_user_feedback: "Feedback and first-person accounts from participants",
  online_delivery: "Online delivery widened access",
};

export const BARRIER_DESCRIPTIONS: Record<Barrier, string> = {
  service_targets: "Pressure to meet service targets",
  financial_pressure: "Financial pressure on the service",
  organisational_change: "Organisational change (restructure, merger, re-tendering)",
  no_trained_teachers: "No trained MBCT teachers",
  no_supervision: "No access to mindfulness supervision",
  no_ring_fenced_time: "No protected time for teaching",
  weak_referral_pathway: "Few or unsuitable referrals; MBCT not in the pathway",
  no_commissioner_support: "No commissioner support",
  no_leadership_support: "No support from leaders or managers",
  champion_left: "The champion or lead teacher left",
  staff_turnover: "Staff turnover",
  waiting_list_pressure: "Waiting-list pressure favours shorter interventions",
  no_suitable_space: "No suitable room for group sessions",
  pandemic_disruption: "Disruption by the COVID-19 pandemic",
};

export const FUNDING_SOURCE_DESCRIPTIONS: Record<FundingSource, string> = {
  core_service_budget: "The service's core budget",
  commissioned_contract: "A contract or service specification that names MBCT",
  talking_therapies_programme: "NHS Talking Therapies (IAPT) programme funding",
  training_budget: "A training or workforce-development budget",
  research_grant: "A research grant or study",
  charitable: "Charitable funds",
  staff_goodwill: "Unfunded: staff goodwill and own time",
  other: "Another source (say which in notes)",
};

/** What each provision value means, for the format document and the template (issue 5 wording). */
export const PROVISION_DESCRIPTIONS: Record<Provision, string> = {
  routine: "MBCT courses run as part of a care pathway",
  limited: "MBCT offered on a limited basis: a pilot, ad hoc courses, or a single clinician",
  paused: "MBCT stopped for now, e.g. the teacher left",
  none: "Confirmed: no MBCT",
  not_applicable: "The organisation has no adult common mental-health service",
  no_response: "Invited, did not answer",
  withheld: "Answered, but not for publication",
};
