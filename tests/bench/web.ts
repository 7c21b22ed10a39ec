import { launchBrowser } from "../e2e/support/browser";

export interface WebResult {
  viewport: string;
  mapUsableMs: number;
  initialJsBytes: number;
  totalJsBytes: number;
  waveChanges: number;
  waveChangeMedianMs: number;
  waveChangeMaxMs: number;
}

const WAVE_CHANGES = 20;

/**
 * In headless Chromium against a running server: time from navigation start until the choropleth for the
 * latest wave is drawn (the map marks `data-shown` once maplibre is idle with the data), the JavaScript
 * transferred by then, and the time from a wave change (a key press on the slider) to the repainted map.
 */
export async function runWeb(
  baseUrl: string,
  viewport: { width: number; height: number },
): Promise<WebResult> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`, { waitUntil: "commit" });
    const shown = await page.waitForFunction(
      () => (document.querySelector('[data-testid="map"][data-shown]') ? performance.now() : false),
      undefined,
      { timeout: 60_000, polling: "raf" },
    );
    const usable = await page.evaluate(
      (ready: number) => {
        const scripts = performance
          .getEntriesByType("resource")
          .filter((e): e is PerformanceResourceTiming => e.name.endsWith(".js"));
        return {
          ready,
          initial: scripts.filter((s) => s.responseEnd <= ready).reduce((n, s) => n + s.transferSize, 0),
          total: scripts.reduce((n, s) => n + s.transferSize, 0),
        };
      },
      (await shown.jsonValue()) as number,
    );

    const slider = page.locator("#wave");
    const durations: number[] = [];
    for (let i = 0; i < WAVE_CHANGES; i++) {
      const before = await page.getAttribute('[data-testid="map"]', "data-shown");
      await slider.focus();
      const started = await page.evaluate(() => performance.now());
      // Alternate between the last two waves so each change paints something new.
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
    durations.sort((a, b) => a - b);
    return {
      viewport: `${viewport.width}×${viewport.height}`,
      mapUsableMs: usable.ready,
      initialJsBytes: usable.initial,
      totalJsBytes: usable.total,
      waveChanges: WAVE_CHANGES,
      waveChangeMedianMs: durations[Math.floor(durations.length / 2)]!,
      waveChangeMaxMs: durations.at(-1)!,
    };
  } finally {
    await browser.close();
  }
}
