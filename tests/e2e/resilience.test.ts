import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe";
import { watchedPage } from "./support/browser";
import { STRICT_CSP } from "./support/csp";
import { type AtlasSession, startSession, waitForMap } from "./support/session";

/** The API going away and coming back, history, keyboard, touch, and the strict CSP. */
describe("resilience and access", () => {
  let s: AtlasSession;
  let latest: string;
  beforeAll(async () => {
    s = await startSession();
    latest = await s.latestWave();
  });
  afterAll(async () => {
    await s?.close();
  });

  it("says clearly when the API cannot be reached, and recovers by itself when it is back", async () => {
    await s.open("/");
    await waitForMap(s.page, `${latest}|region|offering_pct`);
    await s.server.stop();
    await s.page.getByLabel("Metric").selectOption("routine_pct");
    const alert = s.page.locator(".api-down");
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.getAttribute("role")).toBe("alert");
    expect(await alert.textContent()).toContain("The atlas API cannot be reached");
    expect(await seriousViolations(s.page)).toEqual([]);
    s.server = await s.server.restart();
    await alert.waitFor({ state: "detached", timeout: 30_000 });
    await waitForMap(s.page, `${latest}|region|routine_pct`, 30_000);
    // The outage itself logs failed requests; from here on the page must be clean again.
    s.watch.reset();
  }, 120_000);

  it("restores filters with Back and Forward", async () => {
    await s.open("/");
    await waitForMap(s.page, `${latest}|region|offering_pct`);
    await s.page.getByLabel("Metric").selectOption("routine_pct");
    await s.page.getByLabel("Local areas (ICB, health board, HSC trust)").check();
    await waitForMap(s.page, `${latest}|local|routine_pct`);
    await s.page.goBack();
    await waitForMap(s.page, `${latest}|region|routine_pct`);
    expect(await s.page.getByLabel("Regions").isChecked()).toBe(true);
    await s.page.goBack();
    await waitForMap(s.page, `${latest}|region|offering_pct`);
    expect(await s.page.getByLabel("Metric").inputValue()).toBe("offering_pct");
    await s.page.goForward();
    await waitForMap(s.page, `${latest}|region|routine_pct`);
  }, 60_000);

  it("reaches the controls, the tabs and every area by keyboard, with a visible focus", async () => {
    await s.open("/?tab=table");
    await s.page.waitForSelector("#metric:not([disabled])");
    await s.page.keyboard.press("Tab");
    expect(await s.page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    const focusRing = await s.page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(focusRing).not.toBe("none");
    // Then the header's links to the other pages, then the first filter.
    for (const link of ["Dashboard", "Organisations", "Survey team"]) {
      await s.page.keyboard.press("Tab");
      expect(await s.page.evaluate(() => document.activeElement?.textContent)).toBe(link);
    }
    await s.page.keyboard.press("Tab");
    expect(await s.page.evaluate(() => document.activeElement?.id)).toBe("metric");
    // Tabs: arrow keys move between them (the WAI-ARIA tabs pattern).
    await s.page.getByRole("tab", { name: "Table" }).focus();
    await s.page.keyboard.press("ArrowLeft");
    await s.page.waitForFunction(() => new URLSearchParams(location.search).get("tab") === "chart");
    expect(await s.page.evaluate(() => document.activeElement?.textContent)).toBe("Chart");
    await s.page.keyboard.press("ArrowRight");
    await s.page.locator('[data-testid="coverage-table"]').waitFor();
    // Every area is a button in the table: Tab to one and press Enter to open its panel.
    const first = s.page.locator('[data-testid="coverage-table"] tbody th button').first();
    const name = (await first.textContent())!;
    await first.focus();
    await s.page.keyboard.press("Enter");
    await s.page.locator(".area-panel h2", { hasText: name }).waitFor();
    // Search by keyboard alone.
    await s.page.getByRole("combobox", { name: "Find a place, area or organisation" }).focus();
    await s.page.keyboard.type("Wales");
    await s.page.keyboard.press("ArrowDown");
    await s.page.keyboard.press("ArrowUp");
    await s.page.keyboard.press("Enter");
    await s.page.waitForFunction(() => new URLSearchParams(location.search).get("area") === "W92000004");
    expect(await s.page.getByLabel("Nations").isChecked()).toBe(true);
  }, 60_000);

  it("selects an area with a tap on a touch screen and shows its details", async () => {
    const { page } = await watchedPage(s.browser, { touch: true, width: 800, height: 1200 });
    try {
      // Points hidden (from the link) so the tap lands on an area rather than an organisation's dot.
      await page.goto(`${s.server.url}/?level=nation&points=off`);
      await waitForMap(page, `${latest}|nation|offering_pct`);
      expect(await page.getByLabel("Show organisations").isChecked()).toBe(false);
      // On a narrow screen the map sits below the controls: scroll to it, as a person would, then tap.
      const map = page.locator('[data-testid="map"]');
      await map.scrollIntoViewIfNeeded();
      const box = (await map.boundingBox())!;
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForFunction(() => new URLSearchParams(location.search).has("area"));
      expect(await page.textContent(".map-tooltip")).toContain(`wave ${latest}`);
      expect(new URL(page.url()).searchParams.get("points")).toBe("off");
    } finally {
      await page.context().close();
    }
  }, 60_000);

  it("runs under the strict Content-Security-Policy of apps/web/CSP.md, maplibre and downloads included", async () => {
    const { page, watch } = await watchedPage(s.browser);
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    try {
      await page.route(`${s.server.url}/`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({
          response,
          headers: { ...response.headers(), "content-security-policy": STRICT_CSP },
        });
      });
      await page.goto(`${s.server.url}/`);
      await waitForMap(page, `${latest}|region|offering_pct`);
      // The first map is SVG; a zoom by hand brings in maplibre, whose worker must run under the policy.
      const box = (await page.locator('[data-testid="map"]').boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -200);
      await page.locator('.map-frame[data-renderer="maplibre"]').waitFor({ timeout: 30_000 });
      await waitForMap(page, `${latest}|region|offering_pct`);
      expect(new URL(page.url()).searchParams.get("map")).toMatch(/^\d+\.\d{2}\//);
      const [png] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: /as PNG$/ }).click(),
      ]);
      expect(png.suggestedFilename()).toMatch(/\.png$/);
      expect(violations).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 60_000);

  it("made no console errors (after the outage) and no request off the machine", () => {
    expect(s.watch.pageErrors).toEqual([]);
    expect(s.watch.consoleErrors).toEqual([]);
    expect(s.watch.externalRequests).toEqual([]);
  });
});
