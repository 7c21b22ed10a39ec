import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PageWatch, watchedPage } from "./support/browser";
import { layoutShifts, recordLayoutShifts } from "./support/layout-shift";
import { type AtlasSession, startSession, waitForMap } from "./support/session";
import { appViews } from "./support/views";

type Rect = { top: number; bottom: number; left: number; right: number };

/** The map frame's box, and the box of everything drawn in it (the union of the areas' paths). */
async function mapBoxes(
  page: Page,
): Promise<{ frame: Rect; drawn: Rect; viewport: { width: number; height: number } }> {
  return page.evaluate(() => {
    const rect = (r: DOMRect) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right });
    const frame = rect(document.querySelector('[data-testid="map"]')!.getBoundingClientRect());
    const drawn = { top: Infinity, bottom: -Infinity, left: Infinity, right: -Infinity };
    for (const path of document.querySelectorAll('[data-testid="map"] .map-area')) {
      const r = path.getBoundingClientRect();
      drawn.top = Math.min(drawn.top, r.top);
      drawn.bottom = Math.max(drawn.bottom, r.bottom);
      drawn.left = Math.min(drawn.left, r.left);
      drawn.right = Math.max(drawn.right, r.right);
    }
    return { frame, drawn, viewport: { width: innerWidth, height: innerHeight } };
  });
}

/** The box of the selected area's outline, drawn over the map. */
async function selectedOutline(page: Page): Promise<Rect | null> {
  return page.evaluate(() => {
    const outline = document.querySelectorAll('[data-testid="map"] .map-outline');
    const last = outline[outline.length - 1];
    if (!last) return null;
    const r = last.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  });
}

/**
 * Issue 10's layout: the map in view first, nothing moving while the page loads, the synthetic notice in
 * the page itself, selection from anywhere bringing the map to the area, keyboard selection on the map,
 * tooltips inside the window, and taps on a phone selecting what is under the finger.
 */
