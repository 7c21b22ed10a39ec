import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe";
import { type AtlasSession, legendRows, startSession, waitForMap } from "./support/session";

/**
 * Journey 3: a policymaker plays the time slider across the waves and watches the map change, opens the
 * national trend, the stage transitions between two waves, and one organisation's journey.
 */
describe("policymaker journey", () => {
  let s: AtlasSession;
  let waves: string[];
  beforeAll(async () => {
    s = await startSession();
    waves = (await s.api<{ waves: Array<{ id: string }> }>("/api/waves")).waves.map((w) => w.id).sort();
  });
  afterAll(async () => {
    await s?.close();
  });

  it("plays every wave in order on the map, then stops at the latest", async () => {
    const first = waves[0]!;
    const latest = waves.at(-1)!;
    await s.open(`/?wave=${first}&level=local&metric=offering_pct`);
    await waitForMap(s.page, `${first}|local|offering_pct`);
    const before = await legendRows(s.page);
    const historyBefore = await s.page.evaluate(() => history.length);
    // Record every wave the map paints while playing (each attribute change, even two in one task).
    await s.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const map = document.querySelector('[data-testid="map"]')!;
      new MutationObserver((records) => {
        // Each record's oldValue is the value before it, so the values set are the later records'
        // oldValues followed by the current value.
        for (const next of records.slice(1)) seen.push(next.oldValue ?? "");
        seen.push(map.getAttribute("data-shown") ?? "");
      }).observe(map, { attributes: true, attributeFilter: ["data-shown"], attributeOldValue: true });
    });
    await s.page.getByRole("button", { name: "Play the waves in order" }).click();
    await waitForMap(s.page, `${latest}|local|offering_pct`, 40_000);
    await s.page.getByRole("button", { name: "Play the waves in order" }).waitFor();
    const seen = await s.page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect([...new Set(seen)].map((key) => key.split("|")[0])).toEqual(waves.slice(1));
    expect(await s.page.textContent('label[for="wave"] output')).toContain(latest);
    expect(await legendRows(s.page)).not.toEqual(before);
    // Playing replaces the history entry, so Back leaves the animation rather than stepping through it.
    expect(await s.page.evaluate(() => history.length)).toBe(historyBefore);
  }, 90_000);

  it("shows an organisation in the waves it was in, and not after it closed, as the pointer rests on it", async () => {
    type Listed = {
      organisations: Array<{ code: string; name: string; lat: number | null; lon: number | null }>;
    };
    const [earlier, latest] = waves.slice(-2) as [string, string];
    const before = (await s.api<Listed>(`/api/organisations?wave=${earlier}`)).organisations;
    const after = new Set(
      (await s.api<Listed>(`/api/organisations?wave=${latest}`)).organisations.map((o) => o.code),
    );
    // A closed organisation, the one farthest from any other point, so nothing else is under the pointer.
    const placed = before.filter((o) => o.lat !== null && o.lon !== null);
    const distance = (a: (typeof placed)[0], b: (typeof placed)[0]) =>
      Math.hypot(a.lat! - b.lat!, a.lon! - b.lon!);
    const gone = placed
      .filter((o) => !after.has(o.code))
      .map((o) => ({ o, clear: Math.min(...placed.filter((p) => p !== o).map((p) => distance(o, p))) }))
      .sort((a, b) => b.clear - a.clear)[0]!.o;
    await s.open(`/?wave=${earlier}&level=local&metric=offering_pct&map=9.00/${gone.lat}/${gone.lon}`);
    await waitForMap(s.page, `${earlier}|local|offering_pct`);
    const box = (await s.page.locator('[data-testid="map"]').boundingBox())!;
    // The map is centred on the organisation, so its point is in the middle of the map.
    await s.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await s.page.locator(".map-tooltip", { hasText: gone.name }).waitFor();
    // The next wave, by keyboard, with the pointer still: the tooltip follows the data drawn now.
    await s.page.locator("#wave").focus();
    await s.page.keyboard.press("ArrowRight");
    await waitForMap(s.page, `${latest}|local|offering_pct`);
    await s.page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2);
    await s.page.locator(".map-tooltip", { hasText: `wave ${latest}` }).waitFor();
    expect(await s.page.textContent(".map-tooltip")).not.toContain(gone.name);
  }, 60_000);

  it("opens the national trend: the UK and each nation over every wave", async () => {
    await s.page.getByRole("tab", { name: "Chart" }).click();
    const chart = s.page.locator('[data-testid="national-trend"] svg');
    await chart.waitFor();
    const names = await chart.locator(".panel .series-label").allTextContents();
    expect(names).toEqual(["United Kingdom", "England", "Northern Ireland", "Scotland", "Wales"]);
    const table = s.page.locator('[data-testid="national-trend"] table tbody tr');
    expect(await table.count()).toBe(5 * waves.length);
    // Beside it, the real national context: another measure, named, with its source and licence.
    const context = await s.api<{ series: Array<{ points: unknown[] }> }>("/api/context");
    const figure = s.page.locator('[data-testid="national-context"]');
    await figure.locator("svg").waitFor();
    const words = (await figure.textContent()) ?? "";
    expect(words).toMatch(/Real published data/);
    expect(words).toMatch(/Open Government Licence/);
    expect(words).not.toMatch(/synthetic data\./i);
    expect(context.series[0]!.points.length).toBeGreaterThan(0);
    expect(await seriousViolations(s.page)).toEqual([]);
  }, 60_000);

  it("shows stage transitions between two chosen waves", async () => {
    await s.page.getByRole("tab", { name: "Stages and factors" }).click();
    const previous = waves.at(-2)!;
    const latest = waves.at(-1)!;
    await s.page
      .locator('[data-testid="stage-transitions"]', {
        hasText: `Implementation stage, ${previous} to ${latest}`,
      })
      .waitFor();
    await s.page.getByLabel("From wave").selectOption(waves[0]!);
    const figure = s.page.locator('[data-testid="stage-transitions"]', {
      hasText: `Implementation stage, ${waves[0]} to ${latest}`,
    });
    await figure.waitFor();
    expect(new URL(s.page.url()).searchParams.get("from")).toBe(waves[0]);
    const api = await s.api<{ stages: Array<{ count: number }> }>(
      `/api/transitions?from=${waves[0]}&to=${latest}`,
    );
    const total = api.stages.reduce((sum, t) => sum + t.count, 0);
    const cells = await figure.locator("svg .cell text").allTextContents();
    expect(cells.reduce((sum, t) => sum + Number(t), 0)).toBe(total);
    // The CSV holds exactly the moves on screen: one line per stage and provision cell of the API's answer.
    const [download] = await Promise.all([
      s.page.waitForEvent("download"),
      s.page.getByRole("link", { name: "Download CSV of these transitions" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`mbct-atlas_transitions_${waves[0]}_${latest}_synthetic.csv`);
    const rows = readFileSync((await download.path())!, "utf8")
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .filter((l) => l !== "" && !l.startsWith("#"));
    const full = await s.api<{ stages: unknown[]; provision: unknown[] }>(
      `/api/transitions?from=${waves[0]}&to=${latest}`,
    );
    expect(rows).toHaveLength(1 + full.stages.length + full.provision.length);
    await s.page.locator('[data-testid="factors-barrier"] svg').waitFor();
    expect(await seriousViolations(s.page)).toEqual([]);
  }, 60_000);

  it("finds an organisation by name and shows its journey through the waves", async () => {
    await s.page.getByRole("tab", { name: "Organisation journey" }).click();
    await s.page.locator(".organisation-list li").first().waitFor();
    const organisations = await s.api<{ organisations: unknown[] }>(
      `/api/organisations?wave=${waves.at(-1)}`,
    );
    expect(await s.page.locator(".organisation-list li").count()).toBe(organisations.organisations.length);
    expect(await seriousViolations(s.page)).toEqual([]);
    const search = s.page.getByRole("combobox", { name: "Find a place, area or organisation" });
    await search.fill("Cumbria, North");
    await s.page.getByRole("option", { name: /Cumbria, Northumberland, Tyne and Wear/ }).waitFor();
    await search.press("Enter");
    await s.page.waitForFunction(() => new URLSearchParams(location.search).get("tab") === "organisation");
    const code = new URL(s.page.url()).searchParams.get("org")!;
    const detail = await s.api<{ journey: Array<{ waveId: string; events: string[] }> }>(
      `/api/organisations/${code}`,
    );
    const timeline = s.page.locator('[data-testid="journey-timeline"] svg');
    await timeline.waitFor();
    expect(await timeline.locator(".provision").count()).toBe(detail.journey.length);
    expect(await timeline.locator(".not-surveyed").count()).toBe(waves.length - detail.journey.length);
    expect(await timeline.locator(".event").count()).toBe(
      detail.journey.reduce((n, step) => n + step.events.length, 0),
    );
    expect(await seriousViolations(s.page)).toEqual([]);
  }, 60_000);

  it("made no console errors and no request off the machine", () => {
    expect(s.watch.pageErrors).toEqual([]);
    expect(s.watch.consoleErrors).toEqual([]);
    expect(s.watch.externalRequests).toEqual([]);
  });
});
