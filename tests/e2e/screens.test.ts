import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe";
import { watchedPage } from "./support/browser";
import { chartLabelProblems, sidewaysOverflow } from "./support/layout";
import { type AtlasSession, startSession } from "./support/session";

/**
 * Every view on a phone and a tablet: nothing scrolls sideways, every chart's labels (as the browser
 * draws them, real glyphs) clear each other and stay inside the chart, and axe finds nothing serious.
 * On a desktop: the controls do not collide, and downloaded figures are as readable as the screen.
 */
const VIEWS: Array<[string, string, string]> = [
  ["map", "/", '[data-testid="map"][data-shown]'],
  ["chart", "/?tab=chart&area=E40000003", '[data-testid="ranked-dot-plot"] svg'],
  ["table", "/?tab=table", '[data-testid="coverage-table"]'],
  ["gaps", "/?tab=gaps&level=local", '[data-testid="gap-list"]'],
  ["compare", "/?tab=compare&compare=E40000003,E40000005,E40000006", '[data-testid="compare-funnel"] svg'],
  ["change", "/?tab=change", '[data-testid="factors-barrier"] svg'],
  ["organisations", "/?tab=organisation", ".organisation-list li"],
  ["journey", "/?tab=organisation&org=RX4", '[data-testid="journey-timeline"] svg'],
  ["brief", "/?view=brief&area=E54000054", '[data-testid="brief-trend"] svg'],
];

describe("every screen", () => {
  let s: AtlasSession;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  async function open(page: Page, path: string, ready: string): Promise<void> {
    await page.goto(`${s.server.url}${path}`);
    await page.locator(ready).first().waitFor({ timeout: 20_000 });
    // Charts measure their holder and draw again for its width: let that settle.
    await page.waitForTimeout(400);
  }

  for (const [width, height] of [
    [390, 844],
    [768, 1024],
  ] as const) {
    it(`at ${width}×${height} no view scrolls sideways and every chart is readable`, async () => {
      const { page, watch } = await watchedPage(s.browser, { width, height });
      try {
        for (const [name, path, ready] of VIEWS) {
          await open(page, path, ready);
          const overflow = await sidewaysOverflow(page);
          expect(
            overflow.scrollWidth,
            `${name}: wider than the screen (${overflow.culprits.join(", ")})`,
          ).toBeLessThanOrEqual(overflow.clientWidth);
          expect(await chartLabelProblems(page), name).toEqual([]);
          expect(await seriousViolations(page), name).toEqual([]);
        }
        expect(watch.pageErrors).toEqual([]);
        expect(watch.consoleErrors).toEqual([]);
      } finally {
        await page.context().close();
      }
    }, 240_000);
  }

  it("on a desktop the wave slider stays in its own column, and Play and Pause take the same room", async () => {
    const { page } = await watchedPage(s.browser, { width: 1280, height: 800 });
    try {
      await open(page, "/", '[data-testid="map"][data-shown]');
      const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
      const slider = await box(".wave-slider");
      const level = await box(".level-switch");
      const ticks = await page.locator(".wave-ticks span").evaluateAll((spans) =>
        spans.map((span) => {
          const r = span.getBoundingClientRect();
          return { text: span.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }),
      );
      expect(ticks.length).toBeGreaterThan(1);
      for (const tick of ticks) {
        expect(tick.right, `${tick.text} runs past the slider`).toBeLessThanOrEqual(
          slider.x + slider.width + 0.5,
        );
        // The Level radios sit beside or below the slider (the filters are a column on wide screens).
        const clear =
          tick.right <= level.x ||
          tick.left >= level.x + level.width ||
          tick.bottom <= level.y ||
          tick.top >= level.y + level.height;
        expect(clear, `${tick.text} runs into Level`).toBe(true);
      }
      for (let i = 1; i < ticks.length; i++)
        expect(ticks[i]!.left, `${ticks[i - 1]!.text} and ${ticks[i]!.text} overlap`).toBeGreaterThanOrEqual(
          ticks[i - 1]!.right,
        );
      const play = page.getByRole("button", { name: "Play the waves in order" });
      const before = (await play.boundingBox())!;
      const label = page.locator(".wave-slider output");
      await play.click();
      const pause = page.getByRole("button", { name: "Pause the waves" });
      const during = (await pause.boundingBox())!;
      expect(during.width).toBeCloseTo(before.width, 0);
      expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
      expect(await label.textContent()).toMatch(/^\d{4}/);
      await pause.click();
    } finally {
      await page.context().close();
    }
  }, 60_000);

  it("on a desktop the charts and their downloaded SVGs have every label clear and whole", async () => {
    const { page } = await watchedPage(s.browser, { width: 1280, height: 800 });
    try {
      for (const [path, ready, figure] of [
        // The funnel is drawn where the bases can carry one: the regions, for the shares of organisations.
        ["/?tab=compare&compare=E40000003,E40000005", '[data-testid="compare-funnel"] svg', "compare-funnel"],
        ["/?tab=change", '[data-testid="stage-transitions"] svg', "stage-transitions"],
        ["/?tab=chart&level=local&area=E54000054", '[data-testid="ranked-dot-plot"] svg', "ranked-dot-plot"],
      ] as const) {
        await open(page, path, ready);
        expect(await chartLabelProblems(page), path).toEqual([]);
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page
            .locator(`[data-testid="${figure}"]`)
            .getByRole("button", { name: /as SVG$/ })
            .click(),
        ]);
        const svg = readFileSync((await download.path())!, "utf8");
        const viewer = await page.context().newPage();
        await viewer.setContent(
          `<!doctype html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>/, "")}</body>`,
        );
        expect(await chartLabelProblems(viewer, "body > svg"), `${figure} download`).toEqual([]);
        await viewer.close();
      }
      // The funnel names a marked area in full, never cut mid-word.
      await open(page, "/?tab=compare&compare=E40000003,E40000005", '[data-testid="compare-funnel"] svg');
      const funnelText = await page.locator('[data-testid="compare-funnel"] svg').textContent();
      expect(funnelText).not.toMatch(/Integr…/);
    } finally {
      await page.context().close();
    }
  }, 120_000);
});
