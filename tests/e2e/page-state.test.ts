import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe";
import { type AtlasSession, startSession, waitForMap } from "./support/session";

/** The small things: the title names the view, unused filters say so, continuous moves make one history step. */
describe("page title, filter scope and history", () => {
  let s: AtlasSession;
  let waves: string[];
  beforeAll(async () => {
    s = await startSession();
    waves = (await s.api<{ waves: Array<{ id: string }> }>("/api/waves")).waves.map((w) => w.id).sort();
  });
  afterAll(async () => {
    await s?.close();
  });

  const titleContains = (words: string) =>
    s.page.waitForFunction((w) => document.title.includes(w), words, { timeout: 10_000 });

  it("names the view, and the area, metric and wave on screen, in the page title", async () => {
    await s.open("/?tab=gaps&level=local");
    await titleContains(`Gaps in provision, ${waves.at(-1)}: local areas · Gaps · MBCT Access Atlas`);
    const first = s.page.locator('[data-testid="gap-list"] .gap-name').first();
    const name = (await first.textContent())!.replace(/ Integrated Care Board$/, " ICB");
    await first.click();
    await titleContains(`${name} · Gaps in provision`);
    await s.open("/?tab=table&metric=routine_pct");
    await s.page.locator('[data-testid="coverage-table"]').waitFor();
    await titleContains("· Table · MBCT Access Atlas");
    expect(await s.page.title()).toMatch(/^[^·]*routine[^·]*, \d{4}: regions · Table/i);
    await s.open("/?view=brief&area=W11000029");
    await titleContains("Area brief: Cardiff and Vale University Health Board");
  }, 60_000);

  it("disables, with the reason, the filters a view does not use, and says what they mean where they apply to part", async () => {
    await s.open("/?tab=change");
    await s.page.locator('[data-testid="factors-barrier"] svg').waitFor();
    expect(
      await s.page.locator("fieldset.level-switch").evaluate((f) => (f as HTMLFieldSetElement).disabled),
    ).toBe(true);
    expect(await s.page.locator("#level-scope").textContent()).toMatch(/^Not used by Stages and factors/);
    expect(await s.page.getByLabel("Metric").isDisabled()).toBe(true);
    expect(await s.page.locator("#metric-scope").textContent()).toMatch(/^Not used by Stages and factors/);
    expect(await seriousViolations(s.page)).toEqual([]);

    await s.page.getByRole("tab", { name: "Chart" }).click();
    await s.page.locator('[data-testid="national-trend"] svg').waitFor();
    expect(await s.page.getByRole("radio", { name: "Regions" }).isDisabled()).toBe(false);
    expect(await s.page.locator("#level-scope").textContent()).toContain("For the ranking");

    await s.page.getByRole("tab", { name: "Map" }).click();
    await waitForMap(s.page, `${waves.at(-1)}|region|offering_pct`);
    expect(await s.page.locator("#level-scope").count()).toBe(0);
    expect(await s.page.getByLabel("Metric").isDisabled()).toBe(false);
  }, 60_000);

  it("makes one history entry of a run of arrow-key steps on the wave slider", async () => {
    await s.open("/");
    await waitForMap(s.page, `${waves.at(-1)}|region|offering_pct`);
    const before = await s.page.evaluate(() => history.length);
    await s.page.locator("#wave").focus();
    for (let i = 0; i < 3; i++) await s.page.keyboard.press("ArrowLeft");
    const target = waves.at(-4)!;
    await s.page.waitForFunction((w) => new URLSearchParams(location.search).get("wave") === w, target);
    await waitForMap(s.page, `${target}|region|offering_pct`);
    expect(await s.page.evaluate(() => history.length)).toBe(before + 1);
    await s.page.goBack();
    await s.page.waitForFunction(() => !new URLSearchParams(location.search).has("wave"));
    await waitForMap(s.page, `${waves.at(-1)}|region|offering_pct`);
  }, 60_000);

  it("made no console errors and no request off the machine", () => {
    expect(s.watch.pageErrors).toEqual([]);
    expect(s.watch.consoleErrors).toEqual([]);
    expect(s.watch.externalRequests).toEqual([]);
  });
});
