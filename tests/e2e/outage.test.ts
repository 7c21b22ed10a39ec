import type { Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe";
import { type AtlasSession, legendRows, startSession, waitForMap } from "./support/session";

/**
 * The API refusing every connection for a while (the page itself stays loaded): the page backs off
 * instead of hammering it, keeps the last good view with the time it is from, says so on a tab that has
 * nothing yet, and comes back by itself as soon as the API answers again.
 */
describe("through an API outage", () => {
  let s: AtlasSession;
  let latest: string;
  let regions: number;
  beforeAll(async () => {
    s = await startSession();
    latest = await s.latestWave();
    regions = (await s.api<{ areas: unknown[] }>("/api/areas?level=region")).areas.length;
  });
  afterAll(async () => {
    await s?.close();
  });

  /** Every API request the page makes from now on, with the time it was made. */
  function recordApiRequests() {
    const log: Array<{ resource: string; at: number }> = [];
    const onRequest = (request: Request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith("/api/"))
        log.push({ resource: `${url.pathname}${url.search}`, at: Date.now() });
    };
    s.page.on("request", onRequest);
    return { log, stop: () => s.page.off("request", onRequest) };
  }

  it("backs off per resource, keeps the last view with its time, never waits forever, and recovers", async () => {
    await s.open("/");
    await waitForMap(s.page, `${latest}|region|offering_pct`);
    const before = await legendRows(s.page);
    expect(before.reduce((sum, [, n]) => sum + n, 0)).toBe(regions);

    // The API goes away: every request to it is refused, as by a stopped server.
    await s.page.route("**/api/**", (route) => route.abort("connectionrefused"));
    const requests = recordApiRequests();
    const outageStart = Date.now();
    await s.page.getByLabel("Metric").selectOption("routine_pct");

    // The banner says so, and the map keeps its last picture with the time it was loaded.
    const banner = s.page.locator(".api-down");
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toMatch(/cannot be reached.*every 2 seconds/);
    const stale = s.page.locator('[data-testid="stale-notice"]');
    await stale.waitFor({ timeout: 10_000 });
    expect(await stale.textContent()).toMatch(/Organisations offering MBCT.*as loaded at \d\d:\d\d:\d\d/);
    expect(await s.page.getAttribute('[data-testid="map"]', "data-shown")).toBe(
      `${latest}|region|offering_pct`,
    );
    expect(await legendRows(s.page)).toEqual(before);
    // Another level cannot load either: the map keeps its regions, values and counts together (never
    // new boundaries with old values), and says which picture it is.
    await s.page.getByRole("radio", { name: "Nations" }).check();
    await s.page.waitForFunction(() => new URLSearchParams(location.search).get("level") === "nation");
    await s.page.waitForTimeout(500);
    expect(await s.page.getAttribute('[data-testid="map"]', "data-shown")).toBe(
      `${latest}|region|offering_pct`,
    );
    expect(await legendRows(s.page)).toEqual(before);
    expect(await s.page.locator(".map-tab h2").textContent()).toContain("regions");

    // A tab with nothing loaded yet says it cannot reach the API and when it tries again: never "Loading…".
    await s.page.getByRole("tab", { name: "Gaps" }).click();
    const unreachable = s.page.locator('[data-testid="unreachable"]');
    await unreachable.waitFor({ timeout: 10_000 });
    expect(await unreachable.textContent()).toMatch(/cannot be reached.*next check (in \d+ s|now)/);
    expect(await unreachable.getByRole("button", { name: "Try now" }).isVisible()).toBe(true);
    expect(await s.page.locator(".loading").count()).toBe(0);
    expect(await seriousViolations(s.page)).toEqual([]);

    // Several seconds of outage, then count: at most one request every 2 s for each resource.
    await s.page.waitForTimeout(Math.max(0, 14_000 - (Date.now() - outageStart)));
    requests.stop();
    const seconds = (Date.now() - outageStart) / 1_000;
    const byResource = new Map<string, number[]>();
    for (const { resource, at } of requests.log)
      byResource.set(resource, [...(byResource.get(resource) ?? []), at]);
    const health = byResource.get("/api/health") ?? [];
    expect(health.length).toBeGreaterThanOrEqual(4);
    expect(health.length).toBeLessThanOrEqual(Math.ceil(seconds / 2) + 1);
    for (const [resource, times] of byResource) {
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      // Timestamps are taken in the test process, a few milliseconds from the page's own timers.
      expect(Math.min(...gaps, Number.POSITIVE_INFINITY), resource).toBeGreaterThanOrEqual(1_950);
    }
    // The data resources back off: each one's waits grow rather than staying at the floor.
    const retried = [...byResource].filter(
      ([resource, times]) => resource !== "/api/health" && times.length >= 3,
    );
    expect(retried.length).toBeGreaterThan(0);
    for (const [, times] of retried)
      expect(times.at(-1)! - times.at(-2)!).toBeGreaterThan(times[1]! - times[0]!);
    expect(requests.log.length / seconds).toBeLessThan(4);

    // The API answers again: the page is back within about one probe period, by itself.
    await s.page.unroute("**/api/**");
    const back = Date.now();
    await s.page.locator('[data-testid="gap-list"]').waitFor({ timeout: 10_000 });
    const recoveredIn = Date.now() - back;
    await banner.waitFor({ state: "detached", timeout: 5_000 });
    expect(recoveredIn).toBeLessThanOrEqual(3_000);
    console.log(
      `outage: ${requests.log.length} API requests in ${seconds.toFixed(1)} s; recovered in ${recoveredIn} ms`,
    );
    await s.page.getByRole("tab", { name: "Map" }).click();
    await waitForMap(s.page, `${latest}|nation|routine_pct`, 10_000);
    expect(await stale.count()).toBe(0);
    s.watch.reset();
  }, 90_000);

  it("made no console errors after the outage and no request off the machine", () => {
    expect(s.watch.pageErrors).toEqual([]);
    expect(s.watch.consoleErrors).toEqual([]);
    expect(s.watch.externalRequests).toEqual([]);
  });
});
