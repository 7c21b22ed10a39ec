import { SURVEY_COLUMNS, type SurveyColumn } from "../survey-columns";
import type { SurveyReturn } from "../survey-return";

/** Quotes a CSV field when it holds a comma, quote, line break, or edge whitespace (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const cell = (value: string | number | boolean | null | readonly string[]): string => {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.join(";");
  return String(value);
};

/** The cells of one return, in SURVEY_COLUMNS order, as the survey format writes them. */
export function surveyRowCells(r: SurveyReturn): Record<SurveyColumn, string> {
  return {
    wave: r.waveId,
    org_code: r.orgCode,
    provision: r.provision,
    stage: cell(r.stage),
    courses_run: cell(r.coursesRun),
    places_offered: cell(r.placesOffered),
    participants_started: cell(r.participantsStarted),
    participants_completed: cell(r.participantsCompleted),
    teachers_trained: cell(r.teachersTrained),
    teachers_active: cell(r.teachersActive),
    median_wait_weeks: cell(r.medianWaitWeeks),
    delivery_mode: cell(r.deliveryMode),
    champion_present: cell(r.championPresent),
    leadership_support: cell(r.leadershipSupport),
    commissioner_support: cell(r.commissionerSupport),
    facilitators: cell(r.facilitators),
    barriers: cell(r.barriers),
    funding_sources: cell(r.fundingSources),
    notes: cell(r.notes),
  };
}

/**
 * A survey file (CSV, UTF-8, `\n` line ends, no BOM) holding these returns in the given order.
 * Deterministic: the same returns always give the same text. With no returns it is the blank template.
 */
export function formatSurveyCsv(returns: readonly SurveyReturn[]): string {
  const lines = [SURVEY_COLUMNS.join(",")];
  for (const r of returns) {
    const cells = surveyRowCells(r);
    lines.push(SURVEY_COLUMNS.map((c) => csvField(cells[c])).join(","));
  }
  return `${lines.join("\n")}\n`;
}
