import {
  BARRIER_DESCRIPTIONS,
  BARRIERS,
  csvField,
  DELIVERY_MODE_LABELS,
  DELIVERY_MODES,
  FACILITATOR_DESCRIPTIONS,
  FACILITATORS,
  FUNDING_SOURCE_DESCRIPTIONS,
  FUNDING_SOURCES,
  formatSurveyCsv,
  isOpenDuringWave,
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
import type ExcelJS from "exceljs";

/** A template pre-filled for one wave: a row per organisation, with its code and (a helper) its name. */
export interface TemplatePrefill {
  waveId: string;
  organisations: readonly { code: string; name: string }[];
}

/** The organisations a wave's template lists: every one open during the wave per the register, by name. */
export function templateOrganisations(
  register: readonly { code: string; name: string; openedOn: string | null; closedOn: string | null }[],
  waveId: string,
): TemplatePrefill {
  const organisations = register
    .filter((o) => isOpenDuringWave(o, waveId))
    .map((o) => ({ code: o.code, name: o.name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code));
  return { waveId, organisations };
}

/** The template's columns: with a pre-fill, the org_name helper follows org_code. */
function templateColumns(prefill: TemplatePrefill | undefined): string[] {
  const columns: string[] = [...SURVEY_COLUMNS];
  if (prefill) columns.splice(columns.indexOf("org_code") + 1, 0, "org_name");
  return columns;
}

/**
 * The CSV template: the header row only, or pre-filled for a wave (wave, org_code and org_name on every
 * row, every answer blank). The importer ignores org_name, and a row nobody filled in.
 */
export function surveyTemplateCsv(prefill?: TemplatePrefill): string {
  if (!prefill) return formatSurveyCsv([]);
  const columns = templateColumns(prefill);
  const lines = [columns.join(",")];
  for (const org of prefill.organisations) {
    const cells = columns.map((c) =>
      c === "wave" ? prefill.waveId : c === "org_code" ? org.code : c === "org_name" ? org.name : "",
    );
    lines.push(cells.map(csvField).join(","));
  }
  return `${lines.join("\n")}\n`;
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

/** The worksheet's data validations by range: in exceljs 4.4 but missing from its type declarations. */
function validations(sheet: ExcelJS.Worksheet): {
  add(range: string, validation: ExcelJS.DataValidation): void;
} {
  return (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
}

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
 * The XLSX template: a `returns` sheet (header, drop-down lists, whole-number checks; wave and org_code
 * formatted as text so 2024-05 stays a wave, not a date), and sheets listing the vocabulary and how to fill
 * it in. Only `returns` has a survey header row, so only it is read on import. With a pre-fill, the sheet has a
 * row per organisation (wave, org_code and the org_name helper filled in).
 */
export async function surveyTemplateXlsx(prefill?: TemplatePrefill): Promise<Uint8Array> {
  // Loaded on first use: exceljs only writes this template, and loading it cost every server start 0.2 s
  // and 27 MiB.
  const { Workbook } = (await import("exceljs")).default;
  const workbook = new Workbook();
  workbook.creator = "MBCT Access Atlas";
  workbook.created = TEMPLATE_DATE;
  workbook.modified = TEMPLATE_DATE;

  const sheet = workbook.addWorksheet("returns", { views: [{ state: "frozen", ySplit: 1 }] });
  const columns = templateColumns(prefill);
  sheet.columns = columns.map((c) => ({
    header: c,
    key: c,
    width: c === "notes" || c === "org_name" ? 60 : Math.max(12, c.length + 4),
    style: c === "wave" || c === "org_code" ? { numFmt: "@" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const org of prefill?.organisations ?? []) {
    sheet.addRow({ wave: prefill!.waveId, org_code: org.code, org_name: org.name });
  }
  if (prefill) {
    // The helper column is greyed: it is there to find a row, not to be filled in.
    const helper = sheet.getColumn("org_name");
    helper.eachCell((cell, row) => {
      if (row > 1) cell.font = { color: { argb: "FF505A5F" }, italic: true };
    });
  }
  const validatedRows = Math.max(TEMPLATE_ROWS, (prefill?.organisations.length ?? 0) + 100);
  columns.forEach((name, index) => {
    const column = name as SurveyColumn;
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
    // One range per column (exceljs writes it as one sqref), not a validation per cell: the same file,
    // written in a fraction of the time.
    const letter = sheet.getColumn(index + 1).letter;
    validations(sheet).add(`${letter}2:${letter}${validatedRows + 1}`, validation);
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
    ...(prefill
      ? [
          `Pre-filled for wave ${prefill.waveId}: one row per organisation open during the wave. org_name is a helper to find your row; the importer ignores it.`,
          "Fill in the rows of the organisations that have answered; rows left blank (only wave, org_code and org_name) are skipped on import, so the file can be imported again as more returns arrive (pnpm atlas import FILE --add).",
        ]
      : []),
  ]) {
    about.addRow([line]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
