import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../e2e/support/browser";
import { layoutShifts, recordLayoutShifts } from "../e2e/support/layout-shift";
import { appViews } from "../e2e/support/views";
import { type LighthouseScores, runLighthouse } from "./lighthouse";

/** One window size: a blank page's load, the atlas's first map, the JavaScript it took, and wave changes. */
export interface WebLoad {
  viewport: string;
  /** Navigation start → load event of a one-line HTML page from a plain Node server on this machine. */
  blankLoadMs: number;
  /** Navigation start → the first choropleth drawn (`data-shown` on the map, read at the next frame). */
  firstMapMs: number;
  /** JavaScript transferred (compressed, as sent) by the time the first map is drawn. */
  initialJsBytes: number;
  /** All JavaScript transferred once the page has been idle for a while. */
  totalJsBytes: number;
  waveChanges: number;
  waveChangeMedianMs: number;
  waveChangeMaxMs: number;
}

export interface ViewShift {
  view: string;
  viewport: string;
  cls: number;
}

export interface WebBench {
  loads: WebLoad[];
  shifts: ViewShift[];
  lighthouse: LighthouseScores[];
  /** The same Lighthouse runs on the blank page: the baseline for its timings. */
  lighthouseBlank: LighthouseScores[];
}

/** Windows for the load figures: the first is the one the aims are set for. */
export const LOAD_VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
];
const SHIFT_VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];
const RUNS = 3;
const WAVE_CHANGES = 20;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A blank page served over HTTP from this process: what any page's load costs on this machine. */
async function blankServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(
      '<!doctype html><html lang="en"><head><title>Blank</title></head><body><p>Blank page.</p></body></html>',
    );
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

async function freshPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

async function blankLoad(browser: Browser, url: string, viewport: { width: number; height: number }) {
  const page = await freshPage(browser, viewport);
  try {
    await page.goto(url, { waitUntil: "load" });
    return await page.evaluate(
      () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd,
    );
  } finally {
    await page.context().close();
  }
}

/** Navigation start → first map drawn, and the JavaScript transferred by then. */
async function firstMap(browser: Browser, baseUrl: string, viewport: { width: number; height: number }) {
  const page = await freshPage(browser, viewport);
  try {
    await page.goto(`${baseUrl}/`, { waitUntil: "commit" });
    const shown = await page.waitForFunction(
      () => (document.querySelector('[data-testid="map"][data-shown]') ? performance.now() : false),
      undefined,
      { timeout: 60_000, polling: "raf" },
    );
    const ready = (await shown.jsonValue()) as number;
    const initial = await page.evaluate((until: number) => {
      return performance
        .getEntriesByType("resource")
        .filter((e): e is PerformanceResourceTiming => e.name.endsWith(".js"))
        .filter((e) => e.responseEnd <= until)
        .reduce((n, s) => n + s.transferSize, 0);
    }, ready);
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(2_000);
    const total = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter((e): e is PerformanceResourceTiming => e.name.endsWith(".js"))
        .reduce((n, s) => n + s.transferSize, 0),
    );
    return { ms: ready, initial, total, page };
  } catch (error) {
    await page.context().close();
    throw error;
  }
}

/** A key press on the slider → the map repainted with the new wave; alternates between the last two. */
async function waveChanges(page: Page): Promise<number[]> {
  // On a phone the filters are folded into one line: open them, as a reader would.
  const toggle = page.locator(".controls-toggle");
  if (await toggle.isVisible()) await toggle.click();
  const slider = page.locator("#wave");
  const durations: number[] = [];
  for (let i = 0; i < WAVE_CHANGES; i++) {
    const before = await page.getAttribute('[data-testid="map"]', "data-shown");
    await slider.focus();
    const started = await page.evaluate(() => performance.now());
    await page.keyboard.press(i % 2 === 0 ? "ArrowLeft" : "ArrowRight");
    const ended = await page.waitForFunction(
      (previous) => {
        const shown = document.querySelector('[data-testid="map"]')?.getAttribute("data-shown");
        return shown && shown !== previous ? performance.now() : false;
      },
      before,
      { timeout: 30_000, polling: "raf" },
    );
    durations.push(((await ended.jsonValue()) as number) - started);
  }
  return durations.sort((a, b) => a - b);
}

/**
 * The web page in headless Chromium against a running server: per window size, a blank page's load and
 * the atlas's first map (median of three fresh loads each), the JavaScript before and after it, and wave
 * changes; layout shift on every view at a desktop and a phone size; Lighthouse desktop and mobile on the
 * map and, as its baseline, on the blank page.
 */
export async function runWeb(baseUrl: string, latestWave: string): Promise<WebBench> {
  const blank = await blankServer();
  const browser = await launchBrowser();
  try {
    const loads: WebLoad[] = [];
    for (const viewport of LOAD_VIEWPORTS) {
      const blanks: number[] = [];
      const maps: Array<{ ms: number; initial: number; total: number }> = [];
      let changes: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        blanks.push(await blankLoad(browser, blank.url, viewport));
        const map = await firstMap(browser, baseUrl, viewport);
        maps.push(map);
        if (run === RUNS - 1) changes = await waveChanges(map.page);
        await map.page.context().close();
      }
      loads.push({
        viewport: `${viewport.width}×${viewport.height}`,
        blankLoadMs: median(blanks),
        firstMapMs: median(maps.map((m) => m.ms)),
        initialJsBytes: median(maps.map((m) => m.initial)),
        totalJsBytes: median(maps.map((m) => m.total)),
        waveChanges: changes.length,
        waveChangeMedianMs: median(changes),
        waveChangeMaxMs: changes.at(-1)!,
      });
    }

    const shifts: ViewShift[] = [];
    for (const viewport of SHIFT_VIEWPORTS) {
      for (const view of appViews(latestWave)) {
        const page = await freshPage(browser, viewport);
        try {
          await recordLayoutShifts(page);
          await page.goto(`${baseUrl}${view.path}`);
          await view.ready(page);
          await page.waitForLoadState("networkidle");
          await page.waitForTimeout(1_000);
          const { cls } = await layoutShifts(page);
          shifts.push({ view: view.name, viewport: `${viewport.width}×${viewport.height}`, cls });
        } finally {
          await page.context().close();
        }
      }
    }
    await browser.close();

    const lighthouse: LighthouseScores[] = [];
    const lighthouseBlank: LighthouseScores[] = [];
    for (const formFactor of ["desktop", "mobile"] as const) {
      lighthouse.push(await runLighthouse(`${baseUrl}/`, formFactor));
      lighthouseBlank.push(await runLighthouse(blank.url, formFactor));
    }
    return { loads, shifts, lighthouse, lighthouseBlank };
  } finally {
    await browser.close().catch(() => {});
    blank.server.close();
  }
}
