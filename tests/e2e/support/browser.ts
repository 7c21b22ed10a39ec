import { existsSync } from "node:fs";
import { type Browser, type ConsoleMessage, chromium, type Page } from "playwright-core";

/** Debian's Chromium (apt); override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The flags every test and benchmark starts Chromium with (software rendering: no GPU here). */
export const BROWSER_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

/** One headless Chromium per test file (start-up is the slow part; pages are cheap). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: BROWSER_FLAGS, headless: true });
}

/** What a page did that a test should know about: console errors, uncaught errors, requests off the machine. */
export interface PageWatch {
  consoleErrors: string[];
  pageErrors: string[];
  externalRequests: string[];
  /** Forget what has been seen so far (e.g. after a deliberate outage). */
  reset(): void;
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Whether a URL stays on this machine (data: and blob: URLs never leave it). */
export function isLocalUrl(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === "data:" || parsed.protocol === "blob:" || parsed.protocol === "about:") return true;
  return LOCAL_HOSTS.has(parsed.hostname);
}

/** Opens a page that records console errors, page errors and any request to a host other than this one. */
export async function watchedPage(
  browser: Browser,
  options: { reducedMotion?: boolean; touch?: boolean; width?: number; height?: number } = {},
): Promise<{ page: Page; watch: PageWatch }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1400, height: options.height ?? 1000 },
    reducedMotion: options.reducedMotion ? "reduce" : "no-preference",
    hasTouch: options.touch ?? false,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const watch: PageWatch = {
    consoleErrors: [],
    pageErrors: [],
    externalRequests: [],
    reset() {
      this.consoleErrors.length = 0;
      this.pageErrors.length = 0;
    },
  };
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error") watch.consoleErrors.push(`${message.text()} @ ${message.location().url}`);
  });
  page.on("pageerror", (error) => watch.pageErrors.push(String(error)));
  page.on("request", (request) => {
    if (!isLocalUrl(request.url())) watch.externalRequests.push(request.url());
  });
  return { page, watch };
}