describe("layout, steadiness and the map by keyboard and touch", () => {
  let s: AtlasSession;
  let latest: string;
  const watches: PageWatch[] = [];
  /** A fresh page (its own context) whose console errors and off-machine requests are checked at the end. */
  const open = async (options: Parameters<typeof watchedPage>[1]) => {
    const opened = await watchedPage(s.browser, options);
    watches.push(opened.watch);
    return opened;
  };
  beforeAll(async () => {
    s = await startSession();
    latest = await s.latestWave();
  });
  afterAll(async () => {
    await s?.close();
  });

  it("shows the whole UK on first load at 1440×900 and 1280×720, and starts the map within a phone's first screen", async () => {
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1280, height: 720 },
      { width: 390, height: 844 },
    ]) {
      const { page } = await open(size);
      try {
        await page.goto(`${s.server.url}/`);
        await waitForMap(page, `${latest}|region|offering_pct`);
        const { frame, drawn, viewport } = await mapBoxes(page);
        const label = `${size.width}×${size.height}`;
        expect(await page.evaluate(() => scrollY), label).toBe(0);
        if (size.width >= 1280) {
          // The frame, and every area drawn in it, inside the window without scrolling.
          expect(frame.top, label).toBeGreaterThanOrEqual(0);
          expect(frame.bottom, label).toBeLessThanOrEqual(viewport.height);
          for (const edge of ["top", "left"] as const)
            expect(drawn[edge], label).toBeGreaterThanOrEqual(frame[edge]);
          for (const edge of ["bottom", "right"] as const)
            expect(drawn[edge], label).toBeLessThanOrEqual(frame[edge]);
          // And it is a map to read, not a thumbnail: the UK spans most of the frame's height.
          expect(drawn.bottom - drawn.top, label).toBeGreaterThan((frame.bottom - frame.top) * 0.8);
        } else {
          expect(frame.top, label).toBeLessThan(viewport.height * 0.5);
          expect(Math.min(frame.bottom, viewport.height) - frame.top, label).toBeGreaterThan(300);
          expect(await page.evaluate(() => document.documentElement.scrollWidth), label).toBeLessThanOrEqual(
            size.width,
          );
        }
      } finally {
        await page.context().close();
      }
    }
  }, 90_000);

  it("serves the synthetic-data notice in the page's HTML, on screen before (and without) any script", async () => {
    const html = await (await fetch(`${s.server.url}/?tab=chart`)).text();
    const notice = html.indexOf('data-testid="synthetic-banner"');
    expect(notice).toBeGreaterThan(0);
    expect(notice).toBeLessThan(html.indexOf('<div id="root">'));
    expect(html.slice(notice, html.indexOf("</section>", notice))).toContain("Synthetic demonstration data.");
    // With scripts off entirely the notice is still there, above where the app would be.
    const context = await s.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 720 },
    });
    try {
      const page = await context.newPage();
      await page.goto(`${s.server.url}/`);
      const banner = page.locator('[data-testid="synthetic-banner"]');
      expect(await banner.isVisible()).toBe(true);
      expect((await banner.boundingBox())!.y).toBeLessThan(150);
    } finally {
      await context.close();
    }
  }, 60_000);

  it("keeps layout shift under 0.05 on every tab, with a panel open, and on the brief, at 1440×900 and 390×844", async () => {
    const failures: string[] = [];
    for (const size of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      for (const view of appViews(latest)) {
        const { page } = await open(size);
        try {
          await recordLayoutShifts(page);
          await page.goto(`${s.server.url}${view.path}`);
          await view.ready(page);
          // Whatever is still arriving (organisation points, counts) has a moment to land.
          await page.waitForLoadState("networkidle");
          await page.waitForTimeout(500);
          const { cls, shifts } = await layoutShifts(page);
          if (!(cls < 0.05)) {
            failures.push(
              `${view.name} at ${size.width}×${size.height}: ${cls.toFixed(3)} (${shifts.map((x) => `${x.value.toFixed(3)}: ${x.sources.join(", ")}`).join("; ")})`,
            );
          }
        } finally {
          await page.context().close();
        }
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it("keeps layout shift under 0.05 on every tab when the answers arrive slowly and in any order", async () => {
    const failures: string[] = [];
    for (const view of appViews(latest)) {
      const { page } = await open({ width: 1440, height: 900 });
      try {
        // Each request waits 0–1.5 s, fixed per address (so a failure repeats), the order of arrival shuffled.
        await page.route("**/*", async (route) => {
          let hash = 0;
          for (const char of new URL(route.request().url()).pathname + view.name)
            hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
          await new Promise((resolve) => setTimeout(resolve, hash % 1500));
          await route.continue();
        });
        await recordLayoutShifts(page);
        await page.goto(`${s.server.url}${view.path}`);
        await view.ready(page);
        await page.waitForLoadState("networkidle");
        await page.waitForTimeout(1500);
        const { cls, shifts } = await layoutShifts(page);
        if (!(cls < 0.05)) {
          failures.push(
            `${view.name}: ${cls.toFixed(3)} (${shifts.map((x) => `${x.value.toFixed(3)}: ${x.sources.join(", ")}`).join("; ")})`,
          );
        }
      } finally {
        await page.context().close();
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it("reaches the map by Tab, moves between areas with the arrow keys and selects one with Enter", async () => {
    const { page } = await open({ width: 1440, height: 900 });
    try {
      await page.goto(`${s.server.url}/?points=off`);
      await waitForMap(page, `${latest}|region|offering_pct`);
      // From the tabs, Tab reaches the map itself (one stop for the whole map).
      await page.getByRole("tab", { name: "Map" }).focus();
      let onMap = false;
      for (let i = 0; i < 15 && !onMap; i++) {
        await page.keyboard.press("Tab");
        onMap = await page.evaluate(() => document.activeElement?.getAttribute("data-testid") === "map");
      }
      expect(onMap).toBe(true);
      const map = page.locator('[data-testid="map"]');
      expect(await map.getAttribute("role")).toBe("application");
      expect(await map.evaluate((el: Element) => getComputedStyle(el).outlineStyle)).not.toBe("none");

      const status = page.locator('.map-frame [role="status"][aria-live="polite"]');
      const regions = (
        await s.api<{ areas: Array<{ code: string; name: string }> }>("/api/areas?level=region")
      ).areas;
      const spoken = async () => (await status.textContent()) ?? "";
      await page.keyboard.press("ArrowRight");
      await expect.poll(spoken).toMatch(/: .*wave \d{4}\./);
      const first = await spoken();
      await page.keyboard.press("ArrowDown");
      await expect.poll(spoken).not.toBe(first);
      const now = await spoken();
      const focused = regions.find((r) => now.startsWith(`${r.name}:`))!;
      expect(focused).toBeDefined();
      // The focused area is outlined in the focus colour, and its details show beside it.
      expect(await page.locator('.map-outline path[stroke="#ffbf47"]').count()).toBe(1);
      expect(await page.textContent(".map-tooltip")).toContain(focused.name);
      await page.keyboard.press("Enter");
      await page.waitForFunction(
        (code: string) => new URLSearchParams(location.search).get("area") === code,
        focused.code,
      );
      await page.locator(".area-panel h2", { hasText: focused.name }).waitFor();
      // Focus stays on the map, so the next area is one key away.
      expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("map");
    } finally {
      await page.context().close();
    }
  }, 60_000);

  it("keeps the tooltip inside the window, wherever the pointer is on the map", async () => {
    const { page } = await open({ width: 1280, height: 720 });
    try {
      await page.goto(`${s.server.url}/?level=local&points=off`);
      await waitForMap(page, `${latest}|local|offering_pct`);
      const { viewport } = await mapBoxes(page);
      // Over the land nearest each corner of the frame (and the middle): the tooltip opens away from the edge.
      for (const [fx, fy] of [
        [1, 1],
        [0, 1],
        [1, 0],
        [0.5, 0.5],
      ] as const) {
        const spot = await page.evaluate(
          ([tx, ty]) => {
            const frame = document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
            const candidates: Array<[number, number, number]> = [];
            for (let i = 1; i < 60; i++) {
              for (let j = 1; j < 60; j++) {
                const x = frame.left + (frame.width * i) / 60;
                const y = frame.top + (frame.height * j) / 60;
                candidates.push([x, y, Math.hypot(i / 60 - tx!, j / 60 - ty!)]);
              }
            }
            candidates.sort((a, b) => a[2] - b[2]);
            const hit = candidates.find(([x, y]) =>
              document.elementFromPoint(x, y)?.classList.contains("map-area"),
            );
            return hit ? { x: hit[0], y: hit[1] } : null;
          },
          [fx, fy],
        );
        expect(spot, `land near ${fx},${fy}`).not.toBeNull();
        await page.mouse.move(spot!.x, spot!.y);
        await page.locator(".map-tooltip").waitFor();
        const box = (await page.locator(".map-tooltip").boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
        expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      }
    } finally {
      await page.context().close();
    }
  }, 60_000);

  it("brings the map to an area chosen in search or in the table, instead of a speck at UK zoom", async () => {
    const { page } = await open({ width: 1440, height: 900 });
    try {
      await page.goto(`${s.server.url}/?level=local`);
      await waitForMap(page, `${latest}|local|offering_pct`);
      const local = (await s.api<{ areas: Array<{ code: string; name: string }> }>("/api/areas?level=local"))
        .areas;
      const target = local.find((a) => a.code === "E54000054") ?? local[0]!;
      // The table: choose the row, come back to the map.
      await page.getByRole("tab", { name: "Table" }).click();
      await page.getByRole("button", { name: target.name, exact: true }).click();
      await page.getByRole("tab", { name: "Map" }).click();
      await waitForMap(page, `${latest}|local|offering_pct`);
      await page.locator(".area-panel h2", { hasText: target.name }).waitFor();
      await expect
        .poll(async () => {
          const outline = await selectedOutline(page);
          const { frame } = await mapBoxes(page);
          if (!outline) return 0;
          return Math.max(
            (outline.bottom - outline.top) / (frame.bottom - frame.top),
            (outline.right - outline.left) / (frame.right - frame.left),
          );
        })
        // A local area fills a good part of the frame (at UK zoom it would be a few per cent).
        .toBeGreaterThan(0.4);
      const { frame } = await mapBoxes(page);
      const outline = (await selectedOutline(page))!;
      expect(outline.top).toBeGreaterThanOrEqual(frame.top);
      expect(outline.bottom).toBeLessThanOrEqual(frame.bottom);
      // No position in the link: it shows the selected area, so the link reproduces this view.
      expect(new URL(page.url()).searchParams.has("map")).toBe(false);
    } finally {
      await page.context().close();
    }
  }, 60_000);

  it("on a phone, a tap beside an organisation's point selects the area under the finger and shows it on screen", async () => {
    const { page } = await open({ width: 390, height: 844, touch: true });
    try {
      await page.goto(`${s.server.url}/?level=local`);
      await waitForMap(page, `${latest}|local|offering_pct`);
      // A point, and a spot on an area a little beside it (outside the point's mark). The points come
      // from their own request, which may land after the areas are drawn.
      const findSpot = () =>
        page.evaluate(() => {
          const frame = document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
          for (const point of document.querySelectorAll('[data-testid="map"] .map-point')) {
            const r = point.getBoundingClientRect();
            for (const [dx, dy] of [
              [1, 0],
              [-1, 0],
              [0, 1],
              [0, -1],
            ]) {
              const x = (r.left + r.right) / 2 + dx! * (r.width / 2 + 6);
              const y = (r.top + r.bottom) / 2 + dy! * (r.height / 2 + 6);
              if (x < frame.left + 5 || x > frame.right - 50 || y < frame.top + 5 || y > frame.bottom - 5)
                continue;
              const under = document.elementFromPoint(x, y);
              if (under?.classList.contains("map-area"))
                return { x, y, code: under.getAttribute("data-code") };
            }
          }
          return null;
        });
      await expect.poll(findSpot, { timeout: 20_000 }).not.toBeNull();
      const spot = await findSpot();
      expect(spot).not.toBeNull();
      await page.touchscreen.tap(spot!.x, spot!.y);
      await page.waitForFunction(() => new URLSearchParams(location.search).has("area"));
      const url = new URL(page.url());
      expect(url.searchParams.get("area")).toBe(spot!.code);
      expect(url.searchParams.get("tab")).toBeNull();
      // Its details open in a sheet on screen, with the map above it, not a screen or more below.
      const panel = page.locator(".area-panel");
      await panel.locator("h2").waitFor();
      await expect.poll(async () => (await panel.boundingBox())!.y).toBeLessThan(844);
      const box = (await panel.boundingBox())!;
      expect(box.y + Math.min(box.height, 200)).toBeLessThanOrEqual(844);
      await expect
        .poll(async () => (await page.locator('[data-testid="map"]').boundingBox())!.y)
        .toBeLessThan(box.y);
    } finally {
      await page.context().close();
    }
  }, 60_000);

  it("made no console errors and no request off the machine", () => {
    expect(watches.length).toBeGreaterThan(0);
    for (const watch of [s.watch, ...watches]) {
      expect(watch.pageErrors).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.externalRequests).toEqual([]);
    }
  });
});
