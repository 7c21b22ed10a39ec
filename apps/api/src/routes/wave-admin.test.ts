import { TEST_DIALECTS } from "@atlas/db/testing";
import { isOpenDuringWave, ResponseTrackerSchema, WaveStatusListSchema } from "@atlas/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readReference } from "../reference/read-reference";
import { buildTestApp, type TestApp } from "../testing";

const TOKEN = "wave-admin-test-token-0123456789";
const auth = { Authorization: `Bearer ${TOKEN}` };
const open2027 = readReference()
  .organisations.filter((o) => isOpenDuringWave(o, "2027"))
  .sort((a, b) => a.code.localeCompare(b.code));

const importCsv = (t: TestApp, query: string, rows: string[]) =>
  t.app.request(`/api/imports?${query}`, {
    method: "POST",
    body: `wave,org_code,provision\n${rows.join("\n")}\n`,
    headers: { ...auth, "Content-Type": "text/csv" },
  });

describe.each(TEST_DIALECTS)("the survey team's wave routes on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(kind, { reference: true, config: { adminToken: TOKEN } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("needs the admin token, and answers privately", async () => {
    for (const path of [
      "/api/waves/status",
      "/api/waves/2027/tracker",
      "/api/waves/2027/tracker?format=csv",
    ]) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(401);
      expect(res.headers.get("cache-control"), path).toBe("private, no-store");
    }
    const res = await t.app.request("/api/waves/status", { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("etag")).toBeNull();
    expect(WaveStatusListSchema.parse(await res.json())).toEqual({ waves: [] });
  });

  it("tracks a wave before its first return: every organisation open then is missing", async () => {
    const tracker = ResponseTrackerSchema.parse(
      await (await t.app.request("/api/waves/2027/tracker", { headers: auth })).json(),
    );
    expect(tracker.wave).toEqual({ id: "2027", state: null, provisional: false, synthetic: false });
    expect(tracker).toMatchObject({
      invited: open2027.length,
      returned: 0,
      noResponse: 0,
      missing: open2027.length,
    });
  });

  it("tracks returns as they arrive, with who sent the last change, and lists who to chase as CSV", async () => {
    const [a, b, c] = open2027;
    expect(
      (await importCsv(t, "draft=true&fileName=first.csv&by=Ana", [`2027,${a!.code},routine`])).status,
    ).toBe(201);
    expect(
      (
        await importCsv(t, "mode=add&fileName=second.csv&by=Ben", [
          `2027,${b!.code},no_response`,
          `2027,${a!.code},limited`,
        ])
      ).status,
    ).toBe(201);
    const tracker = ResponseTrackerSchema.parse(
      await (await t.app.request("/api/waves/2027/tracker", { headers: auth })).json(),
    );
    expect(tracker).toMatchObject({
      wave: { id: "2027", state: "draft" },
      invited: open2027.length,
      returned: 1,
      noResponse: 1,
      missing: open2027.length - 2,
    });
    const byCode = new Map(tracker.organisations.map((o) => [o.code, o]));
    expect(byCode.get(a!.code)).toMatchObject({
      status: "returned",
      provision: "limited",
      lastChange: {
        file: "second.csv",
        action: "changed",
        by: "Ben",
        origin: expect.stringMatching(/^api:/),
      },
    });
    expect(byCode.get(b!.code)).toMatchObject({ status: "no_response" });
    expect(byCode.get(c!.code)).toMatchObject({ status: "missing", lastChange: null });

    const res = await t.app.request("/api/waves/2027/tracker?format=csv", { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="mbct-atlas_tracker_2027_to-chase.csv"',
    );
    const lines = (await res.text()).trim().split("\r\n");
    // The header is on line 1: no byte-order mark, no comment lines.
    const header = lines[0]!;
    expect(header).toBe(
      "wave,org_code,org_name,org_type,area_code,area_name,status,last_change_at,last_change_by,link_state,link_expires_at,link_opened_at,link_draft_saved_at",
    );
    const rows = lines.slice(lines.indexOf(header) + 1);
    expect(rows).toHaveLength(open2027.length - 1);
    expect(rows.some((r) => r.includes(`,${a!.code},`))).toBe(false);
    expect(rows.find((r) => r.includes(`,${b!.code},`))).toMatch(/,no_response,.*,Ben,none,,,$/);
  });

  it("lists every wave with its state, returns and last import", async () => {
    expect((await importCsv(t, "fileName=w2026.csv", [`2026,${open2027[0]!.code},routine`])).status).toBe(
      201,
    );
    const { waves } = WaveStatusListSchema.parse(
      await (await t.app.request("/api/waves/status", { headers: auth })).json(),
    );
    expect(waves.map((w) => [w.id, w.state, w.provisional, w.organisationsInvited, w.returns])).toEqual([
      ["2026", "published", false, 1, 1],
      ["2027", "draft", false, 2, 1],
    ]);
    expect(waves[1]).toMatchObject({
      registerOpen: open2027.length,
      publishedAt: null,
      lastImport: { file: "second.csv", by: "Ben", mode: "add", origin: expect.stringMatching(/^api:/) },
    });
    expect(waves[0]!.publishedAt).toEqual(expect.any(String));
  });

  it("refuses a bad wave id or format", async () => {
    expect((await t.app.request("/api/waves/27/tracker", { headers: auth })).status).toBe(400);
    expect((await t.app.request("/api/waves/2027/tracker?format=xml", { headers: auth })).status).toBe(400);
  });
});
