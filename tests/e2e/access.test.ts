import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe";
import { type PageWatch, watchedPage } from "./support/browser";
import { type AtlasSession, startSession } from "./support/session";
import { appViews, SCREENS } from "./support/views";

/**
 * axe-core (WCAG 2.0–2.2 A and AA) on every view of the app, on a phone, an upright tablet and a desktop,
 * once each view is drawn: no serious or critical violation anywhere.
 */
describe("every view on every screen", () => {
  let s: AtlasSession;
  let latest: string;
  const watches: PageWatch[] = [];
  beforeAll(async () => {
    s = await startSession();
    latest = await s.latestWave();
  });
  afterAll(async () => {
    await s?.close();
  });

  for (const screen of SCREENS) {
    it(`has no serious or critical axe violation at ${screen.width}×${screen.height}`, async () => {
      const found: string[] = [];
      const { page, watch } = await watchedPage(s.browser, screen);
      watches.push(watch);
      try {
        for (const view of appViews(latest)) {
          await page.goto(`${s.server.url}${view.path}`);
          await view.ready(page);
          for (const v of await seriousViolations(page)) {
            found.push(`${view.name}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).join(" | ")}`);
          }
        }
      } finally {
        await page.context().close();
      }
      expect(found).toEqual([]);
    }, 180_000);
  }

  it("made no console errors and no request off the machine", () => {
    expect(watches).toHaveLength(SCREENS.length);
    for (const watch of watches) {
      expect(watch.pageErrors).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.externalRequests).toEqual([]);
    }
  });
});
