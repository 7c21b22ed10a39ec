/** A clock time in the reader's locale, to the second, e.g. "14:02:31". */
export function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

/** "in 3 s" / "now", for the next health check. */
export function secondsUntil(at: number | null, now: number): string {
  if (at === null) return "now";
  const seconds = Math.ceil((at - now) / 1_000);
  return seconds <= 0 ? "now" : `in ${seconds} s`;
}

/** A calendar date (YYYY-MM-DD) in words, e.g. "31 Oct 2024"; read in UTC so the day never shifts. */
export function dayMonthYear(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}
