/**
 * Builds data/reference/context/talking-therapies-mindfulness.json from the real NHS Talking Therapies figures
 * in ../shared/data/raw/context (override with RAW_DIR): for England, each financial year, the attended
 * appointments recorded with the therapy type "Mindfulness" (summed over the positions at which therapy types
 * are recorded) and with any therapy type.
 *
 *   npx tsx data/scripts/build-context.ts      (or: pnpm build:context)
 *
 * Deterministic; nothing is written unless the totals match those stated in the raw data's PROVENANCE.md.
 * This is national context shown beside the survey, never merged with it: a different measure (appointments,
 * not organisations or places), England only, Talking Therapies only, and real (not synthetic).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ContextSeriesSchema } from "@atlas/domain";
import { OUT_DIR } from "./reference/config";
import { readCsvObjects } from "./reference/raw-inputs";

const RAW_FILE = "context/talking_therapies_appointments_by_therapy_type_england.csv";
export const CONTEXT_FILE = path.join(OUT_DIR, "context", "talking-therapies-mindfulness.json");

/** Totals of mindfulness appointments (all positions) as PROVENANCE.md states them: the build checks them. */
const STATED_MINDFULNESS: Record<string, number> = {
  "2019-20": 11_627,
  "2020-21": 6_406,
  "2021-22": 6_076,
  "2022-23": 5_557,
  "2023-24": 7_764,
  "2024-25": 6_483,
};

interface Year {
  period: string;
  start: string;
  end: string;
  mindfulness: number;
  allTypes: number;
}

function build(): void {
  const rows = readCsvObjects(RAW_FILE);
  const years = new Map<string, Year>();
  for (const [i, row] of rows.entries()) {
    const where = `${RAW_FILE}:${i + 2}`;
    const value = Number(row.courses_of_therapy);
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`${where}: not a count: ${row.courses_of_therapy}`);
    if (!/^position_\d+$/.test(row.position ?? ""))
      throw new Error(`${where}: unexpected position ${row.position}`);
    const period = row.reporting_period!;
    const year = years.get(period) ?? {
      period,
      start: row.start_date!,
      end: row.end_date!,
      mindfulness: 0,
      allTypes: 0,
    };
    if (year.start !== row.start_date || year.end !== row.end_date)
      throw new Error(`${where}: dates differ from the year's other rows`);
    if (row.therapy_type === "47_mindfulness") year.mindfulness += value;
    else if (row.therapy_type === "total") year.allTypes += value;
    else throw new Error(`${where}: unexpected therapy_type ${row.therapy_type}`);
    years.set(period, year);
  }
  const points = [...years.values()].sort((a, b) => a.period.localeCompare(b.period));
  for (const p of points) {
    const stated = STATED_MINDFULNESS[p.period];
    if (stated !== p.mindfulness)
      throw new Error(
        `${p.period}: ${p.mindfulness} mindfulness appointments, PROVENANCE.md states ${stated}`,
      );
  }
  if (points.length !== Object.keys(STATED_MINDFULNESS).length) throw new Error("missing years");
  const series = ContextSeriesSchema.parse({
    id: "talking_therapies_mindfulness_appointments",
    title: "Mindfulness appointments in NHS Talking Therapies, England",
    measure:
      "Attended NHS Talking Therapies appointments at which the therapy type recorded was mindfulness, each financial year (April to March), summed over the positions at which therapy types are recorded.",
    differsFromSurvey:
      "A different measure from the survey: appointments, not organisations, places or people; England only; NHS Talking Therapies only (MBCT in secondary care or outside Talking Therapies is not in it); financial years, not survey waves. Shown beside the survey as context, never combined with it.",
    geography: "England",
    unit: "appointments",
    synthetic: false,
    publisher: "NHS England",
    source:
      "NHS England, NHS Talking Therapies for anxiety and depression, annual reports: Therapy Based Outcomes, Table 1 (2023-24, 2024-25) and the equivalent earlier tables; as compiled by bennettoxford/nhstt at f65c91baaef3b4a3bef722e5da3a305776da1d33 (data-raw/therapy_position_annual.parquet), values unchanged.",
    sourceColumn:
      "courses_of_therapy (the compiled table's column name; the data's provenance describes the counts as attended appointments, which is how the atlas labels them)",
    licence: "Open Government Licence v3.0",
    licenceUrl: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    attribution:
      "Contains public sector information licensed under the Open Government Licence v3.0 (NHS England, NHS Talking Therapies annual reports).",
    points: points.map((p) => ({
      period: p.period,
      start: p.start,
      end: p.end,
      value: p.mindfulness,
      allTherapyTypes: p.allTypes,
    })),
  });
  mkdirSync(path.dirname(CONTEXT_FILE), { recursive: true });
  writeFileSync(CONTEXT_FILE, `${JSON.stringify(series, null, 2)}\n`);
  console.log(
    `build-context: ${points.length} years written to ${path.relative(process.cwd(), CONTEXT_FILE)}`,
  );
}

build();
