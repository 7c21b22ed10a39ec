import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TEST_DIALECTS } from "@atlas/db/testing";
import {
  CoverageResponseSchema,
  HealthSchema,
  isOpenDuringWave,
  OrganisationDetailSchema,
  OrganisationsResponseSchema,
  ProblemSchema,
  PublicationResultSchema,
  TrendsResponseSchema,
  WavesResponseSchema,
} from "@atlas/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importSurveyFile } from "../import/import-survey";
import { DEMO_DIR } from "../paths";
import { readReference } from "../reference/read-reference";
import { buildTestApp, type TestApp } from "../testing";

const TOKEN = "drafts-test-admin-token-0123456789";
const auth = { Authorization: `Bearer ${TOKEN}` };
const reference = readReference();
const open2027 = reference.organisations.filter((o) => isOpenDuringWave(o, "2027"));

/** Every public read that carries wave values (or the wave count), as a dashboard or a client makes them. */
const PUBLIC_READS = [
  "/api/health",
  "/api/waves",
  "/api/coverage?wave=2026&level=local&metric=offering_pct",
  "/api/coverage?level=region&metric=offering_pct",
  "/api/trends?metric=offering_pct&level=nation",
  "/api/gaps?level=local",
  "/api/organisations",
  "/api/organisations?wave=2026",
  `/api/organisations/${open2027[0]!.code}`,
  "/api/factors",
  "/api/transitions?from=2026",
  "/api/export?view=trends&format=json&level=nation",
  "/api/export?view=coverage&level=nation",
];

async function etags(t: TestApp): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const path of PUBLIC_READS) {
    const res = await t.app.request(path);
    expect(res.status, path).toBe(200);
    out.set(path, res.headers.get("etag")!);
  }
  return out;
}

/** A 2027 file: every organisation open then, all `routine`, so the draft's values are unmistakable. */
const FILE_2027 = `wave,org_code,provision\n${open2027.map((o) => `2027,${o.code},routine`).join("\n")}\n`;

