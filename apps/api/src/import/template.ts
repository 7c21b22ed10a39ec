import {
  BARRIER_DESCRIPTIONS,
  BARRIERS,
  DELIVERY_MODE_LABELS,
  DELIVERY_MODES,
  FACILITATOR_DESCRIPTIONS,
  FACILITATORS,
  FUNDING_SOURCE_DESCRIPTIONS,
  FUNDING_SOURCES,
  formatSurveyCsv,
  PROVISION_DESCRIPTIONS,
  PROVISIONS,
  REQUIRED_SURVEY_COLUMNS,
  STAGE_DESCRIPTIONS,
  STAGES,
  SUPPORT_LABELS,
  SUPPORT_LEVELS,
  SURVEY_COLUMNS,
  type SurveyColumn,
} from "@atlas/domain";
import ExcelJS from "exceljs";

/** The blank CSV template: the header row only. */
export function surveyTemplateCsv(): string {
  return formatSurveyCsv([]);
}

/** Rows of the template that carry drop-down lists and number checks. */
const TEMPLATE_ROWS = 1000;
/** Fixed so the generated workbook's metadata does not change from run to run. */
const TEMPLATE_DATE = new Date(Date.UTC(2026, 0, 1));

const LISTS: Partial<Record<SurveyColumn, readonly (string | number)[]>> = {
  provision: PROVISIONS,
  stage: STAGES,
  delivery_mode: DELIVERY_MODES,
  champion_present: ["yes", "no"],
  leadership_support: SUPPORT_LEVELS,
  commissioner_support: SUPPORT_LEVELS,
};
const COUNTS: readonly SurveyColumn[] = [
  "courses_run",
  "places_offered",
  "participants_started",
  "participants_completed",
  "teachers_trained",
  "teachers_active",
];

/** Every allowed value with its meaning, for the workbook's `vocabulary` sheet (and the format document). */
export function vocabularyRows(): [SurveyColumn, string, string][] {
  const rows: [SurveyColumn, string, string][] = [];
  const add = <T extends string | number>(
    column: SurveyColumn,
    values: readonly T[],
    meaning: (v: T) => string,
  ) => {
    for (const v of values) rows.push([column, String(v), meaning(v)]);
  };
  add("provision", PROVISIONS, (v) => PROVISION_DESCRIPTIONS[v]);
  add("stage", STAGES, (v) => STAGE_DESCRIPTIONS[v]);
  add("delivery_mode", DELIVERY_MODES, (v) => DELIVERY_MODE_LABELS[v]);
  add("champion_present", ["yes", "no"], (v) =>
    v === "yes" ? "A champion is in post" : "No champion in post",
  );
  add("leadership_support", SUPPORT_LEVELS, (v) => SUPPORT_LABELS[v]);
  add("commissioner_support", SUPPORT_LEVELS, (v) => SUPPORT_LABELS[v]);
  add("facilitators", FACILITATORS, (v) => FACILITATOR_DESCRIPTIONS[v]);
  add("barriers", BARRIERS, (v) => BARRIER_DESCRIPTIONS[v]);
  add("funding_sources", FUNDING_SOURCES, (v) => FUNDING_SOURCE_DESCRIPTIONS[v]);
  return rows;
}

/**
 * The blank XLSX template: a `returns` sheet (header, drop-down lists, whole-number checks; wave and
 * org_code formatted as text so 2024-05 stays a wave, not a date), and sheets listing the vocabulary
 * and how to fill it in. Only `returns` has a survey header row, so only it is read on import.
 */
export async function surveyTemplateXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "MBCT Access Atlas";
  workbook.created = TEMPLATE_DATE;
  workbook.modified = TEMPLATE_DATE;

  const sheet = workbook.addWorksheet("returns", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = SURVEY_COLUMNS.map((c) => ({
    header: c,
    key: c,
    width: c === "notes" ? 60 : Math.max(12, c.length + 4),
    style: c === "wave" || c === "org_code" ? { numFmt: "@" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  SURVEY_COLUMNS.forEach((column, index) => {
    const list = LISTS[column];
    const isCount = COUNTS.includes(column);
    if (!list && !isCount) return;
    const validation: ExcelJS.DataValidation = list
      ? {
          type: "list",
          allowBlank: !REQUIRED_SURVEY_COLUMNS.includes(column),
          formulae: [`"${list.join(",")}"`],
          showErrorMessage: true,
          errorTitle: column,
          error: `Choose one of: ${list.join(", ")}`,
        }
      : {
          type: "whole",
          operator: "greaterThanOrEqual",
          allowBlank: true,
          formulae: [0],
          showErrorMessage: true,
          errorTitle: column,
          error: "A whole number, 0 or more",
        };
    for (let row = 2; row <= TEMPLATE_ROWS + 1; row++)
      sheet.getCell(row, index + 1).dataValidation = validation;
  });

  const vocabulary = workbook.addWorksheet("vocabulary");
  vocabulary.columns = [
    { header: "column", key: "column", width: 24 },
    { header: "value", key: "value", width: 30 },
    { header: "meaning", key: "meaning", width: 80 },
  ];
  vocabulary.getRow(1).font = { bold: true };
  for (const row of vocabularyRows()) vocabulary.addRow(row);

  const about = workbook.addWorksheet("how to fill in");
  about.getColumn(1).width = 120;
  for (const line of [
    "MBCT Access Atlas survey returns: one row per organisation invited in a wave; no row means not surveyed.",
    "Required: wave (YYYY or YYYY-MM), org_code (the organisation's official code), provision.",
    "Lists (facilitators, barriers, funding_sources): values from the vocabulary sheet, separated by ;",
    "Counts are whole numbers, 0 or more; leave a cell blank when unknown. yes/no for champion_present.",
    "Only the first sheet (returns) is imported. The full format: data/survey-format.md in the repository.",
  ]) {
    about.addRow([line]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
