import { WAVE_ID_PATTERN } from "../wave-id";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** The dates a wave covers: a `YYYY` wave the whole year, a `YYYY-MM` wave that month (ISO dates, inclusive). */
export interface WavePeriod {
  start: string;
  end: string;
}

/** The period of a wave id, or undefined when the id does not parse. */
export function wavePeriod(waveId: string): WavePeriod | undefined {
  if (!WAVE_ID_PATTERN.test(waveId)) return undefined;
  const year = waveId.slice(0, 4);
  if (waveId.length === 4) return { start: `${year}-01-01`, end: `${year}-12-31` };
  const month = Number(waveId.slice(5, 7));
  const lastDay = new Date(Date.UTC(Number(year), month, 0)).getUTCDate();
  return { start: `${waveId}-01`, end: `${waveId}-${String(lastDay).padStart(2, "0")}` };
}

/**
 * Whether an organisation existed at some time during a wave: opened on or before the wave's last day
 * and not closed before its first day. Unknown dates count as open.
 */
export function isOpenDuringWave(
  org: { openedOn: string | null; closedOn: string | null },
  waveId: string,
): boolean {
  const period = wavePeriod(waveId);
  if (!period) return false;
  if (org.openedOn !== null && org.openedOn > period.end) return false;
  if (org.closedOn !== null && org.closedOn < period.start) return false;
  return true;
}

/** A wave's display label: `2016` or `May 2016`, marked `(synthetic)` when its returns are synthetic. */
export function waveLabel(waveId: string, synthetic: boolean): string {
  const base =
    waveId.length === 7 ? `${MONTHS[Number(waveId.slice(5, 7)) - 1]} ${waveId.slice(0, 4)}` : waveId;
  return synthetic ? `${base} (synthetic)` : base;
}
