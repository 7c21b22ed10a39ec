import { dumpTables, TEST_DIALECTS } from "@atlas/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../logger";
import { buildTestApp, type TestApp } from "../testing";
import { createLinks } from "./links";
import { RESPONDENT_LIMITS } from "./rate-limit";
import { ADMIN_TOKEN, admin, linkFor, makeLinks, OPEN_2027, respond } from "./test-support";
import { hashToken, linkUrl } from "./tokens";

const [A, B, C, D] = OPEN_2027;
const VALID = { cells: { provision: "routine", courses_run: "2", places_offered: "24" }, role: null };

/** What a client can tell about an answer: its status, the headers that matter, and the body but its ids. */
async function seen(res: Response) {
  const body = (await res.json()) as Record<string, unknown>;
  const { requestId, instance, ...rest } = body;
  expect(requestId).toEqual(expect.any(String));
  expect(instance).toEqual(expect.any(String));
  const headers = Object.fromEntries(
    [...res.headers.entries()].filter(([name]) => !["x-request-id", "date", "content-length"].includes(name)),
  );
  return { status: res.status, headers, body: rest };
}

const ROUTES = [
  { suffix: "", method: "GET" },
  { suffix: "/draft", method: "PUT", body: VALID },
  { suffix: "/submit", method: "POST", body: VALID },
] as const;

