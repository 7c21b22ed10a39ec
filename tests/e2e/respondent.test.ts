import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AtlasServer, startAtlas } from "./support/atlas";
import { seriousViolations } from "./support/axe";
import { isLocalUrl, launchBrowser } from "./support/browser";

const ADMIN = "e2e-respondent-admin-token-0123456789";
const PHONE = { width: 390, height: 844 };

/**
 * A respondent fills in their organisation's return on a phone through the private link, over two visits;
 * the survey team sees it arrive in the tracker and in the draft wave, and publishing makes it public.
 */
describe("a respondent's return through a private link, on a phone", () => {
  let server: AtlasServer;
  let browser: Browser;
  let link: string;
  let token: string;
  let org: { code: string; name: string; placesOffered: number | null };
  /** Every request the pages made, with the headers as sent on the wire. */
  const requests: Promise<{ url: string; headers: Record<string, string> }>[] = [];
  const external: string[] = [];
  const errors: string[] = [];

  const api = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${server.url}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${ADMIN}`, ...(init.headers ?? {}) },
    });
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown> & { [k: string]: unknown },
    };
  };

  async function phone(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    page.on("request", (r) => {
      requests.push(sent(r));
      if (!isLocalUrl(r.url())) external.push(r.url());
    });
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    return { context, page };
  }

  const sent = async (r: Request) => ({
    url: r.url(),
    headers: await r.allHeaders().catch(() => r.headers()),
  });

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startAtlas({ ATLAS_ADMIN_TOKEN: ADMIN, LOG_LEVEL: "debug" }),
      launchBrowser(),
    ]);
    // An organisation with a 2026 return (the demo waves are published), invited to 2027.
    const orgs = (await api("/api/organisations?wave=2026")).body.organisations as {
      code: string;
      name: string;
      provision: string | null;
      placesOffered: number | null;
      closedOn: string | null;
    }[];
    org = orgs.find((o) => o.provision === "routine" && o.placesOffered !== null && o.closedOn === null)!;
    const made = await api("/api/waves/2027/links", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ orgCodes: [org.code], by: "Survey team" }),
    });
    expect(made.status).toBe(201);
    link = (made.body.created as { url: string }[])[0]!.url;
    token = link.split("#t=")[1]!;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  it("opens the form, saves part of it as they go, says when a save failed and retries", async () => {
    const { context, page } = await phone();
    await page.goto(link);
    await page.getByRole("heading", { level: 1, name: "Survey return, wave 2027" }).waitFor();
    // The token leaves the address bar once read.
    expect(page.url()).toBe(`${link.split("#")[0]}`);
    expect(await page.textContent(".organisation")).toContain(org.name);
    // Last wave's answers are offered beside each field.
    expect(await page.textContent("#prev-places_offered")).toBe(`In 2026 (synthetic): ${org.placesOffered}`);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("Routine", { exact: true }).check();
    await page.getByLabel("MBCT courses run").fill("3");
    await page.getByText("All answers saved at").waitFor({ timeout: 15_000 });

    // The server is unreachable for a while: the page says so, keeps the answers, and tries again.
    await page.route("**/api/respond/**/draft", (route) => route.abort("internetdisconnected"));
    await page.getByLabel("Places offered").fill("30");
    const alert = page.locator(".save-alert");
    await alert.getByText("Your latest answers are not saved").waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toMatch(
      /the server cannot be reached\. They are still on this page\. Trying again in about \d+ seconds/,
    );
    await page.unroute("**/api/respond/**/draft");
    await page.getByText("All answers saved at").waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toBe("");
    await context.close();
  }, 90_000);

  it("opens on a slow mobile connection, fetching only its own small script", async () => {
    const { context, page } = await phone();
    // Roughly "good 2G": 450 kbit/s down, 150 kbit/s up, 150 ms round trips.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 150,
      downloadThroughput: (450 * 1024) / 8,
      uploadThroughput: (150 * 1024) / 8,
    });
    await page.goto(link);
    await page
      .getByRole("heading", { level: 1, name: "Survey return, wave 2027" })
      .waitFor({ timeout: 30_000 });
    const resources = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((e) => e as PerformanceResourceTiming)
        .map((e) => ({ name: new URL(e.name).pathname, type: e.initiatorType, bytes: e.transferSize })),
    );
    const scripts = resources.filter((r) => r.name.endsWith(".js"));
    // The form's own entry and its shared chunk; never the dashboard's React, maplibre or d3.
    expect(scripts.map((r) => r.name).every((n) => /\/assets\/(respond|wave-id)-/.test(n))).toBe(true);
    const scriptBytes = scripts.reduce((sum, r) => sum + r.bytes, 0);
    expect(scriptBytes).toBeGreaterThan(0);
    expect(scriptBytes).toBeLessThan(40 * 1024);
    await context.close();
  }, 60_000);

  it("comes back with the same link and finds the draft; sees a rule broken beside the field; fixes it and submits with the keyboard", async () => {
    const { context, page } = await phone();
    await page.goto(link);
    await page.getByRole("heading", { level: 1, name: "Survey return, wave 2027" }).waitFor();
    expect(await page.textContent(".intro")).toMatch(/Your saved answers from .* are filled in/);
    expect(await page.getByLabel("Routine", { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel("MBCT courses run").inputValue()).toBe("3");
    expect(await page.getByLabel("Places offered").inputValue()).toBe("30");

    // Nothing on the page is smaller than 24 px to touch, and nothing scrolls sideways.
    const small = await page.$$eval("input, button, select, textarea, a", (els) =>
      els
        .map((el) => ({ id: el.id || el.textContent, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.width < 24 || box.height < 24))
        .map(({ id }) => id),
    );
    expect(small).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // More started than places: said beside the field, tied to it, as they type.
    const started = page.getByLabel("People who started a course");
    await started.fill("34");
    const error = page.locator("#err-participants_started");
    await error.waitFor();
    expect(await error.textContent()).toBe(
      "Error: participants_started (34) is more than places_offered (30)",
    );
    expect(await started.getAttribute("aria-invalid")).toBe("true");
    expect(await started.getAttribute("aria-describedby")).toContain("err-participants_started");
    expect(await seriousViolations(page)).toEqual([]);

    // Submitting moves focus to the first problem and lists it at the top.
    await page.getByRole("button", { name: "Submit your return" }).click();
    await page.locator(".error-summary").getByText("There is a problem").waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-participants_started");
    await expect
      .poll(() => page.textContent("#announcer"))
      .toMatch(/There is a problem\. People who started a course: participants_started \(34\)/);
    // And nothing said later talks over it (a field's message waits 900 ms for a pause in typing).
    await page.waitForTimeout(1_200);
    expect(await page.textContent("#announcer")).toMatch(/^There is a problem\./);

    // Fixed with the keyboard only: type, tab on, tick a barrier with the space bar, choose a role, submit.
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("28");
    await page.keyboard.press("Tab");
    await page.keyboard.type("20");
    await expect.poll(() => error.isHidden()).toBe(true);
    expect(await started.getAttribute("aria-invalid")).toBeNull();
    await page.getByLabel("Pressure to meet service targets").focus();
    await page.keyboard.press("Space");
    expect(await page.getByLabel("Pressure to meet service targets").isChecked()).toBe(true);
    await page.getByLabel("Your role").focus();
    await page.getByLabel("Your role").selectOption("mbct_teacher");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Submit your return");
    await page.keyboard.press("Enter");

    await page
      .getByRole("heading", { level: 1, name: "Your return is received" })
      .waitFor({ timeout: 15_000 });
    const received = (await page.textContent("main")) ?? "";
    expect(received).toMatch(/Is MBCT offered\?\s*Routine/);
    expect(received).toMatch(/People who started a course\s*28/);
    expect(received).toContain("Pressure to meet service targets");
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  }, 90_000);

  it("shows the survey team 'submitted' in the tracker and the return in the draft wave; publishing makes it public", async () => {
    const tracker = await api("/api/waves/2027/tracker");
    const entry = (
      tracker.body.organisations as { code: string; status: string; link: Record<string, unknown> }[]
    ).find((o) => o.code === org.code)!;
    expect(entry.status).toBe("returned");
    expect(entry.link).toMatchObject({
      state: "submitted",
      submittedAt: expect.any(String),
      openedAt: expect.any(String),
    });

    const draft = await api("/api/organisations?wave=2027&include=drafts");
    expect(
      (draft.body.organisations as { code: string; provision: string; placesOffered: number }[]).find(
        (o) => o.code === org.code,
      ),
    ).toMatchObject({
      provision: "routine",
      placesOffered: 30,
    });
    expect((await fetch(`${server.url}/api/organisations?wave=2027`)).status).toBe(404);

    expect((await api("/api/waves/2027/publish", { method: "POST" })).status).toBe(200);
    const publicRead = await fetch(`${server.url}/api/organisations?wave=2027`);
    expect(publicRead.status).toBe(200);
    const orgs = ((await publicRead.json()) as { organisations: { code: string; provision: string }[] })
      .organisations;
    expect(orgs.find((o) => o.code === org.code)).toMatchObject({ provision: "routine" });
    const coverage = await fetch(`${server.url}/api/coverage?wave=2027&level=nation&metric=offering_pct`);
    expect(coverage.status).toBe(200);
  }, 60_000);

  it("takes no more answers once the wave is published, and says so", async () => {
    const { context, page } = await phone();
    await page.goto(link);
    await page.getByRole("heading", { level: 1, name: "This link does not open a return" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it("sent no Referer, made no request off this machine, and wrote the token to no log line", async () => {
    expect(external).toEqual([]);
    // Only what the tests caused: the 404 of the closed link, the connection cut on purpose.
    expect(errors.filter((e) => !/status of 404|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    const all = await Promise.all(requests);
    const api = all.filter((r) => r.url.includes("/api/respond/"));
    expect(api.length).toBeGreaterThan(3);
    for (const r of all) {
      // No Referer header at all (Playwright may show a suppressed one as empty).
      expect(r.headers.referer ?? "", r.url).toBe("");
      expect(r.url).not.toContain(token);
    }
    // The page sent the token in its own header on every respondent request, and no cookie.
    for (const r of api) {
      expect(r.headers.authorization).toBe(`Bearer ${token}`);
      expect(r.headers.cookie).toBeUndefined();
    }
    const logs = server.logs();
    expect(logs).toMatch(/respondent return submitted/);
    expect(logs).not.toContain(token);
  });
});
