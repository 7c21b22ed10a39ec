import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe";
import { layoutShifts, recordLayoutShifts } from "./support/layout-shift";
import { type AtlasSession, startSession, waitForMap } from "./support/session";

interface CoverageRow {
  code: string;
  name: string;
  status: string;
  organisations?: number;
  comparisonReason: string | null;
  need?: { placesNeeded: number; unmetPlaces: number; toClose: { courses: number; teachers: number } };
}

/** As the app writes counts (format/number.ts formatCount). */
const count = (n: number) => Math.round(n).toLocaleString("en-GB");

/**
 * The need lens, as a commissioner uses it: local areas open on need met, a value resting on one
 * organisation says so and is not compared, and the need assumptions can be changed in a form, kept in the
 * URL (through a reload) and used by the API for every figure.
 */
describe("the need lens", () => {
  let s: AtlasSession;
  let latest: string;
  let single: CoverageRow;
  beforeAll(async () => {
    s = await startSession();
    latest = await s.latestWave();
    const coverage = await s.api<{ areas: CoverageRow[] }>(
      `/api/coverage?wave=${latest}&level=local&metric=need_met_pct`,
    );
    single = coverage.areas.find(
      (a) => a.status === "ok" && a.organisations === 1 && a.comparisonReason === "too_few" && a.need,
    )!;
    expect(single, "the demo data have a local area resting on one organisation").toBeDefined();
  });
  afterAll(async () => {
    await s?.close();
  });

  it("opens local areas on need met, with the assumptions and the small bases in the legend, steadily", async () => {
    await recordLayoutShifts(s.page);
    await s.open("/?level=local");
    await waitForMap(s.page, `${latest}|local|need_met_pct`);
    expect(await s.page.locator("#metric").inputValue()).toBe("need_met_pct");
    // No metric in the URL: it is the level's default.
    expect(new URL(s.page.url()).searchParams.has("metric")).toBe(false);
    const legend = s.page.locator('[data-testid="legend"]');
    expect(await legend.locator('[data-testid="need-line"]').textContent()).toContain(
      "Need: 580,000 at risk × 15% commissioned",
    );
    const coverage = await s.api<{ areas: CoverageRow[] }>(
      `/api/coverage?wave=${latest}&level=local&metric=need_met_pct`,
    );
    const small = coverage.areas.filter(
      (a) => a.status === "ok" && (a.organisations ?? 0) >= 1 && (a.organisations ?? 0) <= 4,
    ).length;
    expect(await legend.locator('[data-small-base="true"]').textContent()).toContain(
      `Rests on 1–4 organisations`,
    );
    expect(await legend.locator('[data-small-base="true"] .legend-count').textContent()).toBe(
      `${small} area${small === 1 ? "" : "s"}`,
    );
    await s.page.waitForLoadState("networkidle");
    await s.page.waitForTimeout(500);
    const { cls, shifts } = await layoutShifts(s.page);
    expect(cls, JSON.stringify(shifts)).toBeLessThan(0.05);
  }, 60_000);

  it("opens an area resting on one organisation and reads its count and why it is not compared", async () => {
    await s.page.getByRole("tab", { name: "Table" }).click();
    await s.page.getByRole("button", { name: single.name, exact: true }).click();
    const panel = s.page.locator('[data-testid="area-panel"]');
    await panel.locator('[data-testid="need-figures"]').waitFor();
    expect(await panel.locator('[data-testid="small-base-note"]').textContent()).toContain(
      "Rests on 1 organisation",
    );
    expect(await panel.locator('[data-testid="panel-comparison"]').textContent()).toContain(
      "Too few to compare: 1 organisation answered",
    );
    expect(await panel.locator('[data-testid="places-needed"]').textContent()).toBe(
      count(single.need!.placesNeeded),
    );
    // The table says it too, on the area's row.
    const row = s.page.locator('[data-testid="coverage-table"] tr', { hasText: single.name });
    expect(await row.textContent()).toContain("1 organisation (small base)");
    expect(await row.textContent()).toContain("Too few to compare");
  }, 60_000);

  it("changes an assumption in the form: checked beside the field, kept in the URL, used by the API", async () => {
    const panel = s.page.locator('[data-testid="area-panel"]');
    await panel.getByRole("button", { name: "Change the need assumptions" }).click();
    const dialog = s.page.locator('[data-testid="need-dialog"]');
    await dialog.locator("form").waitFor();
    expect(await seriousViolations(s.page)).toEqual([]);

    const share = dialog.getByLabel("Share of them to commission MBCT for each year");
    expect(await share.inputValue()).toBe("15");
    await share.fill("250");
    await dialog.getByRole("button", { name: "Apply" }).click();
    expect(await share.getAttribute("aria-invalid")).toBe("true");
    expect(await dialog.locator("#need-commissionPct-error").textContent()).toMatch(/from 1 to 100/);
    expect(new URL(s.page.url()).searchParams.has("commissionPct")).toBe(false);
    expect(await seriousViolations(s.page)).toEqual([]);

    await share.fill("30");
    await dialog.getByRole("button", { name: "Apply" }).click();
    await dialog.locator("form").waitFor({ state: "detached" });
    await s.page.waitForFunction(() => new URLSearchParams(location.search).get("commissionPct") === "30");

    const changed = await s.api<{ areas: CoverageRow[] }>(
      `/api/coverage?wave=${latest}&level=local&metric=need_met_pct&commissionPct=30`,
    );
    const expected = changed.areas.find((a) => a.code === single.code)!;
    expect(expected.need!.placesNeeded).not.toBeCloseTo(single.need!.placesNeeded, 3);
    const needed = panel.locator('[data-testid="places-needed"]');
    await s.page.waitForFunction(
      ([text]) => document.querySelector('[data-testid="places-needed"]')?.textContent === text,
      [count(expected.need!.placesNeeded)],
    );
    expect(await needed.textContent()).toBe(count(expected.need!.placesNeeded));
    expect(await panel.locator('[data-testid="need-line"]').textContent()).toContain(
      "1 assumption changed from the defaults",
    );
    expect(await panel.locator('[data-testid="need-line"]').textContent()).toContain("× 30% commissioned");
  }, 60_000);

  it("keeps the changed assumption through a reload, on the map and in the panel", async () => {
    await s.page.reload({ waitUntil: "load" });
    expect(new URL(s.page.url()).searchParams.get("commissionPct")).toBe("30");
    const changed = await s.api<{ areas: CoverageRow[] }>(
      `/api/coverage?wave=${latest}&level=local&metric=need_met_pct&commissionPct=30`,
    );
    const expected = changed.areas.find((a) => a.code === single.code)!;
    const panel = s.page.locator('[data-testid="area-panel"]');
    await panel.locator('[data-testid="need-figures"]').waitFor();
    expect(await panel.locator('[data-testid="places-needed"]').textContent()).toBe(
      count(expected.need!.placesNeeded),
    );
    expect(await panel.locator('[data-testid="need-to-close"]').textContent()).toContain(
      `${count(expected.need!.toClose.courses)} more course`,
    );
    // The filters say the assumptions are not the defaults, and the form opens on them.
    expect(await s.page.locator(".need-control").textContent()).toContain("1 assumption changed");
    await s.page.getByRole("button", { name: "Change need assumptions" }).click();
    const share = s.page.getByLabel("Share of them to commission MBCT for each year");
    expect(await share.inputValue()).toBe("30");
    await s.page.getByRole("button", { name: "Reset to defaults" }).click();
    await s.page.waitForFunction(() => !new URLSearchParams(location.search).has("commissionPct"));
  }, 60_000);
});
