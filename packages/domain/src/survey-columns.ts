/**
 * The columns of a survey file, in template order; the first three are required. Kept free of zod (the
 * schemas are in survey-return.ts) so the respondent page can use the rules without bundling it.
 */
export const SURVEY_COLUMNS = [
  "wave",
  "org_code",
  "provision",
  "stage",
  "courses_run",
  "places_offered",
  "participants_started",
  "participants_completed",
  "teachers_trained",
  "teachers_active",
  "median_wait_weeks",
  "delivery_mode",
  "champion_present",
  "leadership_support",
  "commissioner_support",
  "facilitators",
  "barriers",
  "funding_sources",
  "notes",
] as const;
export type SurveyColumn = (typeof SURVEY_COLUMNS)[number];
export const REQUIRED_SURVEY_COLUMNS: readonly SurveyColumn[] = ["wave", "org_code", "provision"];

/** The answer columns: every column but the two that say whose return it is and for which wave. */
export const ANSWER_COLUMNS = SURVEY_COLUMNS.filter(
  (c): c is Exclude<SurveyColumn, "wave" | "org_code"> => c !== "wave" && c !== "org_code",
);
export type AnswerColumn = Exclude<SurveyColumn, "wave" | "org_code">;
