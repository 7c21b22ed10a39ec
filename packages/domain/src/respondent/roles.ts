/**
 * The one thing the respondent form asks about the person answering, and it is optional: their role, from
 * this short list. No name, e-mail address or free text about the person is collected (data/survey-format.md).
 */
export const RESPONDENT_ROLES = [
  "service_lead",
  "service_manager",
  "mbct_teacher",
  "administrator",
  "commissioner",
  "other",
] as const;
export type RespondentRole = (typeof RESPONDENT_ROLES)[number];

export const RESPONDENT_ROLE_LABELS: Record<RespondentRole, string> = {
  service_lead: "Service or clinical lead",
  service_manager: "Service manager",
  mbct_teacher: "MBCT teacher or supervisor",
  administrator: "Administrator or data lead",
  commissioner: "Commissioner",
  other: "Another role",
};
