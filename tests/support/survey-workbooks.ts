import { statSync } from "node:fs";
import { readReference } from "@atlas/api";
import { isOpenDuringWave } from "@atlas/domain";
import ExcelJS from "exceljs";

const WORDS =
  "group course teacher referral pathway supervision waiting list commissioner champion online hybrid session pilot budget training cohort evaluation feedback recovery depression relapse".split(
    " ",
  );
const PROVISIONS = ["routine", "limited", "paused", "none"];

/** A small deterministic generator, so every run writes the same workbook. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Waves and the reference organisations open in each: monthly waves from 1990 to 2099 (not the demo's year waves). */
function* returnKeys(): Generator<[string, string]> {
  const organisations = readReference().organisations;
  for (let year = 1990; year <= 2099; year++) {
    for (let month = 1; month <= 12; month++) {
      const wave = `${year}-${String(month).padStart(2, "0")}`;
      for (const org of organisations) if (isOpenDuringWave(org, wave)) yield [wave, org.code];
    }
  }
}

/** The waves the first `rows` returns of writeSurveyWorkbook fall in, oldest first (for `confirmWaves`). */
export function surveyWorkbookWaves(rows: number): string[] {
  const waves: string[] = [];
  let written = 0;
  for (const [wave] of returnKeys()) {
    if (written === rows) break;
    if (waves.at(-1) !== wave) waves.push(wave);
    written++;
  }
  return waves;
}

/**
 * Writes a valid survey workbook (synthetic returns for the real reference organisations, one sheet, shared
 * strings, as Excel writes) of `rows` data rows whose notes hold `notesLength` characters of words, and
 * answers its size in bytes.
 */
export async function writeSurveyWorkbook(path: string, rows: number, notesLength: number): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = book.addWorksheet("returns");
  sheet
    .addRow([
      "wave",
      "org_code",
      "provision",
      "stage",
      "courses_run",
      "places_offered",
      "participants_started",
      "median_wait_weeks",
      "delivery_mode",
      "champion_present",
      "barriers",
      "notes",
    ])
    .commit();
  const next = random(11);
  let written = 0;
  for (const [wave, code] of returnKeys()) {
    if (written === rows) break;
    const words: string[] = [];
    for (let n = 0; n < notesLength; ) {
      const w = WORDS[Math.floor(next() * WORDS.length)]!;
      words.push(w);
      n += w.length + 1;
    }
    const places = 8 + Math.floor(next() * 40);
    sheet
      .addRow([
        wave,
        code,
        PROVISIONS[written % PROVISIONS.length],
        "developmental",
        Math.floor(places / 12),
        places,
        Math.floor(places * 0.8),
        Math.round(next() * 200) / 10,
        "hybrid",
        next() < 0.5 ? "yes" : "no",
        "service_targets;financial_pressure",
        words.join(" ").slice(0, notesLength),
      ])
      .commit();
    written++;
  }
  if (written < rows) throw new Error(`only ${written} returns fit the waves 1990-2099`);
  sheet.commit();
  await book.commit();
  return statSync(path).size;
}

/**
 * The largest workbook an HTTP import allows: `rows` data rows, notes sized so the file is just under
 * `maxBytes` (written twice: once to measure what a character of notes costs).
 */
export async function writeLargestSurveyWorkbook(
  path: string,
  rows: number,
  maxBytes: number,
): Promise<number> {
  const bare = await writeSurveyWorkbook(path, rows, 0);
  const probe = await writeSurveyWorkbook(path, rows, 100);
  const perChar = (probe - bare) / 100;
  const notesLength = Math.max(0, Math.min(2000, Math.floor(((maxBytes * 0.97 - bare) / perChar) | 0)));
  return writeSurveyWorkbook(path, rows, notesLength);
}
