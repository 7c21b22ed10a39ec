import type { Page } from "playwright-core";

/** One layout shift the browser reported, with the elements that moved (for finding the cause). */
export interface LayoutShift {
  value: number;
  startTime: number;
  sources: string[];
}

export interface LayoutShiftReport {
  /** Cumulative layout shift as browsers define it: the largest session window (gaps < 1 s, at most 5 s). */
  cls: number;
  shifts: LayoutShift[];
}

/**
 * Records every layout shift from the first byte of each document the page opens (a PerformanceObserver
 * installed before any of the page's own scripts; shifts right after user input are left out, as the
 * metric defines). Call once per page, before navigating.
 */
export async function recordLayoutShifts(page: Page): Promise<void> {
  // A string, not a function: test runners may wrap named functions in helpers the page does not have.
  await page.addInitScript(OBSERVER);
}

const OBSERVER = `(() => {
  const describe = (node) => {
    if (!node || !(node instanceof Element)) return node ? node.nodeName : "?";
    const id = node.id ? "#" + node.id : "";
    const cls = typeof node.className === "string" && node.className ? "." + node.className.split(" ")[0] : "";
    const testId = node.getAttribute("data-testid");
    return node.tagName.toLowerCase() + id + cls + (testId ? "[" + testId + "]" : "");
  };
  const shifts = [];
  window.__layoutShifts = shifts;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      shifts.push({
        value: entry.value,
        startTime: entry.startTime,
        sources: (entry.sources || []).map((s) =>
          describe(s.node) + " " + Math.round(s.previousRect.y) + "→" + Math.round(s.currentRect.y) +
          " (h " + Math.round(s.currentRect.height) + ")"),
      });
    }
  }).observe({ type: "layout-shift", buffered: true });
})();`;

/** The shifts recorded so far in the current document, and its CLS. */
export async function layoutShifts(page: Page): Promise<LayoutShiftReport> {
  const shifts = await page.evaluate(
    () => (window as unknown as { __layoutShifts?: LayoutShift[] }).__layoutShifts ?? [],
  );
  return { cls: cumulativeLayoutShift(shifts), shifts };
}

/** The largest session window: shifts less than 1 s apart, the window at most 5 s long. */
export function cumulativeLayoutShift(
  shifts: ReadonlyArray<Pick<LayoutShift, "value" | "startTime">>,
): number {
  let best = 0;
  let sum = 0;
  let windowStart = Number.NEGATIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const shift of [...shifts].sort((a, b) => a.startTime - b.startTime)) {
    if (shift.startTime - last > 1_000 || shift.startTime - windowStart > 5_000) {
      sum = 0;
      windowStart = shift.startTime;
    }
    sum += shift.value;
    last = shift.startTime;
    best = Math.max(best, sum);
  }
  return best;
}
