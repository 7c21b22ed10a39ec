import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe";
import { type AtlasSession, legendRows, startSession, waitForMap } from "./support/session";

/**
 * Journey 1: a commissioner opens the dashboard (UK map, latest wave, offering_pct), switches to Gaps,
 * clicks their ICB, reads the area panel, opens the printable brief and downloads the CSV of the view.
 */
describe("commissioner journey", () => {
  let s: AtlasSession;
  let latest: string;
  beforeAll(async () => {
    s = await startSession();
    const waves = await s.api<{ waves: Array<{ id: string }> }>("/api/waves");
    latest = waves.waves
      .map((w) => w.id)
      .sort()
      .at(-1)!;
  });
  afterAll(async () => {
    await s?.close();
  });

  it("opens on a UK map of the latest wave coloured by offering_pct, with a complete legend", async () => {
    await s.open("/");
    await waitForMap(s.page, `${latest}|region|offering_pct`);
    expect(await s.page.textContent("h2")).toContain(`Organisations offering MBCT, ${latest}`);
    const rows = await legendRows(s.page);
    const regions = await s.api<{ areas: unknown[] }>("/api/areas?level=region");
    // Every area is counted in exactly one class or status, and every status is named.
    expect(rows.reduce((sum, [, n]) => sum + n, 0)).toBe(regions.areas.length);
    const labels = rows.map(([label]) => label).join(" | ");
    for (const word of ["No data", "Not applicable", "Suppressed", "Not surveyed"])
      expect(labels).toContain(word);
    await expect(s.page.isVisible('[data-testid="synthetic-banner"]')).resolves.toBe(true);
    expect(await s.page.textContent(".site-footer")).toContain("Open Government Licence");
    expect(await seriousViolations(s.page)).toEqual([]);
  }, 60_000);

  it("names the wave and status in the tooltip, and drills down from a nation on click", async () => {
    await s.open("/?level=nation");
    await waitForMap(s.page, `${latest}|nation|offering_pct`);
    const box = (await s.page.locator('[data-testid="map"]').boundingBox())!;
    // The middle of the UK's bounds is land in southern Scotland or northern England.
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await s.page.mouse.move(centre.x, centre.y);
    await s.page.waitForSelector(".map-tooltip");
    expect(await s.page.textContent(".map-tooltip")).toContain(`wave ${latest}`);
    await s.page.mouse.click(centre.x, centre.y);
    await s.page.waitForFunction(() => new URLSearchParams(location.search).has("area"));
    // Region is the default level, so the URL leaves it out; the level switch shows it.
    expect(await s.page.getByLabel("Regions").isChecked()).toBe(true);
    const url = new URL(s.page.url());
    expect(url.searchParams.get("area")).toMatch(/^[ESWN]92000\d{3}$/);
    await waitForMap(s.page, `${latest}|region|offering_pct`);
    expect(await s.page.isVisible(".area-panel")).toBe(true);
  }, 60_000);

  let chosen: { code: string; name: string };
  it("switches to Gaps at local level and reads an ICB's area panel", async () => {
    await s.open("/");
    await s.page.getByLabel("Local areas (ICB, health board, HSC trust)").check();
    await s.page.getByRole("tab", { name: "Gaps" }).click();
    await s.page.waitForSelector('[data-testid="gap-list"]');
    const gaps = await s.api<{ gaps: Array<{ code: string; name: string }> }>(
      `/api/gaps?wave=${latest}&level=local`,
    );
    expect(await s.page.locator('[data-testid="gap-list"] > li').count()).toBe(gaps.gaps.length);
    chosen = gaps.gaps.find((g) => g.code.startsWith("E54")) ?? gaps.gaps[0]!;
    await s.page.getByRole("button", { name: chosen.name, exact: true }).click();
    const panel = s.page.locator(".area-panel");
    await panel.locator("h2", { hasText: chosen.name }).waitFor();
    await panel.locator(".compare-table").waitFor();
    const panelText = (await panel.textContent()) ?? "";
    expect(panelText).toContain("United Kingdom");
    expect(panelText).toMatch(/England|Scotland|Wales|Northern Ireland/);
    expect(panelText).toMatch(/Response: \d+ of \d+ organisations answered/);
    const orgs = await s.api<{ organisations: unknown[] }>(
      `/api/organisations?wave=${latest}&area=${chosen.code}`,
    );
    await panel.locator(".area-organisations").waitFor();
    expect(await panel.locator(".area-organisations .org-list li").count()).toBe(orgs.organisations.length);
    expect(new URL(s.page.url()).searchParams.get("area")).toBe(chosen.code);
    // The Gaps tab opens on a map of unmet need, its key saying which assumptions it rests on.
    const gapsMap = s.page.locator('[data-testid="gaps-map"]');
    expect(await gapsMap.locator('[data-testid="map"] .map-area').count()).toBeGreaterThan(0);
    expect(await gapsMap.locator('[data-testid="need-line"]').textContent()).toMatch(/580,000 at risk/);
    // Local level's default metric is need met: the panel gives the need and what closing the gap takes,
    // the same figures the API gives for the area.
    expect(new URL(s.page.url()).searchParams.get("metric")).toBeNull();
    const need = await s.api<{ areas: Array<{ code: string; need?: { placesNeeded: number } }> }>(
      `/api/coverage?wave=${latest}&level=local&metric=need_met_pct`,
    );
    const placesNeeded = need.areas.find((a) => a.code === chosen.code)!.need!.placesNeeded;
    await panel.locator('[data-testid="need-figures"]').waitFor();
    expect(await panel.locator('[data-testid="places-needed"]').textContent()).toBe(
      Math.round(placesNeeded).toLocaleString("en-GB"),
    );
    expect(await panel.locator('[data-testid="need-to-close"] li').count()).toBeGreaterThan(0);
    expect(await seriousViolations(s.page)).toEqual([]);
  }, 60_000);

  /** Downloads the view's CSV and reads it with csv-parse's defaults (header on the first line). */
  async function downloadCsv(): Promise<{ name: string; text: string; records: Record<string, string>[] }> {
    const [download] = await Promise.all([
      s.page.waitForEvent("download"),
      s.page.getByRole("link", { name: "Download CSV of this view" }).click(),
    ]);
    const text = readFileSync((await download.path())!, "utf8");
    const [header, ...rows] = parse(text) as string[][];
    const records = rows.map((row) => Object.fromEntries(header!.map((column, i) => [column, row[i]!])));
    return { name: download.suggestedFilename(), text, records };
  }

  it("downloads the CSV of exactly the gaps in view, header first, in the order on screen", async () => {
    const { name, text, records } = await downloadCsv();
    expect(name).toMatch(/gaps.*\.csv$/);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.split("\r\n")[0]).toMatch(/^wave,level,rank,code,name,/);
    // The ranked gaps, then the areas whose need is unknown, as the two lists on screen.
    const ranked = await s.page.locator('[data-testid="gap-list"] .gap-name').allTextContents();
    const unknown = await s.page.locator('[data-testid="gap-unknown-list"] .gap-name').allTextContents();
    expect(records.map((r) => r.name)).toEqual([...ranked, ...unknown]);
    expect(records.slice(0, ranked.length).every((r) => r.rank !== "")).toBe(true);
    expect(records.map((r) => r.code)).toContain(chosen.code);
    // Provenance travels on every row.
    for (const record of records) {
      expect(record.synthetic).toBe("true");
      expect(record.notice).toMatch(/^SYNTHETIC DEMONSTRATION DATA/);
      expect(record.licence).toMatch(/Open Government Licence/);
      expect(record.query).toMatch(
        new RegExp(`^view=gaps&wave=${latest}&level=local&atRisk=580000&commissionPct=15&`),
      );
      expect(Date.parse(record.exported_at!)).not.toBeNaN();
    }
  }, 60_000);

  it("downloads the table sorted as on screen, with the table's words for each status", async () => {
    await s.page.getByRole("tab", { name: "Table" }).click();
    await s.page.locator('[data-testid="coverage-table"]').waitFor();
    await s.page.getByRole("button", { name: "Value", exact: true }).click();
    const rows = s.page.locator('[data-testid="coverage-table"] tbody tr');
    const names = await rows.locator("th").allTextContents();
    const statuses = await rows.locator("td:nth-child(5)").allTextContents();
    const { records } = await downloadCsv();
    expect(records.map((r) => r.name)).toEqual(names);
    expect(records.map((r) => r.status)).toEqual(statuses);
    expect(records[0]!.query).toContain("sort=value");
    await s.page.getByRole("tab", { name: "Gaps" }).click();
    await s.page.locator(".area-panel h2", { hasText: chosen.name }).waitFor();
  }, 60_000);

  it("opens a printable area brief, and Back returns to the panel", async () => {
    await s.page.getByRole("link", { name: "Open the printable area brief" }).click();
    await s.page.waitForSelector("main.brief h1");
    expect(await s.page.textContent("main.brief h1")).toBe(chosen.name);
    const url = new URL(s.page.url());
    expect(url.searchParams.get("view")).toBe("brief");
    expect(url.searchParams.get("area")).toBe(chosen.code);
    for (const heading of [
      /^Status in/,
      /^Organisations$/,
      /^Nearest areas that offer MBCT$/,
      /^What organisations at a later stage/,
    ]) {
      await s.page.locator("main.brief h2", { hasText: heading }).waitFor();
    }
    await s.page.locator('[data-testid="brief-trend"] svg').waitFor();
    expect(await seriousViolations(s.page)).toEqual([]);
    await s.page.emulateMedia({ media: "print" });
    expect(await s.page.isVisible(".brief-actions")).toBe(false);
    expect(await s.page.isVisible('[data-testid="synthetic-banner"]')).toBe(true);
    await s.page.emulateMedia({ media: "screen" });
    await s.page.goBack();
    await s.page.locator(".area-panel h2", { hasText: chosen.name }).waitFor();
    expect(new URL(s.page.url()).searchParams.get("tab")).toBe("gaps");
  }, 60_000);

  it("made no console errors and no request off the machine", () => {
    expect(s.watch.pageErrors).toEqual([]);
    expect(s.watch.consoleErrors).toEqual([]);
    expect(s.watch.externalRequests).toEqual([]);
  });
});