describe.each(TEST_DIALECTS)("drafts and publication on a fresh database (ATLAS_DEMO=0) on %s", (kind) => {
  let t: TestApp;
  let before: Map<string, string>;
  beforeAll(async () => {
    t = await buildTestApp(kind, { reference: true, config: { adminToken: TOKEN } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lists the whole register before any wave exists", async () => {
    expect(WavesResponseSchema.parse(await (await t.app.request("/api/waves")).json()).waves).toEqual([]);
    const res = await t.app.request("/api/organisations");
    expect(res.status).toBe(200);
    const register = OrganisationsResponseSchema.parse(await res.json());
    expect(register).toMatchObject({
      wave: null,
      synthetic: false,
      provisional: false,
      provisionalWaves: [],
    });
    expect(register.organisations).toHaveLength(reference.organisations.length);
    const closed = register.organisations.find((o) => o.closedOn !== null && o.successorCode !== null)!;
    expect(closed.successorName).toBe(
      reference.organisations.find((o) => o.code === closed.successorCode)!.name,
    );
    expect(register.organisations.every((o) => o.areaName !== "" && o.provision === null)).toBe(true);
    const scottish = OrganisationsResponseSchema.parse(
      await (await t.app.request("/api/organisations?area=S92000003")).json(),
    );
    expect(scottish.organisations.length).toBeGreaterThan(0);
    expect(scottish.organisations.every((o) => o.code.startsWith("S"))).toBe(true);
    expect((await t.app.request("/api/organisations?wave=2026")).status).toBe(404);
  });

  it("imports a published wave, then a draft that changes no public response or ETag", async () => {
    await importSurveyFile(t.db, {
      fileName: "mbct-survey-2026-synthetic.csv",
      bytes: readFileSync(join(DEMO_DIR, "mbct-survey-2026-synthetic.csv")),
      importedBy: "seed",
    });
    before = await etags(t);
    const bodies = new Map<string, string>();
    for (const path of PUBLIC_READS) bodies.set(path, await (await t.app.request(path)).text());

    const res = await t.app.request("/api/imports?draft=true&fileName=returns-2027.csv&by=Survey%20team", {
      method: "POST",
      body: FILE_2027,
      headers: { ...auth, "Content-Type": "text/csv" },
    });
    expect(res.status).toBe(201);

    for (const path of PUBLIC_READS) {
      const again = await t.app.request(path, { headers: { "If-None-Match": before.get(path)! } });
      expect(again.status, path).toBe(304);
      const body = await (await t.app.request(path)).text();
      // Health and export carry a time; every other public body is exactly as before.
      if (!/health|export/.test(path)) expect(body, path).toBe(bodies.get(path));
    }
    const exported = (await (await t.app.request(PUBLIC_READS[11]!)).json()) as { rows: { wave: string }[] };
    expect(new Set(exported.rows.map((r) => r.wave))).toEqual(new Set(["2026"]));
    expect((await t.app.request("/api/coverage?wave=2027&level=local")).status).toBe(404);
    expect(HealthSchema.parse(await (await t.app.request("/api/health")).json()).waves).toBe(1);
  });

  it("shows the draft to the admin token only, privately", async () => {
    const path = "/api/coverage?wave=2027&level=nation&metric=offering_pct&include=drafts";
    const denied = await t.app.request(path);
    expect(denied.status).toBe(401);
    expect(denied.headers.get("content-type")).toContain("application/problem+json");
    expect(
      (await t.app.request(path, { headers: { Authorization: "Bearer wrong-token-0123456789" } })).status,
    ).toBe(401);
    const bad = await t.app.request("/api/waves?include=everything", { headers: auth });
    expect(bad.status).toBe(400);
    expect(ProblemSchema.parse(await bad.json()).errors![0]).toMatchObject({
      parameter: "include",
      allowed: ["drafts"],
    });

    const res = await t.app.request(path, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("etag")).toBeNull();
    const coverage = CoverageResponseSchema.parse(await res.json());
    expect(coverage).toMatchObject({ wave: "2027", draftWaves: ["2027"], provisional: false });
    expect(coverage.comparator.value).toBe(100);

    const waves = WavesResponseSchema.parse(
      await (await t.app.request("/api/waves?include=drafts", { headers: auth })).json(),
    );
    expect(waves.waves.map((w) => [w.id, w.state, w.published])).toEqual([
      ["2026", "published", true],
      ["2027", "draft", false],
    ]);
    const health = HealthSchema.parse(
      await (await t.app.request("/api/health?include=drafts", { headers: auth })).json(),
    );
    expect(health.waves).toBe(2);
    const journey = OrganisationDetailSchema.parse(
      await (
        await t.app.request(`/api/organisations/${open2027[0]!.code}?include=drafts`, { headers: auth })
      ).json(),
    );
    // The draft's file, as the dashboard's draft preview downloads it: private, named a draft, and saying so
    // on every row.
    const exportPath = "/api/export?view=coverage&wave=2027&level=nation&metric=offering_pct&include=drafts";
    expect((await t.app.request(exportPath)).status).toBe(401);
    const draftCsv = await t.app.request(exportPath, { headers: auth });
    expect(draftCsv.status).toBe(200);
    expect(draftCsv.headers.get("cache-control")).toBe("private, no-store");
    expect(draftCsv.headers.get("content-disposition")).toBe(
      'attachment; filename="mbct-atlas_coverage_2027_nation_offering_pct_draft.csv"',
    );
    const csvRows = (await draftCsv.text()).trim().split("\n").slice(1);
    expect(csvRows.length).toBeGreaterThan(0);
    for (const line of csvRows) expect(line).toContain("DRAFT: waves 2027 are not published yet.");
    expect(journey.journey.map((s) => s.waveId)).toContain("2027");
    expect(journey.revisions!.find((r) => r.waveId === "2027")).toMatchObject({
      action: "added",
      file: "returns-2027.csv",
      by: "Survey team",
      origin: expect.stringMatching(/^api:/),
    });
  });

  it("publishes the draft in one step: every public ETag changes and 2027 appears, marked provisional", async () => {
    const denied = await t.app.request("/api/waves/2027/publish", { method: "POST" });
    expect(denied.status).toBe(401);
    const res = await t.app.request("/api/waves/2027/publish?provisional=true&by=AJ", {
      method: "POST",
      headers: auth,
    });
    expect(res.status).toBe(200);
    expect(PublicationResultSchema.parse(await res.json())).toMatchObject({
      action: "published",
      state: "published",
      provisional: true,
    });
    for (const path of PUBLIC_READS) {
      const again = await t.app.request(path, { headers: { "If-None-Match": before.get(path)! } });
      expect(again.status, path).toBe(200);
      expect(again.headers.get("etag"), path).not.toBe(before.get(path));
    }
    const waves = WavesResponseSchema.parse(await (await t.app.request("/api/waves")).json());
    expect(waves.waves.map((w) => [w.id, w.provisional])).toEqual([
      ["2026", false],
      ["2027", true],
    ]);
    const coverage = CoverageResponseSchema.parse(
      await (await t.app.request("/api/coverage?level=nation")).json(),
    );
    expect(coverage).toMatchObject({ wave: "2027", provisional: true, provisionalWaves: ["2027"] });
    expect(coverage.draftWaves).toBeUndefined();
    const trends = TrendsResponseSchema.parse(await (await t.app.request("/api/trends?level=nation")).json());
    expect(trends.provisionalWaves).toEqual(["2027"]);
    const csv = await (await t.app.request("/api/export?view=coverage&level=nation")).text();
    // Every row carries the notice and the provisional flag; the header is on line 1.
    const [header, ...rows] = csv.trimEnd().split("\r\n");
    expect(header).toMatch(/,provisional,synthetic,notice,/);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row).toContain("PROVISIONAL: the values for wave 2027 are provisional and may change.");
    // The public revision history names the file and the label, never the technical origin.
    const journey = OrganisationDetailSchema.parse(
      await (await t.app.request(`/api/organisations/${open2027[0]!.code}`)).json(),
    );
    expect(journey.provisionalWaves).toEqual(["2027"]);
    expect(journey.revisions!.find((r) => r.waveId === "2027")).toEqual(
      expect.not.objectContaining({ origin: expect.anything() }),
    );
  });

  it("clears the provisional mark, says when nothing changes, and unpublishes back to a draft", async () => {
    const final = await t.app.request("/api/waves/2027/publish?provisional=false", {
      method: "POST",
      headers: auth,
    });
    expect(PublicationResultSchema.parse(await final.json())).toMatchObject({
      action: "updated",
      provisional: false,
    });
    const again = await t.app.request("/api/waves/2027/publish", { method: "POST", headers: auth });
    expect(PublicationResultSchema.parse(await again.json())).toMatchObject({
      action: "unchanged",
      dataVersion: null,
    });

    const etag = (await t.app.request("/api/waves")).headers.get("etag")!;
    const un = await t.app.request("/api/waves/2027/unpublish", { method: "POST", headers: auth });
    expect(PublicationResultSchema.parse(await un.json())).toMatchObject({
      action: "unpublished",
      state: "draft",
    });
    const after = await t.app.request("/api/waves", { headers: { "If-None-Match": etag } });
    expect(after.status).toBe(200);
    expect(WavesResponseSchema.parse(await after.json()).waves.map((w) => w.id)).toEqual(["2026"]);
    expect((await t.app.request("/api/coverage?wave=2027")).status).toBe(404);

    const missing = await t.app.request("/api/waves/2031/publish", { method: "POST", headers: auth });
    expect(missing.status).toBe(404);
    expect(ProblemSchema.parse(await missing.json()).errors![0]).toMatchObject({
      parameter: "id",
      allowed: ["2026", "2027"],
    });
    expect((await t.app.request("/api/waves/20x7/publish", { method: "POST", headers: auth })).status).toBe(
      400,
    );
    const badBy = await t.app.request("/api/waves/2027/publish?by=%3Cscript%3E", {
      method: "POST",
      headers: auth,
    });
    expect(badBy.status).toBe(400);
  });

  it("adding to a published wave keeps it published and changes its public ETags", async () => {
    const path = "/api/coverage?wave=2026&level=nation";
    const etag = (await t.app.request(path)).headers.get("etag")!;
    const code = open2027[1]!.code;
    const res = await t.app.request("/api/imports?mode=add&fileName=late-2026.csv", {
      method: "POST",
      body: `wave,org_code,provision\n2026,${code},paused\n`,
      headers: { ...auth, "Content-Type": "text/csv" },
    });
    expect(res.status).toBe(201);
    const summary = await res.json();
    expect(summary).toMatchObject({
      publicDataVersion: expect.any(String),
      waves: [{ state: "published", action: "updated" }],
    });
    expect((await t.app.request(path, { headers: { "If-None-Match": etag } })).status).toBe(200);
  });
});

describe("include=drafts on a server without an admin token", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp("sqlite", { reference: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("is refused (403), never answered as a public read", async () => {
    const res = await t.app.request("/api/waves?include=drafts", { headers: auth });
    expect(res.status).toBe(403);
    expect(ProblemSchema.parse(await res.json()).detail).toMatch(/no ATLAS_ADMIN_TOKEN/);
  });
});
