import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AtlasServer, startAtlas } from "./support/atlas";
import { seriousViolations } from "./support/axe";
import { launchBrowser, watchedPage } from "./support/browser";
import { sidewaysOverflow } from "./support/layout";
import { layoutShifts, recordLayoutShifts } from "./support/layout-shift";
import { type AtlasSession, startSession } from "./support/session";

interface RegisterOrganisation {
  code: string;
  name: string;
  closedOn: string | null;
  successorCode: string | null;
  successorName: string | null;
}
interface Register {
  wave: string | null;
  organisations: RegisterOrganisation[];
}

const today = () => new Date().toISOString().slice(0, 10);
const isClosed = (o: RegisterOrganisation) => o.closedOn !== null && o.closedOn < today();

/** The codes of the rows the directory lists, in order. */
const listedCodes = (page: Page) =>
  page
    .locator('[data-testid="directory-table"] tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-code") ?? ""));

/** Waits until the count line says `text` (the table follows the URL at once, the count with it). */
const countSays = (page: Page, text: string) =>
  page.locator('[data-testid="directory-count"]', { hasText: text }).waitFor({ timeout: 15_000 });

/**
 * A survey team member looks up organisations: the directory from the site header, search, filters kept
 * in the URL, successor and journey links, the list as CSV; accessible and usable on a phone and with the
 * keyboard alone; and, on a new deployment without waves, the register is still there.
 */
describe("the organisation directory", () => {
  let s: AtlasSession;
  let register: Register;
  beforeAll(async () => {
    s = await startSession();
    register = await s.api<Register>("/api/organisations");
  });
  afterAll(async () => {
    await s?.close();
  });

  const total = () => register.organisations.length;
  const search = () => s.page.getByLabel("Search by name or code");

  it("opens from the site header, marked as the current page, with every organisation of the register", async () => {
    await s.open("/");
    const nav = s.page.getByRole("navigation", { name: "Site" });
    await nav.getByRole("link", { name: "Organisations" }).click();
    await s.page.getByRole("heading", { level: 1, name: "Organisation directory" }).waitFor();
    expect(new URL(s.page.url()).searchParams.get("view")).toBe("directory");
    await countSays(s.page, `Showing all ${total()} organisations`);
    expect(await listedCodes(s.page)).toEqual(register.organisations.map((o) => o.code));
    // With waves published, the last column is the latest wave's answers.
    const latest = await s.latestWave();
    const headers = await s.page.locator('[data-testid="directory-table"] thead th').allTextContents();
    expect(headers.at(-1)).toBe(`Survey ${latest}`);
    expect(await nav.getByRole("link", { name: "Organisations" }).getAttribute("aria-current")).toBe("page");
    expect(await nav.getByRole("link", { name: "Dashboard" }).getAttribute("aria-current")).toBeNull();
    // One h1 per page: the site title steps down while the directory has its own.
    expect(await s.page.locator("h1").count()).toBe(1);
    expect(await s.page.title()).toBe("Organisation directory · MBCT Access Atlas");
    // The register is reference data with its source and licence named; the demo answers say they are synthetic.
    const source = s.page.getByTestId("directory-source");
    expect(await source.textContent()).toContain("NHS England Organisation Data Service");
    expect(await source.getByRole("link", { name: "Open Government Licence v3.0" }).count()).toBe(1);
    expect(await source.textContent()).toContain("synthetic demonstration data");
    expect(await s.page.getByTestId("synthetic-banner").isVisible()).toBe(true);
  }, 60_000);

  it("finds the organisations matching “leeds”, as the API's register has them, and the URL keeps the search", async () => {
    const leeds = register.organisations.filter((o) => o.name.toLowerCase().includes("leeds"));
    expect(leeds.length).toBeGreaterThan(0);
    await search().fill("leeds");
    await countSays(s.page, `Showing ${leeds.length} of ${total()} organisations`);
    expect(await listedCodes(s.page)).toEqual(leeds.map((o) => o.code));
    // The count is read out from a live region once typing pauses.
    await s.page
      .getByRole("status")
      .filter({ hasText: `Showing ${leeds.length} of ${total()} organisations` })
      .waitFor({ state: "attached" });
    expect(new URL(s.page.url()).searchParams.get("q")).toBe("leeds");
    expect(await s.page.title()).toBe(
      "Organisations matching “leeds” · Organisation directory · MBCT Access Atlas",
    );
    // "NHS" and "Trust" are left out of a search: the same organisations.
    await search().fill("Leeds NHS Trust");
    await countSays(s.page, `Showing ${leeds.length} of ${total()} organisations`);
    await search().fill("leeds");
    await s.page.reload();
    await countSays(s.page, `Showing ${leeds.length} of ${total()} organisations`);
    expect(await search().inputValue()).toBe("leeds");
    expect(await listedCodes(s.page)).toEqual(leeds.map((o) => o.code));
  }, 60_000);

  it("downloads the listed organisations as CSV, header first, formula-safe, with provenance", async () => {
    const leeds = await listedCodes(s.page);
    const [download] = await Promise.all([
      s.page.waitForEvent("download"),
      s.page.getByRole("button", { name: "Download CSV of these organisations" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^mbct-atlas_directory_leeds_\d{4}(-\d{2})?_synthetic\.csv$/,
    );
    const text = readFileSync((await download.path())!, "utf8");
    expect(text.startsWith("code,name,type,")).toBe(true);
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.code)).toEqual(leeds);
    for (const row of rows) {
      expect(row.synthetic).toBe("true");
      expect(row.licence).toContain("Open Government Licence");
      expect(row.query).toBe("view=directory&q=leeds");
      for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@]/);
    }
  }, 60_000);

  it("filters the closed organisations and follows a successor link to the successor's entry", async () => {
    const closed = register.organisations.filter(isClosed);
    const merged = closed.find((o) => o.successorCode !== null);
    expect(merged).toBeDefined();
    await s.page.getByRole("button", { name: "Clear search and filters" }).click();
    await s.page.getByRole("radio", { name: "Closed" }).check();
    await countSays(s.page, `Showing ${closed.length} of ${total()} organisations`);
    expect(await listedCodes(s.page)).toEqual(closed.map((o) => o.code));
    expect(new URL(s.page.url()).searchParams.get("status")).toBe("closed");
    const row = s.page.locator(`[data-testid="directory-table"] tr[data-code="${merged!.code}"]`);
    await row.getByRole("link", { name: merged!.successorName! }).click();
    await countSays(s.page, `Showing 1 of ${total()} organisations`);
    expect(await listedCodes(s.page)).toEqual([merged!.successorCode]);
    const url = new URL(s.page.url());
    expect(url.searchParams.get("q")).toBe(merged!.successorCode);
    expect(url.searchParams.get("status")).toBeNull();
    // The focus is on the successor's entry, so a keyboard or screen-reader user is where the link led.
    expect(await s.page.evaluate(() => document.activeElement?.id)).toBe(`org-${merged!.successorCode}`);
    // Back returns to the closed organisations.
    await s.page.goBack();
    await countSays(s.page, `Showing ${closed.length} of ${total()} organisations`);
  }, 60_000);

  it("follows a journey link into the dashboard's Organisation tab for that code", async () => {
    const first = register.organisations.find((o) => isClosed(o))!;
    const detail = await s.api<{ organisation: { name: string } }>(`/api/organisations/${first.code}`);
    const row = s.page.locator(`[data-testid="directory-table"] tr[data-code="${first.code}"]`);
    await row.getByRole("link", { name: first.name, exact: true }).click();
    await s.page.getByRole("heading", { level: 2, name: detail.organisation.name }).waitFor();
    const url = new URL(s.page.url());
    expect(url.searchParams.get("tab")).toBe("organisation");
    expect(url.searchParams.get("org")).toBe(first.code);
    // The directory's filters stay behind with it.
    expect(url.searchParams.get("view")).toBeNull();
    expect(url.searchParams.get("status")).toBeNull();
    const nav = s.page.getByRole("navigation", { name: "Site" });
    expect(await nav.getByRole("link", { name: "Dashboard" }).getAttribute("aria-current")).toBe("page");
    expect(await nav.getByRole("link", { name: "Organisations" }).getAttribute("aria-current")).toBeNull();
    expect(await s.page.locator("h1.site-title").count()).toBe(1);
  }, 60_000);

  it("follows an area link to the map at that area", async () => {
    await s.open("/?view=directory&q=lothian");
    const lothian = register.organisations.filter((o) => o.name.toLowerCase().includes("lothian"));
    await countSays(s.page, `Showing ${lothian.length} of ${total()} organisations`);
    const detail = await s.api<{ area: { code: string; name: string } }>(
      `/api/organisations/${lothian[0]!.code}`,
    );
    await s.page.locator('[data-testid="directory-table"] tbody tr').first().getByRole("link").nth(1).click();
    await s.page.locator(".area-panel").waitFor();
    const url = new URL(s.page.url());
    expect(url.searchParams.get("area")).toBe(detail.area.code);
    expect(url.searchParams.get("level")).toBe("local");
  }, 60_000);

  it("can be used with the keyboard alone: search, filter, and open a journey", async () => {
    await s.open("/?view=directory");
    await countSays(s.page, `Showing all ${total()} organisations`);
    // From the top of the page, Tab reaches the search box.
    let focused = "";
    for (let i = 0; i < 12 && focused !== "directory-search"; i++) {
      await s.page.keyboard.press("Tab");
      focused = await s.page.evaluate(() => document.activeElement?.id ?? "");
    }
    expect(focused).toBe("directory-search");
    await s.page.keyboard.type("lothian");
    const lothian = register.organisations.filter((o) => o.name.toLowerCase().includes("lothian"));
    await countSays(s.page, `Showing ${lothian.length} of ${total()} organisations`);
    // Tab to the open/closed radios; the arrow keys choose within them.
    await s.page.keyboard.press("Tab");
    expect(await s.page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe("all");
    await s.page.keyboard.press("ArrowRight");
    await s.page.waitForURL(/status=open/);
    // On through the region, clear, download and into the first row's name: Enter opens the journey.
    let name = "";
    for (let i = 0; i < 8 && name !== lothian[0]!.name; i++) {
      await s.page.keyboard.press("Tab");
      name = await s.page.evaluate(() => document.activeElement?.textContent ?? "");
    }
    expect(name).toBe(lothian[0]!.name);
    await s.page.keyboard.press("Enter");
    await s.page.waitForURL(new RegExp(`tab=organisation&org=${lothian[0]!.code}`));
  }, 60_000);

  for (const screen of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    it(`has no serious axe violation, no sideways scroll and no layout shift at ${screen.width}×${screen.height}`, async () => {
      const { page, watch } = await watchedPage(s.browser, screen);
      try {
        await recordLayoutShifts(page);
        for (const path of [
          "/?view=directory",
          "/?view=directory&q=leeds&status=open",
          "/?view=directory&q=zzzz",
        ]) {
          await page.goto(`${s.server.url}${path}`);
          await page
            .getByTestId("directory-count")
            .filter({ hasText: /^Showing/ })
            .waitFor();
          await page.waitForTimeout(500);
          expect(await seriousViolations(page), path).toEqual([]);
          const overflow = await sidewaysOverflow(page);
          expect(overflow.scrollWidth, `${path}: ${overflow.culprits.join(", ")}`).toBeLessThanOrEqual(
            overflow.clientWidth,
          );
          const { cls, shifts } = await layoutShifts(page);
          expect(cls, `${path}: ${JSON.stringify(shifts)}`).toBeLessThan(0.05);
        }
        expect(watch.pageErrors).toEqual([]);
        expect(watch.consoleErrors).toEqual([]);
        expect(watch.externalRequests).toEqual([]);
      } finally {
        await page.context().close();
      }
    }, 90_000);
  }
});

describe("the organisation directory on a new deployment with no survey waves", () => {
  let server: AtlasServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startAtlas({ ATLAS_DEMO: "0" }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  it("still lists every organisation of the register, and says no wave is published yet", async () => {
    const waves = (await (await fetch(`${server.url}/api/waves`)).json()) as { waves: unknown[] };
    expect(waves.waves).toEqual([]);
    const register = (await (await fetch(`${server.url}/api/organisations`)).json()) as Register;
    expect(register.organisations.length).toBeGreaterThan(0);
    const { page, watch } = await watchedPage(browser, { width: 390, height: 844 });
    try {
      await page.goto(`${server.url}/?view=directory`);
      await countSays(page, `Showing all ${register.organisations.length} organisations`);
      expect(await listedCodes(page)).toEqual(register.organisations.map((o) => o.code));
      expect(await page.getByTestId("directory-no-waves").textContent()).toContain(
        "No survey waves are published yet",
      );
      // No wave, so no survey column and nothing synthetic.
      const headers = await page.locator('[data-testid="directory-table"] thead th').allTextContents();
      expect(headers.some((h) => h.startsWith("Survey"))).toBe(false);
      expect(await page.getByTestId("synthetic-banner").count()).toBe(0);
      await page.getByLabel("Search by name or code").fill("leeds");
      const leeds = register.organisations.filter((o) => o.name.toLowerCase().includes("leeds"));
      await countSays(page, `Showing ${leeds.length} of ${register.organisations.length} organisations`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(watch.pageErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 90_000);
});
