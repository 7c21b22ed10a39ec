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
