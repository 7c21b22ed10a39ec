import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { BROWSER_FLAGS, CHROMIUM_PATH } from "../e2e/support/browser";

export interface LighthouseScores {
  formFactor: "desktop" | "mobile";
  url: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Lighthouse's own timings (simulated throttling, its default), milliseconds. */
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  speedIndexMs: number;
  cumulativeLayoutShift: number;
  /** Audits that lost points in the three categories, for finding what to fix. */
  failing: string[];
}

const CATEGORIES = ["performance", "accessibility", "best-practices"];

/**
 * Lighthouse (the npm package, 12.8: 13 needs Node 22) against Debian's Chromium with the same flags as
 * every browser test, launched by chrome-launcher: nothing is downloaded. Desktop uses Lighthouse's own
 * desktop preset, mobile its default (a mid-range phone on a slow 4G network, simulated).
 */
export async function runLighthouse(
  url: string,
  formFactor: "desktop" | "mobile",
): Promise<LighthouseScores> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: BROWSER_FLAGS,
    logLevel: "silent",
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES },
      formFactor === "desktop" ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const score = (id: string) => lhr.categories[id]?.score ?? Number.NaN;
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const failing = CATEGORIES.flatMap((category) =>
      (lhr.categories[category]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id]!)
        .filter((audit) => audit.score !== null && audit.score < 1)
        .map((audit) => `${category}: ${audit.id} (${audit.score})`),
    );
    return {
      formFactor,
      url,
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      firstContentfulPaintMs: numeric("first-contentful-paint"),
      largestContentfulPaintMs: numeric("largest-contentful-paint"),
      totalBlockingTimeMs: numeric("total-blocking-time"),
      speedIndexMs: numeric("speed-index"),
      cumulativeLayoutShift: numeric("cumulative-layout-shift"),
      failing,
    };
  } finally {
    chrome.kill();
  }
}
