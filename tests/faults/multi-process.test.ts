import { readFileSync } from "node:fs";
import { openTestDb, type TestDb } from "@atlas/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, type ServerProcess, startServer } from "../support/server-process";

const TOKEN = "multi-process-test-token-0123456789";

/** Two stateless API processes behind no load balancer at all, sharing one PostgreSQL schema. */
describe("several API processes on one PostgreSQL", () => {
  let database: TestDb;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    database = await openTestDb("postgres", { migrate: false });
    const env = { DATABASE_URL: database.url, ATLAS_DEMO: "0", ATLAS_ADMIN_TOKEN: TOKEN };
    a = await startServer(env);
    b = await startServer(env);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.close();
  });

  it("both serve, and an import through one is visible through the other at once", async () => {
    for (const s of [a, b]) expect((await fetch(`${s.url}/api/areas?level=nation`)).status).toBe(200);

    // B's client holds a cached copy, keyed by ETag.
    const before = await fetch(`${b.url}/api/waves`);
    const etag = before.headers.get("etag")!;
    expect(((await before.json()) as { waves: unknown[] }).waves).toHaveLength(0);

    const orgCode = readFileSync(`${REPO_ROOT}data/reference/organisations.csv`, "utf8")
      .split("\n")[1]!
      .split(",")[0]!;
    const imported = await fetch(`${a.url}/api/imports`, {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "text/csv" },
      body: `wave,org_code,provision\n2030,${orgCode},routine\n`,
    });
    expect(imported.status).toBe(201);

    const revalidated = await fetch(`${b.url}/api/waves`, { headers: { "If-None-Match": etag } });
    expect(revalidated.status).toBe(200);
    const body = (await revalidated.json()) as { waves: { id: string }[] };
    expect(body.waves.map((w) => w.id)).toEqual(["2030"]);
  });
});
