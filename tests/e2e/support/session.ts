import type { Browser, Page } from "playwright-core";
import { type AtlasServer, startAtlas } from "./atlas";
import { launchBrowser, type PageWatch, watchedPage } from "./browser";

/** One test file's world: a real server with demo data, one Chromium, one page that is reused. */
export interface AtlasSession {
  server: AtlasServer;
  browser: Browser;
  page: Page;
  watch: PageWatch;
  /** Navigates to a path of the app and waits for the network to settle. */
  open(path: string): Promise<void>;
  /** GETs JSON from the same server, for expected values. */
  api<T = unknown>(path: string): Promise<T>;
  /** The latest published wave's id. */
  latestWave(): Promise<string>;
  close(): Promise<void>;
}

export async function startSession(
  options: { reducedMotion?: boolean; touch?: boolean } = {},
): Promise<AtlasSession> {
  const [server, browser] = await Promise.all([startAtlas(), launchBrowser()]);
  const { page, watch } = await watchedPage(browser, options);
  const session: AtlasSession = {
    server,
    browser,
    page,
    watch,
    async open(path) {
      await page.goto(`${session.server.url}${path}`, { waitUntil: "load" });
    },
    async api<T>(path: string) {
      const response = await fetch(`${session.server.url}${path}`);
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return (await response.json()) as T;
    },
    async latestWave() {
      const { waves } = await session.api<{ waves: Array<{ id: string }> }>("/api/waves");
      return waves
        .map((w) => w.id)
        .sort()
        .at(-1)!;
    },
    // The server may have been replaced by a restart (outage tests): stop the one running now.
    async close() {
      await browser.close();
      await session.server.cleanup();
    },
  };
  return session;
}

/** Waits until the map has painted the data named `wave|level|metric`. */
export async function waitForMap(page: Page, key: string, timeout = 20_000): Promise<void> {
  await page.waitForSelector(`[data-testid="map"][data-shown="${key}"]`, { timeout });
}

/** The legend's counts: every class and status row as [label, count]. */
export async function legendRows(page: Page): Promise<Array<[string, number]>> {
  return page.$$eval(
    '[data-testid="legend"] .legend-classes li:not(.legend-empty), [data-testid="legend"] .legend-statuses li',
    (items) =>
      items.map(
        (li) =>
          [
            li.querySelector(".legend-label")?.textContent ?? "",
            Number.parseInt(li.querySelector(".legend-count")?.textContent ?? "", 10),
          ] as [string, number],
      ),
  );
}
