import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { TEST_POSTGRES_URL } from "@atlas/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, type ServerProcess, startServer } from "../support/server-process";

const TOKEN = "multi-process-test-token-0123456789";

/** Two stateless API processes behind no load balancer at all, sharing one PostgreSQL schema. */
describe("several API processes on one PostgreSQL", () => {
  const schema = `t_mp_${randomBytes(4).toString("hex")}`;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const url = new URL(TEST_POSTGRES_URL);
    url.searchParams.set("schema", schema);
    const env = { DATABASE_URL: url.toString(), ATLAS_DEMO: "0", ATLAS_ADMIN_TOKEN: TOKEN };
    a = await startServer(env);
    b = await startServer(env);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
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