describe.each(TEST_DIALECTS)("respondent links refuse every wrong token alike on %s", (kind) => {
  let t: TestApp;
  let lines: string[];
  let tokens: Record<string, string>;
  beforeAll(async () => {
    lines = [];
    t = await buildTestApp(kind, {
      reference: true,
      config: { adminToken: ADMIN_TOKEN },
      logger: createLogger("debug", (line) => lines.push(line)),
      // High enough for this file's requests: the limits have their own test below.
      app: {
        respondentLimits: {
          ...RESPONDENT_LIMITS,
          perAddress: 10_000,
          failuresPerAddress: 10_000,
          global: 100_000,
        },
      },
    });
    const links = await makeLinks(t, "2027", { orgCodes: [A!.code, B!.code, C!.code, D!.code] });
    const other = await makeLinks(t, "2028", { orgCodes: [A!.code] });
    // A link that expired yesterday, made as if 61 days ago.
    const expired = await createLinks(t.db, {
      waveId: "2027",
      orgCodes: [C!.code],
      reissue: true,
      by: null,
      origin: "test",
      baseUrl: "http://localhost",
      now: new Date(Date.now() - 61 * 86_400_000),
    });
    const a = linkFor(links, A!.code).token;
    const d = linkFor(links, D!.code).token;
    expect(
      (await t.app.request(`/api/waves/2027/links/${D!.code}/revoke`, { method: "POST", headers: admin }))
        .status,
    ).toBe(200);
    tokens = {
      a,
      otherOrganisation: linkFor(links, B!.code).token,
      otherWave: linkFor(other, A!.code).token,
      expired: linkFor(expired, C!.code).token,
      revoked: d,
      tampered: `${a.slice(0, -1)}${a.endsWith("A") ? "B" : "A"}`,
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  it("answers a missing, tampered, another organisation's or wave's, expired and revoked token with one 404, storing nothing", async () => {
    // Each is tried where it is wrong: A's path for A's lookalikes, the expired and revoked links' own paths.
    const cases: [string, string, Record<string, string>][] = [
      ["missing", A!.code, {}],
      ["not a bearer token", A!.code, { Authorization: `Basic ${tokens.a}` }],
      ["tampered", A!.code, { Authorization: `Bearer ${tokens.tampered}` }],
      ["another organisation's", A!.code, { Authorization: `Bearer ${tokens.otherOrganisation}` }],
      ["another wave's", A!.code, { Authorization: `Bearer ${tokens.otherWave}` }],
      ["the admin token", A!.code, { Authorization: `Bearer ${ADMIN_TOKEN}` }],
      ["far too long", A!.code, { Authorization: `Bearer ${"a".repeat(5000)}` }],
      ["expired", C!.code, { Authorization: `Bearer ${tokens.expired}` }],
      ["revoked", D!.code, { Authorization: `Bearer ${tokens.revoked}` }],
    ];
    for (const route of ROUTES) {
      let first: Awaited<ReturnType<typeof seen>> | undefined;
      for (const [name, org, headers] of cases) {
        const before = JSON.stringify(await dumpTables(t.db.db));
        const res = await t.app.request(`/api/respond/2027/${org}${route.suffix}`, {
          method: route.method,
          headers: { ...headers, ...("body" in route ? { "Content-Type": "application/json" } : {}) },
          ...("body" in route ? { body: JSON.stringify(route.body) } : {}),
        });
        const answer = await seen(res);
        expect(answer.status, `${route.method} ${name}`).toBe(404);
        expect(JSON.stringify(await dumpTables(t.db.db)), `${route.method} ${name} stored something`).toBe(
          before,
        );
        first ??= answer;
        expect(answer, `${route.method} ${name}`).toEqual(first);
      }
      expect(first!.headers).toMatchObject({
        "content-type": "application/problem+json",
        "referrer-policy": "no-referrer",
      });
      expect(first!.headers["cache-control"]).toMatch(/no-store/);
      expect(first!.headers["www-authenticate"]).toBeUndefined();
      expect(first!.body).toMatchObject({
        status: 404,
        type: "https://mbct-atlas.example/problems/not-found",
      });
    }
    // The right token still works where it belongs.
    expect((await respond(t, `2027/${A!.code}`, tokens.a!)).status).toBe(200);
  });

  it("refuses oversized and malformed bodies, storing nothing", async () => {
    const bodies: [string, string, number][] = [
      ["over 32 KiB", JSON.stringify({ cells: { notes: "x".repeat(40_000) } }), 413],
      ["not JSON", '{"cells": {"provision": "routine"', 400],
      ["not an object", "[1,2,3]", 400],
      ["an unknown field", JSON.stringify({ cells: { provision: "routine", wave: "2026" } }), 400],
      [
        "another organisation named",
        JSON.stringify({ cells: { org_code: B!.code, provision: "routine" } }),
        400,
      ],
      ["a number for text", JSON.stringify({ cells: { places_offered: 12 } }), 400],
      ["a role not in the list", JSON.stringify({ cells: {}, role: "Dr Jane Smith" }), 400],
    ];
    for (const suffix of ["/draft", "/submit"]) {
      for (const [name, body, status] of bodies) {
        const before = JSON.stringify(await dumpTables(t.db.db));
        const res = await respond(t, `2027/${A!.code}${suffix}`, tokens.a!, {
          method: suffix === "/draft" ? "PUT" : "POST",
          body,
        });
        expect(res.status, `${suffix} ${name}`).toBe(status);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        expect(JSON.stringify(await dumpTables(t.db.db)), `${suffix} ${name} stored something`).toBe(before);
      }
    }
    // An invalid return is refused whole on submit (a draft may hold it).
    const before = JSON.stringify(await dumpTables(t.db.db));
    const invalid = await respond(t, `2027/${A!.code}/submit`, tokens.a!, {
      method: "POST",
      body: { cells: { provision: "routine", participants_completed: "9", participants_started: "4" } },
    });
    expect(invalid.status).toBe(422);
    expect(JSON.stringify(await dumpTables(t.db.db))).toBe(before);
  });

  it("refuses a replay after publication alike, storing nothing", async () => {
    const ok = await respond(t, `2027/${A!.code}/submit`, tokens.a!, { method: "POST", body: VALID });
    expect(ok.status).toBe(200);
    const missing = await seen(
      await respond(t, `2027/${A!.code}/submit`, null, { method: "POST", body: VALID }),
    );
    expect((await t.app.request("/api/waves/2027/publish", { method: "POST", headers: admin })).status).toBe(
      200,
    );
    for (const route of ROUTES) {
      const before = JSON.stringify(await dumpTables(t.db.db));
      const replay = await seen(
        await respond(t, `2027/${A!.code}${route.suffix}`, tokens.a!, {
          method: route.method,
          ...("body" in route ? { body: route.body } : {}),
        }),
      );
      expect(replay.status).toBe(404);
      if (route.suffix === "/submit") expect(replay).toEqual(missing);
      expect(JSON.stringify(await dumpTables(t.db.db))).toBe(before);
    }
  });

  it("writes no token to any log line, nor its hash", () => {
    expect(lines.length).toBeGreaterThan(20);
    // Refusals are logged with their reason (for the operator), never with what was presented.
    expect(lines.some((l) => l.includes('"reason":"expired"'))).toBe(true);
    expect(lines.some((l) => l.includes("respondent return submitted"))).toBe(true);
    for (const token of Object.values(tokens)) {
      for (const line of lines) {
        expect(line).not.toContain(token);
        expect(line).not.toContain(hashToken(token));
      }
    }
  });
});

describe.each(TEST_DIALECTS)("respondent rate limits on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(kind, {
      reference: true,
      config: { adminToken: ADMIN_TOKEN },
      app: { respondentLimits: { perAddress: 6, failuresPerAddress: 3, global: 1_000, windowMs: 60_000 } },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("answers 429 with Retry-After after too many refused lookups, then after too many requests", async () => {
    const links = await makeLinks(t, "2027", { orgCodes: [A!.code] });
    const token = linkFor(links, A!.code).token;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await respond(t, `2027/${A!.code}`, "wrong-token-xyz")).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
    const limited = await respond(t, `2027/${A!.code}`, token);
    // Even the right token waits now: the limit is the address's, so it says nothing about tokens.
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("referrer-policy")).toBe("no-referrer");
    expect((await limited.json()).type).toBe("https://mbct-atlas.example/problems/too-many-requests");
  });

  it("limits everyone together, whatever their addresses", async () => {
    const t2 = await buildTestApp(kind, {
      reference: true,
      config: { adminToken: ADMIN_TOKEN },
      app: { respondentLimits: { perAddress: 100, failuresPerAddress: 100, global: 5, windowMs: 60_000 } },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await respond(t2, "2027/RV3", null)).status);
      expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
    } finally {
      await t2.close();
    }
  });
});

describe("a link", () => {
  it("keeps its token in the fragment, which browsers never send to a server", () => {
    const url = new URL(linkUrl("https://atlas.example.nhs.uk", "2027", "RV3", "abc_DEF-123"));
    expect(url.pathname).toBe("/respond/2027/RV3");
    expect(url.search).toBe("");
    expect(url.hash).toBe("#t=abc_DEF-123");
  });
});
