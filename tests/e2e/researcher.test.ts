import { readFileSync } from "node:fs";
import { type AreaValue, funnelPlan, type Metric } from "@atlas/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe";
import { type AtlasSession, startSession } from "./support/session";

interface Area {
  code: string;
  name: string;
}

/**
 * Journey 2: a researcher picks two to six regions and compares them: trends with interval bands, a dot
 * plot of the latest wave against the comparator, and a funnel plot of every region where the funnel plan says the bases can carry one.
 */
describe("researcher journey", () => {
  let s: AtlasSession;
  let regions: Area[];
  beforeAll(async () => {
    s = await startSession();
    regions = (await s.api<{ areas: Area[] }>("/api/areas?level=region")).areas.sort((a, b) =>
      a.name.localeCompare(b.name),
    );
  });
  afterAll(async () => {
    await s?.close();
  });

  const chooser = () => s.page.locator(".area-chooser");

  it("asks for at least two areas, then draws trends, a dot plot and a funnel plot", async () => {
    await s.open("/?tab=compare");
    await s.page.locator(".prompt", { hasText: "Pick at least two areas" }).waitFor();
    for (const region of regions.slice(0, 2))
      await chooser().getByLabel(region.name, { exact: true }).check();
    await s.page.locator('[data-testid="compare-trends"] svg').waitFor();
    // Two areas share one set of axes: a line and an interval band each, the UK dashed behind.
    const trends = s.page.locator('[data-testid="compare-trends"] svg');
    expect(await trends.locator(".band").count()).toBe(2);
    expect(await trends.locator(".line").count()).toBe(2);
    expect(await trends.locator(".reference").count()).toBe(1);
    await s.page.locator('[data-testid="compare-dots"] svg').waitFor();
    expect(await s.page.locator('[data-testid="compare-dots"] svg .row').count()).toBe(2);
    expect(await s.page.locator('[data-testid="compare-dots"] svg .comparator').count()).toBe(1);
    const funnel = s.page.locator('[data-testid="compare-funnel"] svg');
    await funnel.waitFor();
    expect(await funnel.locator(".limit-95").count()).toBe(2);
    expect(await funnel.locator(".limit-998").count()).toBe(2);
    const url = new URL(s.page.url());
    expect(url.searchParams.get("compare")).toBe(
      regions
        .slice(0, 2)
        .map((r) => r.code)
        .join(","),
    );
  }, 60_000);

  it("accounts for every region on the funnel: placed by the funnel plan, or counted as not placed", async () => {
    const latest = await s.latestWave();
    const metric = (await s.api<{ metrics: Metric[] }>("/api/metrics")).metrics.find(
      (m) => m.id === "offering_pct",
    )!;
    const data = await s.api<{ areas: AreaValue[] }>(
      `/api/coverage?wave=${latest}&level=region&metric=offering_pct`,
    );
    const plan = funnelPlan(metric, data.areas);
    expect(plan.drawn).toBe(true);
    const funnel = s.page.locator('[data-testid="compare-funnel"] svg');
    const codes = (
      await funnel
        .locator(".point")
        .evaluateAll((els) => els.map((el) => el.getAttribute("data-codes") ?? ""))
    ).flatMap((c) => c.split(","));
    expect(codes.sort()).toEqual(plan.points.map((a) => a.code).sort());
    expect(await funnel.locator(".x-axis-label").textContent()).toBe(
      `${plan.denominatorLabel} (denominator)`,
    );
    const notPlaced = data.areas.length - plan.points.length;
    const note = (await funnel.locator(".not-plotted").textContent()) ?? "";
    // "Not plotted: 2 too few to place (under 5 organisations), 1 no data (…)": the count opening each item.
    const counted = [...note.matchAll(/(?:: |, )(\d+) [a-z]/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(counted).toBe(notPlaced);
  }, 60_000);

  it("switches to small multiples for more areas, and stops at six", async () => {
    for (const region of regions.slice(2, 6))
      await chooser().getByLabel(region.name, { exact: true }).check();
    const trends = s.page.locator('[data-testid="compare-trends"] svg');
    await s.page.waitForFunction(
      () => document.querySelectorAll('[data-testid="compare-trends"] svg .panel').length === 6,
    );
    expect(await trends.locator(".band").count()).toBe(6);
    expect(await s.page.locator('[data-testid="compare-dots"] svg .row').count()).toBe(6);
    const seventh = chooser().getByLabel(regions[6]!.name, { exact: true });
    expect(await seventh.isDisabled()).toBe(true);
    expect(await seriousViolations(s.page)).toEqual([]);
  }, 60_000);

  it("reproduces the comparison from its link", async () => {
    const link = s.page.url();
    await s.page.goto("about:blank");
    await s.page.goto(link);
    await s.page.waitForFunction(
      () => document.querySelectorAll('[data-testid="compare-trends"] svg .panel').length === 6,
    );
    expect(await chooser().locator("input:checked").count()).toBe(6);
  }, 60_000);

  it("gives each chart a table and downloads it as SVG and PNG with source, licence and notice", async () => {
    const figure = s.page.locator('[data-testid="compare-dots"]');
    await figure.locator("summary", { hasText: "Show the data as a table" }).click();
    expect(await figure.locator("table tbody tr").count()).toBe(6);
    const [svgDownload] = await Promise.all([
      s.page.waitForEvent("download"),
      figure.getByRole("button", { name: /as SVG$/ }).click(),
    ]);
    expect(svgDownload.suggestedFilename()).toMatch(/^mbct-atlas-compare-dots-.*-SYNTHETIC\.svg$/);
    const svg = readFileSync((await svgDownload.path())!, "utf8");
    for (const words of [
      "SYNTHETIC DEMONSTRATION DATA",
      "Filters: metric offering_pct",
      "Licence: Open Government Licence",
      "Source: ",
    ])
      expect(svg).toContain(words);
    const [pngDownload] = await Promise.all([
      s.page.waitForEvent("download"),
      figure.getByRole("button", { name: /as PNG$/ }).click(),
    ]);
    const png = readFileSync((await pngDownload.path())!);
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(png.length).toBeGreaterThan(5_000);
  }, 60_000);

  it("shows the same selection as a ranked chart and a table, each checked by axe", async () => {
    await s.page.getByRole("tab", { name: "Chart" }).click();
    await s.page.locator('[data-testid="national-trend"] svg').waitFor();
    await s.page.locator('[data-testid="ranked-dot-plot"] svg').waitFor();
    expect(await s.page.locator('[data-testid="ranked-dot-plot"] svg .row').count()).toBe(regions.length);
    expect(await seriousViolations(s.page)).toEqual([]);
    await s.page.getByRole("tab", { name: "Table" }).click();
    await s.page.locator('[data-testid="coverage-table"]').waitFor();
    expect(await s.page.locator('[data-testid="coverage-table"] tbody tr').count()).toBe(regions.length);
    expect(await seriousViolations(s.page)).toEqual([]);
  }, 60_000);

  it("reads 'too few to compare' wherever a local value rests on fewer than 5 organisations", async () => {
    const latest = await s.latestWave();
    const local = await s.api<{ areas: Array<{ code: string; comparisonReason: string | null }> }>(
      `/api/coverage?wave=${latest}&level=local&metric=offering_pct`,
    );
    const tooFew = local.areas.filter((a) => a.comparisonReason === "too_few").map((a) => a.code);
    expect(tooFew.length).toBeGreaterThan(0);
    await s.open("/?tab=chart&level=local&metric=offering_pct");
    const rows = s.page.locator('[data-testid="ranked-dot-plot"] svg .row');
    await rows.first().waitFor();
    const shown = await rows.evaluateAll((all) =>
      all.map((r) => ({
        code: r.getAttribute("data-code")!,
        tooFew: /too few to compare/.test(r.querySelector("title")?.textContent ?? ""),
      })),
    );
    expect(shown.filter((r) => r.tooFew).length).toBeGreaterThan(0);
    for (const row of shown) expect(row.tooFew, row.code).toBe(tooFew.includes(row.code));
    expect(await seriousViolations(s.page)).toEqual([]);
  }, 60_000);

  it("made no console errors and no request off the machine", () => {
    expect(s.watch.pageErrors).toEqual([]);
    expect(s.watch.consoleErrors).toEqual([]);
    expect(s.watch.externalRequests).toEqual([]);
  });
});
