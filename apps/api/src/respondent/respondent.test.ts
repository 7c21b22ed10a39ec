import { getDataVersions, listImportBatches } from "@atlas/db";
import { TEST_DIALECTS } from "@atlas/db/testing";
import {
  DraftSavedSchema,
  LinkListSchema,
  OrganisationDetailSchema,
  OrganisationsResponseSchema,
  ProblemSchema,
  RespondentReturnSchema,
  ResponseTrackerSchema,
  RevokeLinkResultSchema,
  SubmittedReturnSchema,
  WavesResponseSchema,
} from "@atlas/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importSurveyFile } from "../import/import-survey";
import { buildTestApp, type TestApp } from "../testing";
import { ADMIN_TOKEN, admin, linkFor, makeLinks, OPEN_2027, respond } from "./test-support";

const [A, B, C] = OPEN_2027;
const tracker = async (t: TestApp) =>
  ResponseTrackerSchema.parse(
    await (await t.app.request("/api/waves/2027/tracker", { headers: admin })).json(),
  );
const entry = async (t: TestApp, code: string) =>
  (await tracker(t)).organisations.find((o) => o.code === code)!;

describe.each(TEST_DIALECTS)("respondent links and the form's API on %s", (kind) => {
  let t: TestApp;
  let tokenA: string;
  beforeAll(async () => {
    t = await buildTestApp(kind, { reference: true, config: { adminToken: ADMIN_TOKEN } });
    // A published earlier wave: its answers are offered as the starting point.
    await importSurveyFile(t.db, {
      fileName: "returns-2026.csv",
      bytes: new TextEncoder().encode(`wave,org_code,provision,places_offered\n2026,${A!.code},limited,24\n`),
      importedBy: "test",
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("makes a link per organisation open during the wave, shows them once, and lists them without tokens", async () => {
    const links = await makeLinks(t, "2027", null);
    expect(links.created.map((l) => l.orgCode)).toEqual(OPEN_2027.map((o) => o.code));
    expect(links.skipped).toEqual([]);
    const a = linkFor(links, A!.code);
    expect(a.url).toMatch(new RegExp(`^http://localhost:\\d+/respond/2027/${A!.code}#t=[A-Za-z0-9_-]{43}$`));
    expect(links.warnings.join(" ")).toMatch(/ATLAS_PUBLIC_URL is not set/);
    // 60 days from now: the wave records no fieldwork end.
    const days = (Date.parse(a.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(59.9);
    expect(days).toBeLessThan(60.1);
    tokenA = a.token;
    expect(new Set(links.created.map((l) => l.url)).size).toBe(OPEN_2027.length);

    const listed = await t.app.request("/api/waves/2027/links", { headers: admin });
    expect(listed.headers.get("cache-control")).toBe("private, no-store");
    const text = await listed.text();
    for (const l of links.created) expect(text).not.toContain(l.url.split("#t=")[1]!);
    const list = LinkListSchema.parse(JSON.parse(text));
    expect(list).toMatchObject({ waveId: "2027", waveState: null });
    expect(list.links.every((l) => l.state === "sent" && l.current && l.works)).toBe(true);

    // Asked again, organisations with a working link keep it: nothing sent is broken.
    const again = await makeLinks(t, "2027", null);
    expect(again.created).toEqual([]);
    expect(again.skipped).toHaveLength(OPEN_2027.length);
    expect((await entry(t, A!.code)).link).toMatchObject({ state: "sent", linkId: a.linkId });
  });

  it("needs the admin token, refuses unknown or closed organisations and bad expiries, and published waves", async () => {
    const anonymous = await t.app.request("/api/waves/2027/links", { method: "POST" });
    expect(anonymous.status).toBe(401);
    const bad = await t.app.request("/api/waves/2027/links", {
      method: "POST",
      headers: { ...admin, "Content-Type": "application/json" },
      body: JSON.stringify({ orgCodes: [A!.code, "ZZZ9"] }),
    });
    expect(bad.status).toBe(400);
    const problem = ProblemSchema.parse(await bad.json());
    expect(problem.detail).toMatch(/unknown organisation codes: ZZZ9\. No link was made\./);
    expect(problem.errors).toEqual([
      { parameter: "orgCodes", message: 'unknown organisation code "ZZZ9"', value: "ZZZ9" },
    ]);
    const past = await t.app.request("/api/waves/2027/links", {
      method: "POST",
      headers: { ...admin, "Content-Type": "application/json" },
      body: JSON.stringify({ orgCodes: [A!.code], expires: "2020-01-01", reissue: true }),
    });
    expect(past.status).toBe(400);
    expect((await past.json()).detail).toMatch(/not in the future/);
    const published = await t.app.request("/api/waves/2026/links", { method: "POST", headers: admin });
    expect(published.status).toBe(409);
    expect((await published.json()).detail).toMatch(
      /wave 2026 is published: respondent links are for draft waves/,
    );
    expect((await entry(t, A!.code)).link.state).toBe("sent");
  });

  it("opens the organisation's return with last wave's answers, records the opening, and saves a draft", async () => {
    const res = await respond(t, `2027/${A!.code}`, tokenA);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/no-store/);
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const opened = RespondentReturnSchema.parse(await res.json());
    expect(opened).toMatchObject({
      wave: { id: "2027", label: "2027" },
      organisation: { code: A!.code, name: A!.name },
      draft: null,
      received: null,
      previous: { waveId: "2026", label: "2026", cells: { provision: "limited", places_offered: "24" } },
    });
    expect((await entry(t, A!.code)).link).toMatchObject({ state: "opened", openedAt: expect.any(String) });

    const saved = await respond(t, `2027/${A!.code}/draft`, tokenA, {
      method: "PUT",
      body: { cells: { provision: "routine", places_offered: "10", participants_started: "12" }, role: null },
    });
    expect(saved.status).toBe(200);
    // A draft is kept as typed, problems and all; the problems are the importer's, by column.
    expect(DraftSavedSchema.parse(await saved.json()).problems).toEqual([
      {
        column: "participants_started",
        message: "participants_started (12) is more than places_offered (10)",
        value: "12",
      },
    ]);
    const back = RespondentReturnSchema.parse(await (await respond(t, `2027/${A!.code}`, tokenA)).json());
    expect(back.draft).toMatchObject({
      cells: { provision: "routine", places_offered: "10", participants_started: "12" },
      role: null,
    });
    expect((await entry(t, A!.code)).link.state).toBe("draft_saved");
  });

  it("refuses an invalid return whole, naming each field, and stores a valid one in a new draft wave as an add", async () => {
    const before = await getDataVersions(t.db.db);
    const invalid = await respond(t, `2027/${A!.code}/submit`, tokenA, {
      method: "POST",
      body: { cells: { provision: "sometimes", places_offered: "10", participants_started: "12" } },
    });
    expect(invalid.status).toBe(422);
    const problem = ProblemSchema.parse(await invalid.json());
    expect(problem.errors!.map((e) => e.column)).toEqual(["provision", "participants_started"]);
    expect(problem.errors![0]!.message).toMatch(/^"sometimes" is not an allowed provision; allowed: routine/);
    expect(await getDataVersions(t.db.db)).toEqual(before);

    const ok = await respond(t, `2027/${A!.code}/submit`, tokenA, {
      method: "POST",
      body: {
        cells: {
          provision: "Routine",
          places_offered: "12",
          participants_started: "10",
          delivery_mode: "In person",
        },
        role: "service_lead",
      },
    });
    expect(ok.status).toBe(200);
    const received = SubmittedReturnSchema.parse(await ok.json());
    expect(received).toMatchObject({
      action: "added",
      cells: {
        provision: "routine",
        places_offered: "12",
        participants_started: "10",
        delivery_mode: "in_person",
      },
    });

    // The wave is created as a draft: the public sees nothing, its public version is unchanged.
    const after = await getDataVersions(t.db.db);
    expect(after.version).not.toBe(before.version);
    expect(after.publicVersion).toBe(before.publicVersion);
    const waves = WavesResponseSchema.parse(await (await t.app.request("/api/waves")).json());
    expect(waves.waves.map((w) => w.id)).toEqual(["2026"]);
    const drafts = OrganisationsResponseSchema.parse(
      await (await t.app.request("/api/organisations?wave=2027&include=drafts", { headers: admin })).json(),
    );
    expect(drafts.organisations.find((o) => o.code === A!.code)).toMatchObject({
      provision: "routine",
      placesOffered: 12,
    });

    // Recorded as the importer's add records a file: a batch in add mode, by `respondent link`, its origin.
    const batch = (await listImportBatches(t.db.db)).find((b) => b.waveId === "2027")!;
    expect(batch).toMatchObject({
      fileName: "respondent form",
      mode: "add",
      byLabel: "respondent link",
      importedBy: `link:${(await entry(t, A!.code)).link.linkId}`,
      rowCount: 1,
    });
    const detail = OrganisationDetailSchema.parse(
      await (await t.app.request(`/api/organisations/${A!.code}?include=drafts`, { headers: admin })).json(),
    );
    expect(detail.revisions?.[0]).toMatchObject({
      waveId: "2027",
      action: "added",
      by: "respondent link",
      mode: "add",
    });

    const e = await entry(t, A!.code);
    expect(e).toMatchObject({ status: "returned", provision: "routine" });
    expect(e.link).toMatchObject({
      state: "submitted",
      submittedAt: received.receivedAt,
      unsubmittedChanges: false,
    });
    expect(e.lastChange).toMatchObject({ by: "respondent link", file: "respondent form" });
    const listed = LinkListSchema.parse(
      await (await t.app.request("/api/waves/2027/links", { headers: admin })).json(),
    );
    expect(listed.links.find((l) => l.orgCode === A!.code)).toMatchObject({ respondentRole: "service_lead" });
  });

  it("shows what was received and takes corrections until the wave is published", async () => {
    const opened = RespondentReturnSchema.parse(await (await respond(t, `2027/${A!.code}`, tokenA)).json());
    expect(opened.link.submittedAt).toEqual(expect.any(String));
    expect(opened.received).toMatchObject({
      cells: { provision: "routine", places_offered: "12" },
      by: "respondent link",
    });

    const corrected = await respond(t, `2027/${A!.code}/submit`, tokenA, {
      method: "POST",
      body: { cells: { ...opened.received!.cells, participants_started: "11", stage: "developmental" } },
    });
    expect(SubmittedReturnSchema.parse(await corrected.json())).toMatchObject({
      action: "changed",
      fields: ["stage", "participants_started"],
    });
    const batches = (await listImportBatches(t.db.db)).length;
    const same = await respond(t, `2027/${A!.code}/submit`, tokenA, {
      method: "POST",
      body: { cells: { ...opened.received!.cells, participants_started: "11", stage: "developmental" } },
    });
    expect(SubmittedReturnSchema.parse(await same.json()).action).toBe("unchanged");
    expect((await listImportBatches(t.db.db)).length).toBe(batches);
  });

  it("reissues a link: the old token stops working and the new one finds the draft", async () => {
    const drafted = await makeLinks(t, "2027", { orgCodes: [B!.code], reissue: true, by: "Survey team" });
    const first = linkFor(drafted, B!.code);
    await respond(t, `2027/${B!.code}/draft`, first.token, {
      method: "PUT",
      body: { cells: { provision: "paused", notes: "Teacher left" }, role: "mbct_teacher" },
    });
    const reissued = await makeLinks(t, "2027", { orgCodes: [B!.code], reissue: true });
    const second = linkFor(reissued, B!.code);
    expect(second.replacedLinkId).toBe(first.linkId);
    expect((await respond(t, `2027/${B!.code}`, first.token)).status).toBe(404);
    const opened = RespondentReturnSchema.parse(
      await (await respond(t, `2027/${B!.code}`, second.token)).json(),
    );
    expect(opened.draft).toMatchObject({
      cells: { provision: "paused", notes: "Teacher left" },
      role: "mbct_teacher",
    });
    const list = LinkListSchema.parse(
      await (await t.app.request("/api/waves/2027/links", { headers: admin })).json(),
    );
    const ofB = list.links.filter((l) => l.orgCode === B!.code);
    expect(ofB.map((l) => [l.current, l.works, l.state, l.revokedReason])).toEqual([
      [true, true, "draft_saved", null],
      [false, false, "revoked", "reissued"],
      [false, false, "revoked", "reissued"],
    ]);
    expect((await entry(t, B!.code)).link).toMatchObject({
      linkId: second.linkId,
      state: "draft_saved",
      openedAt: expect.any(String),
    });
  });

  it("revokes a link on the team's word: it opens nothing, and the tracker says revoked", async () => {
    const c = linkFor(await makeLinks(t, "2027", { orgCodes: [C!.code], reissue: true }), C!.code);
    const res = await t.app.request(`/api/waves/2027/links/${C!.code}/revoke?by=AJ`, {
      method: "POST",
      headers: admin,
    });
    expect(RevokeLinkResultSchema.parse(await res.json())).toMatchObject({
      action: "revoked",
      revokedLinkIds: [c.linkId],
    });
    const again = await t.app.request(`/api/waves/2027/links/${C!.code}/revoke`, {
      method: "POST",
      headers: admin,
    });
    expect((await again.json()).action).toBe("unchanged");
    expect((await respond(t, `2027/${C!.code}`, c.token)).status).toBe(404);
    expect((await entry(t, C!.code)).link).toMatchObject({ state: "revoked", revokedAt: expect.any(String) });
    const none = await t.app.request("/api/waves/2030/links/RV3/revoke", { method: "POST", headers: admin });
    expect(none.status).toBe(404);
    const tr = await tracker(t);
    expect(tr.links.revoked).toBe(1);
    expect(tr.links.submitted).toBe(1);
  });

  it("closes every link when the wave is published, and the public sees the returns", async () => {
    const publish = await t.app.request("/api/waves/2027/publish", { method: "POST", headers: admin });
    expect(publish.status).toBe(200);
    expect((await respond(t, `2027/${A!.code}`, tokenA)).status).toBe(404);
    const coverage = await t.app.request("/api/organisations?wave=2027");
    expect(coverage.status).toBe(200);
    const orgs = OrganisationsResponseSchema.parse(await coverage.json());
    expect(orgs.organisations.find((o) => o.code === A!.code)).toMatchObject({
      provision: "routine",
      stage: "developmental",
    });
    const list = LinkListSchema.parse(
      await (await t.app.request("/api/waves/2027/links", { headers: admin })).json(),
    );
    expect(list.waveState).toBe("published");
    expect(list.links.some((l) => l.works)).toBe(false);
    const more = await t.app.request("/api/waves/2027/links", { method: "POST", headers: admin });
    expect(more.status).toBe(409);
  });

  it("writes the links as CSV for a mail merge, header first", async () => {
    const res = await t.app.request("/api/waves/2028/links?format=csv", {
      method: "POST",
      headers: { ...admin, "Content-Type": "application/json" },
      body: JSON.stringify({ orgCodes: [A!.code, B!.code], expires: "2027-06-30" }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="mbct-atlas_respondent-links_2028.csv"',
    );
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("org_code,org_name,link,expires_at");
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.startsWith(`${A!.code},`))).toMatch(
      new RegExp(`/respond/2028/${A!.code}#t=[A-Za-z0-9_-]{43},2027-06-30T23:59:59\\.000Z$`),
    );
  });
});
