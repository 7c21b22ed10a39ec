import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe";
import { type AtlasSession, startSession } from "./support/session";

/**
 * Search by the place names people use: typing a local authority, county or council area finds it, says
 * which NHS area serves it, and choosing it opens that area.
 */
describe("search by place name", () => {
  let s: AtlasSession;
  let names: Map<string, string>;
  beforeAll(async () => {
    s = await startSession();
    const areas = await s.api<{ areas: Array<{ code: string; name: string }> }>("/api/areas?level=local");
    names = new Map(areas.areas.map((a) => [a.code, a.name]));
  });
  afterAll(async () => {
    await s?.close();
  });

  const search = () => s.page.getByRole("combobox", { name: "Find a place, area or organisation" });

  it.each([
    ["Leeds", "E54000054", "NHS West Yorkshire ICB"],
    ["Norfolk", "E54000022", "NHS Norfolk and Waveney ICB"],
    ["Cardiff", "W11000029", "Cardiff and Vale University Health Board"],
    ["Glasgow City", "S08000031", "NHS Greater Glasgow and Clyde"],
  ])(
    "finds %s, says which NHS area (%s) serves it, and opens that area",
    async (place, code, served) => {
      await s.open("/");
      await search().click();
      await search().pressSequentially(place, { delay: 20 });
      const first = s.page.getByRole("listbox", { name: "Search results" }).getByRole("option").first();
      await first.locator(".result-name", { hasText: new RegExp(`^${place}$`) }).waitFor({ timeout: 10_000 });
      expect(await first.locator(".result-detail").textContent()).toContain(`served by ${served}`);
      if (place === "Leeds") expect(await seriousViolations(s.page)).toEqual([]);
      await search().press("Enter");
      await s.page.waitForFunction((c) => new URLSearchParams(location.search).get("area") === c, code);
      expect(new URL(s.page.url()).searchParams.get("level")).toBe("local");
      await s.page.locator(".area-panel h2", { hasText: names.get(code)! }).waitFor();
    },
    60_000,
  );

  it("says roughly how a place split between areas is shared", async () => {
    await s.open("/");
    await search().fill("Suffolk");
    const option = s.page.getByRole("option", { name: /^Suffolk County in England/ });
    await option.waitFor({ timeout: 10_000 });
    expect(await option.textContent()).toContain(
      "mostly in NHS Suffolk and North East Essex ICB, about 15% in NHS Norfolk and Waveney ICB",
    );
    await option.click();
    await s.page.waitForFunction(() => new URLSearchParams(location.search).get("area") === "E54000023");
  }, 60_000);

  it("made no console errors and no request off the machine", () => {
    expect(s.watch.pageErrors).toEqual([]);
    expect(s.watch.consoleErrors).toEqual([]);
    expect(s.watch.externalRequests).toEqual([]);
  });
});
