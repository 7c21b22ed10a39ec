import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AtlasServer, startAtlas } from "./support/atlas";
import { seriousViolations } from "./support/axe";
import { isLocalUrl, launchBrowser } from "./support/browser";

const ADMIN = "e2e-survey-team-admin-token-0123456789";
const PHONE = { width: 390, height: 844 };
const WAVE = "2027";

interface Invited {
  code: string;
  name: string;
}

/**
 * The survey team runs a new wave from their page: unlock with the admin token, dry-run and import the
 * first returns as a draft, make respondent links and follow their states, preview the draft in the
 * dashboard, revoke a link, download the list to chase and publish. Against the real server (demo data,
 * fresh SQLite), on a phone-sized window, with the token never in an address or localStorage.
 */
describe("the survey team's page", () => {
  let server: AtlasServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dir: string;
  let file: string;
  let shrinkFile: string;
  let badFile: string;
  let invited: Invited[];
  const urls: string[] = [];
  const external: string[] = [];
  const errors: string[] = [];

  const api = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${server.url}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${ADMIN}`, ...(init.headers ?? {}) },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const waveStatus = async () =>
    ((await api("/api/waves/status")).body.waves as { id: string; state: string; returns: number }[]).find(
      (w) => w.id === WAVE,
    );
  const row = (code: string): Locator => page.locator(`tr[data-org="${code}"]`);
  const linkState = (code: string) => row(code).getByTestId("link-state");
  const noSidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth);
  const status = () => page.getByTestId("team-status");
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? "");

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAtlas({ ATLAS_ADMIN_TOKEN: ADMIN }), launchBrowser()]);
    // The organisations invited to the next wave (per the register), as the team's template lists them.
    const tracker = await api(`/api/waves/${WAVE}/tracker`);
    invited = (tracker.body.organisations as Invited[]).slice(0, 3);
    dir = mkdtempSync(join(tmpdir(), "atlas-team-"));
    file = join(dir, `returns-${WAVE}.csv`);
    writeFileSync(
      file,
      [
        "wave,org_code,provision,courses_run,places_offered",
        `${WAVE},${invited[0]!.code},routine,3,36`,
        `${WAVE},${invited[1]!.code},none,0,0`,
        "",
      ].join("\n"),
    );
    // A replace holding one of the two returns (removes half the wave), and a file with mistakes.
    shrinkFile = join(dir, `replace-${WAVE}.csv`);
    writeFileSync(shrinkFile, `wave,org_code,provision\n${WAVE},${invited[0]!.code},routine\n`);
    badFile = join(dir, `mistakes-${WAVE}.csv`);
    writeFileSync(
      badFile,
      `wave,org_code,provision\n${WAVE},${invited[0]!.code},sometimes\n${WAVE},ZZZ99,none\n`,
    );
    context = await browser.newContext({ viewport: PHONE, acceptDownloads: true });
    page = await context.newPage();
    page.on("request", (r) => {
      urls.push(r.url());
      if (!isLocalUrl(r.url())) external.push(r.url());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("is reached from the site header, locked, and says so when the token is wrong", async () => {
    await page.goto(server.url);
    await page.getByRole("link", { name: "Survey team" }).click();
    await page.getByRole("heading", { level: 1, name: "Survey team" }).waitFor();
    expect(new URL(page.url()).search).toBe("?view=survey-team");
    expect(await page.title()).toBe("Survey team · MBCT Access Atlas");
    expect(await page.locator("h1").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await noSidewaysScroll()).toBeLessThanOrEqual(PHONE.width);

    const field = page.getByLabel("Admin token");
    expect(await field.getAttribute("type")).toBe("password");
    await field.fill("not-the-admin-token-at-all");
    await page.getByRole("button", { name: "Unlock" }).click();
    await page.getByRole("alert").getByText("That is not the admin token").waitFor();
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("password");
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  }, 60_000);

  it("unlocks with the keyboard and lists the waves with their states", async () => {
    await page.getByLabel("Admin token").fill("");
    await page.getByLabel("Admin token").focus();
    await page.keyboard.type(ADMIN);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "Waves" }).waitFor();
    expect(await focusedText()).toBe("Waves");
    const card = page.locator(".wave-card").filter({ hasText: "Wave 2026" });
    expect(await card.locator(".state-badge").textContent()).toBe("Published");
    expect(await card.textContent()).toMatch(/\d+ returned of \d+ invited/);
    expect(await card.getByRole("link", { name: "Template CSV, wave 2026" }).getAttribute("href")).toBe(
      "/api/imports/template.csv?wave=2026",
    );
    expect(await seriousViolations(page)).toEqual([]);
    expect(await noSidewaysScroll()).toBeLessThanOrEqual(PHONE.width);
  }, 60_000);

  it("dry-runs an add file for a new draft wave and shows the diff, storing nothing; then imports it", async () => {
    await page.getByLabel("Survey file (CSV or XLSX)").setInputFiles(file);
    expect(
      await page.getByLabel("Add or update these organisations' returns, keep the others").isChecked(),
    ).toBe(true);
    expect(await page.getByLabel("A new wave is a draft (not public until published)").isChecked()).toBe(
      true,
    );
    await page.getByRole("button", { name: "Check the file (dry run)" }).click();
    const result = page.getByTestId("import-result");
    await result.getByRole("heading", { name: "Dry run: nothing stored yet" }).waitFor();
    expect(await focusedText()).toBe("Dry run: nothing stored yet");
    const diff = (await page.getByTestId(`diff-${WAVE}`).textContent()) ?? "";
    expect(diff).toContain(`Wave ${WAVE}: a new wave, draft (0 → 2 returns)`);
    // In code order, each named.
    const added = [invited[0]!, invited[1]!].sort((a, b) => (a.code < b.code ? -1 : 1));
    expect(diff).toContain(`2 added: ${added.map((o) => `${o.code} (${o.name})`).join(", ")}`);
    expect(await status().textContent()).toMatch(/^Dry run: nothing was stored/);
    // Nothing stored: the wave does not exist yet, and its tracker has no return.
    expect(await waveStatus()).toBeUndefined();
    expect((await api(`/api/waves/${WAVE}/tracker`)).body.returned).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await result.getByRole("button", { name: `Import returns-${WAVE}.csv` }).click();
    await result.getByRole("heading", { name: "Imported" }).waitFor();
    expect(await status().textContent()).toBe("Imported: 2 returns added, 0 changed, 0 removed.");
    expect(await waveStatus()).toMatchObject({ state: "draft", returns: 2 });
    // Still private: the public list does not have it.
    const publicWaves = (await (await fetch(`${server.url}/api/waves`)).json()) as {
      waves: { id: string }[];
    };
    expect(publicWaves.waves.map((w) => w.id)).not.toContain(WAVE);
    const card = page.locator(".wave-card").filter({ hasText: `Wave ${WAVE}` });
    await card.locator(".state-badge").getByText("Draft").waitFor();
    expect(await card.textContent()).toContain("2 returned of");
  }, 60_000);

  it("refuses a file with mistakes, naming rows and columns, and asks before a replace that shrinks a wave", async () => {
    const upload = page.getByLabel("Survey file (CSV or XLSX)");
    const result = page.getByTestId("import-result");
    await upload.setInputFiles(badFile);
    await page.getByRole("button", { name: "Check the file (dry run)" }).click();
    await result.getByRole("heading", { name: "Refused: nothing stored" }).waitFor();
    const problems = await result.locator(".problem-list li").allTextContents();
    expect(
      problems.some((p) =>
        /^mistakes-2027\.csv, row 2, provision: "sometimes" is not an allowed provision/.test(p),
      ),
    ).toBe(true);
    expect(problems.some((p) => /row 3, org_code: unknown organisation code "ZZZ99"/.test(p))).toBe(true);
    expect(await result.getByRole("button", { name: /^Import/ }).count()).toBe(0);

    await upload.setInputFiles(shrinkFile);
    await page.getByLabel("Replace the wave: its returns become exactly the file's").check();
    await page.getByRole("button", { name: "Check the file (dry run)" }).click();
    await result.getByRole("heading", { name: "Needs your confirmation: nothing stored yet" }).waitFor();
    expect(await page.getByTestId(`diff-${WAVE}`).textContent()).toContain(`1 removed: ${invited[1]!.code}`);
    const importButton = result.getByRole("button", { name: `Import replace-${WAVE}.csv` });
    expect(await importButton.isDisabled()).toBe(true);
    await result.getByLabel(/^I confirm: remove these returns/).check();
    expect(await importButton.isDisabled()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    // Not imported: the wave keeps both returns. Back to adding, which asks for a new dry run.
    await page.getByLabel("Add or update these organisations' returns, keep the others").check();
    expect(await page.getByTestId("import-result").count()).toBe(0);
    expect(await waveStatus()).toMatchObject({ returns: 2 });
  }, 60_000);

  it("tracks the wave, makes links for two organisations and shows them once", async () => {
    const card = page.locator(".wave-card").filter({ hasText: `Wave ${WAVE}` });
    await card.getByRole("button", { name: `Track returns and links, wave ${WAVE}` }).click();
    await page.getByRole("heading", { level: 2, name: `Returns and links, wave ${WAVE}` }).waitFor();
    expect(new URL(page.url()).searchParams.get("wave")).toBe(WAVE);
    const counts = page.getByTestId("tracker-counts");
    await counts.getByText("Draft.").waitFor();
    expect(await counts.textContent()).toMatch(/\d+ invited, 2 returned, 0 no response, \d+ missing/);
    expect(await row(invited[0]!.code).textContent()).toContain("Returned");
    expect(await row(invited[2]!.code).textContent()).toContain("Missing");
    expect(await linkState(invited[0]!.code).textContent()).toBe("No link");

    // Filter to the missing: the returned ones leave the table.
    await page.getByLabel("Return", { exact: true }).selectOption("missing");
    expect(await row(invited[0]!.code).count()).toBe(0);
    expect(await row(invited[2]!.code).count()).toBe(1);
    await page.getByLabel("Return", { exact: true }).selectOption("all");

    await page.getByLabel(`Choose ${invited[0]!.name}`).check();
    await page.getByLabel(`Choose ${invited[2]!.name}`).check();
    await page.getByRole("button", { name: "Make links for the 2 chosen" }).click();
    const panel = page.getByTestId("new-links");
    await panel.getByRole("heading", { name: "2 new links: copy them now" }).waitFor();
    expect(await focusedText()).toBe("2 new links: copy them now");
    expect(await panel.textContent()).toContain("Copy now: they will not be shown again.");
    const shown = await panel.getByTestId("new-link-url").allTextContents();
    expect(shown).toHaveLength(2);
    for (const url of shown)
      expect(url).toMatch(new RegExp(`/respond/${WAVE}/[A-Z0-9]+#t=[A-Za-z0-9_-]{40,}$`));

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("button", { name: "Download these links (CSV)" }).click(),
    ]);
    const rows = parse(readFileSync((await download.path())!, "utf8"), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => r.link).sort()).toEqual([...shown].sort());
    expect(rows.map((r) => r.org_code).sort()).toEqual([invited[0]!.code, invited[2]!.code].sort());

    await panel.getByRole("button", { name: "I have copied them: hide the links" }).click();
    expect(await page.getByTestId("new-links").count()).toBe(0);
    expect(await page.getByTestId("new-link-url").count()).toBe(0);
    expect(await focusedText()).toBe(`Returns and links, wave ${WAVE}`);
    await expect.poll(() => linkState(invited[0]!.code).textContent()).toBe("Sent");
    expect(await linkState(invited[2]!.code).textContent()).toBe("Sent");
    expect(await linkState(invited[1]!.code).textContent()).toBe("No link");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await noSidewaysScroll()).toBeLessThanOrEqual(PHONE.width);

    // A respondent opens one link (the respondent API, as the form does): "opened" after a refresh.
    const opened = shown.find((u) => u.includes(`/${invited[0]!.code}#`))!;
    const respond = await fetch(`${server.url}/api/respond/${WAVE}/${invited[0]!.code}`, {
      headers: { Authorization: `Bearer ${opened.split("#t=")[1]}` },
    });
    expect(respond.status).toBe(200);
    await page.reload();
    await page.getByRole("heading", { level: 2, name: `Returns and links, wave ${WAVE}` }).waitFor();
    await expect.poll(() => linkState(invited[0]!.code).textContent()).toMatch(/^Opened \d/);
  }, 90_000);

  it("revokes a link after a confirmation that says what it does", async () => {
    const target = invited[2]!;
    await row(target.code)
      .getByRole("button", { name: `Revoke the link of ${target.name}…` })
      .click();
    const confirm = page.locator(".confirm-panel");
    await confirm.getByRole("heading", { name: `Revoke the link of ${target.name}?` }).waitFor();
    expect(await focusedText()).toBe(`Revoke the link of ${target.name}?`);
    expect(await confirm.textContent()).toContain("The link stops working at once.");
    await confirm.getByRole("button", { name: "Revoke the link" }).click();
    await expect.poll(() => linkState(target.code).textContent()).toMatch(/^Revoked \d/);
    expect(await linkState(invited[0]!.code).textContent()).toMatch(/^Opened/);
    expect(await status().textContent()).toMatch(/revoked/i);
  }, 60_000);

  it("downloads the organisations still to chase as CSV", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the list to chase (CSV)" }).click(),
    ]);
    const rows = parse(readFileSync((await download.path())!, "utf8"), { columns: true }) as Record<
      string,
      string
    >[];
    const codes = rows.map((r) => r.org_code);
    const tracker = await api(`/api/waves/${WAVE}/tracker`);
    expect(rows).toHaveLength(tracker.body.missing as number);
    expect(codes).toContain(invited[2]!.code);
    expect(codes).not.toContain(invited[0]!.code);
    expect(rows.find((r) => r.org_code === invited[2]!.code)?.link_state).toBe("revoked");
  }, 60_000);

  it("previews the draft in the dashboard, marked as not public, and leaves the preview", async () => {
    const before = urls.length;
    await page.getByRole("button", { name: `Preview wave ${WAVE} in the dashboard` }).click();
    const banner = page.getByTestId("draft-preview");
    await banner.getByText("Draft preview — not public.").waitFor();
    expect(new URL(page.url()).searchParams.get("wave")).toBe(WAVE);
    await expect
      .poll(
        () => urls.slice(before).some((u) => u.includes("/api/coverage?") && u.includes(`wave=${WAVE}`)),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    expect(
      urls
        .slice(before)
        .filter((u) => u.includes("/api/coverage?"))
        .every((u) => u.includes("include=drafts")),
    ).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    // The map's CSV in the preview is the draft's, fetched with the token (a plain link would be the public
    // file, where wave 2027 does not exist yet), and the token is in no address.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator(".downloads").getByRole("button", { name: "CSV", exact: true }).click(),
    ]);
    const rows = parse(readFileSync((await download.path())!, "utf8"), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.wave))).toEqual(new Set([WAVE]));
    expect(rows[0]!.notice).toContain(`DRAFT: waves ${WAVE} are not published yet.`);
    expect(download.suggestedFilename()).toMatch(/_draft\.csv$/);
    expect(urls.some((u) => u.includes(ADMIN))).toBe(false);
    await banner.getByRole("button", { name: "Leave the preview" }).click();
    await page.getByRole("heading", { level: 1, name: "Survey team" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Waves" }).waitFor();
    expect(await page.getByTestId("draft-preview").count()).toBe(0);
  }, 90_000);

  it("publishes the wave after saying what becomes public; it appears in the public waves", async () => {
    const card = page.locator(".wave-card").filter({ hasText: `Wave ${WAVE}` });
    await card.getByRole("button", { name: `Publish wave ${WAVE}…` }).click();
    const confirm = page.locator(".confirm-panel");
    await confirm.getByRole("heading", { name: `Publish wave ${WAVE}?` }).waitFor();
    expect(await confirm.textContent()).toMatch(
      new RegExp(
        `Publishing makes wave ${WAVE} public at once: its 2 returns \\(of \\d+ organisations invited\\) appear to everyone`,
      ),
    );
    await confirm.getByRole("button", { name: `Publish wave ${WAVE}` }).click();
    await card.locator(".state-badge").getByText("Published").waitFor();
    expect(await focusedText()).toBe("Waves");
    const publicWaves = (await (await fetch(`${server.url}/api/waves`)).json()) as {
      waves: { id: string }[];
    };
    expect(publicWaves.waves.map((w) => w.id)).toContain(WAVE);
    expect(await card.getByRole("button", { name: `Unpublish wave ${WAVE}…` }).count()).toBe(1);
  }, 60_000);

  it("locks: the token is forgotten; it was never in an address, localStorage or a cookie", async () => {
    await page.getByRole("button", { name: "Lock" }).click();
    await page.getByLabel("Admin token").waitFor();
    expect(await page.getByRole("status").first().textContent()).toBe(
      "Locked: the token is forgotten in this tab.",
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("password");
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect((await context.cookies()).length).toBe(0);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url).not.toContain(ADMIN);
    expect(await seriousViolations(page)).toEqual([]);
    expect(external).toEqual([]);

    // Wide too: locked, then unlocked with a wave's tracker open, axe finds nothing serious.
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("Admin token").fill(ADMIN);
    await page.getByRole("button", { name: "Unlock" }).click();
    await page.getByRole("button", { name: `Track returns and links, wave ${WAVE}` }).click();
    await page.getByTestId("tracker-counts").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await noSidewaysScroll()).toBeLessThanOrEqual(1280);
    for (const url of urls) expect(url).not.toContain(ADMIN);
    // The only errors the page saw are the refusals the test asked for: the wrong token, the bad file, the shrink.
    expect(errors.filter((e) => !/status of (401|422|409)/.test(e))).toEqual([]);
  }, 60_000);
});
