import { SUPPORT_LABELS, SUPPORT_LEVELS, type SupportLevel } from "../vocabulary";
import { WAVE_ID_PATTERN } from "../wave-id";
import { nearest } from "./levenshtein";

/** The result of reading one cell: a value, or a message saying what is wrong with it. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string; allowed?: string[] };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(message: string, allowed?: string[]): CellResult<T> =>
  allowed ? { ok: false, message, allowed } : { ok: false, message };

/** Vocabulary values are matched ignoring case, with spaces and hyphens read as underscores. */
export function normaliseCode(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** A wave id: `YYYY` or `YYYY-MM`. */
export function readWave(raw: string): CellResult<string> {
  const value = raw.trim();
  if (WAVE_ID_PATTERN.test(value)) return ok(value);
  // Spreadsheets turn a typed 2024-05 into a date, and write it back as 2024-05-01, 01/05/2024 or May-24.
  const looksLikeDate = /^\d{4}-\d{2}-\d{2}/.test(value) || /^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(value);
  const hint =
    looksLikeDate || /^[A-Za-z]{3}-\d{2}$/.test(value)
      ? " (it looks like a date: format the wave column as text)"
      : "";
  return fail(`"${value}" is not a wave id; a wave is YYYY or YYYY-MM, e.g. 2024 or 2024-05${hint}`);
}

/** One value from a vocabulary; `described` pairs each allowed value with its meaning for the message. */
export function readCode<T extends string>(
  raw: string,
  vocabulary: readonly T[],
  what: string,
  described?: Record<T, string>,
): CellResult<T> {
  const value = normaliseCode(raw);
  if ((vocabulary as readonly string[]).includes(value)) return ok(value as T);
  const suggestion = nearest(value, vocabulary);
  const allowed = vocabulary.map((v) => (described ? `${v} (${described[v]})` : v)).join(", ");
  const didYouMean = suggestion ? `did you mean "${suggestion}"? ` : "";
  return fail(`"${raw.trim()}" is not an allowed ${what}; ${didYouMean}allowed: ${allowed}`, [...vocabulary]);
}

/** A `;`-separated list of vocabulary values; empty items are ignored and repeats kept once. */
export function readList<T extends string>(
  raw: string,
  vocabulary: readonly T[],
  what: string,
): CellResult<T[]> {
  const items = raw
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const values: T[] = [];
  const wrong: string[] = [];
  for (const item of items) {
    const value = normaliseCode(item);
    if ((vocabulary as readonly string[]).includes(value)) {
      if (!values.includes(value as T)) values.push(value as T);
    } else {
      const suggestion = nearest(value, vocabulary);
      wrong.push(suggestion ? `"${item}" (did you mean "${suggestion}"?)` : `"${item}"`);
    }
  }
  if (wrong.length === 0) return ok(values);
  const commaHint = raw.includes(",") ? "; separate list items with ; not ," : "";
  return fail(
    `${wrong.join(", ")} ${wrong.length === 1 ? "is not an allowed" : "are not allowed"} ${what}${commaHint}; allowed: ${vocabulary.join(", ")}`,
    [...vocabulary],
  );
}

/** A whole number from 0 to `max`. */
export function readCount(raw: string, max: number): CellResult<number> {
  const value = raw.trim();
  if (/^-\s*\d+([.,]\d+)?$/.test(value)) return fail(`${value} is negative; counts must be 0 or more`);
  if (/^\d{1,3}(,\d{3})+$/.test(value))
    return fail(`${value}: write whole numbers without thousands separators`);
  if (/^\d+\.\d+$/.test(value)) {
    const n = Number(value);
    if (Number.isInteger(n) && n <= max) return ok(n);
    return fail(`${value} is not a whole number`);
  }
  if (!/^\d+$/.test(value)) return fail(`"${value}" is not a whole number`);
  const n = Number(value);
  if (n > max) return fail(`${value} is more than the largest count accepted (${max})`);
  return ok(n);
}

/** A non-negative number of weeks, `.` as the decimal point. */
export function readWeeks(raw: string, max: number): CellResult<number> {
  const value = raw.trim();
  if (/^-\s*\d+([.,]\d+)?$/.test(value)) return fail(`${value} is negative; a wait must be 0 or more weeks`);
  if (/^\d+,\d+$/.test(value)) return fail(`${value}: use a point as the decimal separator, e.g. 7.5`);
  if (!/^\d+(\.\d+)?$/.test(value)) return fail(`"${value}" is not a number of weeks`);
  const n = Number(value);
  if (n > max) return fail(`${value} weeks is more than the largest wait accepted (${max})`);
  return ok(n);
}

const YES = ["yes", "y", "true"];
const NO = ["no", "n", "false"];

/** `yes` or `no` (also y/n and true/false, as spreadsheets write booleans). */
export function readYesNo(raw: string): CellResult<boolean> {
  const value = raw.trim().toLowerCase();
  if (YES.includes(value)) return ok(true);
  if (NO.includes(value)) return ok(false);
  return fail(`"${raw.trim()}" is not yes or no`, ["yes", "no"]);
}

/** A support level 0–3. */
export function readSupport(raw: string): CellResult<SupportLevel> {
  const value = raw.trim();
  const n = /^\d+(\.0+)?$/.test(value) ? Number(value) : Number.NaN;
  if ((SUPPORT_LEVELS as readonly number[]).includes(n)) return ok(n as SupportLevel);
  const allowed = SUPPORT_LEVELS.map((l) => `${l} (${SUPPORT_LABELS[l].toLowerCase()})`).join(", ");
  return fail(`"${value}" is not a support level; allowed: ${allowed}`, SUPPORT_LEVELS.map(String));
}

/** Control characters allowed in a cell: tab everywhere; line breaks in free text only. */
const allowedControl = (code: number, freeText: boolean) =>
  code === 0x09 || (freeText && (code === 0x0a || code === 0x0d));

/**
 * The position and code of a control character that has no place in a cell (NUL, escape, …),
 * or undefined. Tabs are allowed; line breaks only in free text.
 */
export function findControlCharacter(value: string, freeText: boolean): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 || code === 0x7f) && !allowedControl(code, freeText)) {
      return `U+${code.toString(16).toUpperCase().padStart(4, "0")} at character ${i + 1}`;
    }
  }
  return undefined;
}
