import { ProblemSchema } from "@atlas/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresCluster, type PostgresCluster } from "../support/postgres-cluster";
import { type ServerProcess, startServer } from "../support/server-process";

const READS = ["/api/health", "/api/waves", "/api/areas?level=region"];

async function get(url: string) {
  return fetch(url, { signal: AbortSignal.timeout(10_000) });
}

describe("PostgreSQL stops while the API serves", () => {
  let cluster: PostgresCluster;
  let server: ServerProcess;

  beforeAll(async () => {
    cluster = await createPostgresCluster();
    server = await startServer({ DATABASE_URL: cluster.url, ATLAS_DEMO: "0" });
  });
  afterAll(async () => {
    await server?.stop();
    cluster?.destroy();
  });

  it("answers 503 problem+json, stays up, and serves again when the database is back", async () => {
    for (const path of READS) expect((await get(`${server.url}${path}`)).status, path).toBe(200);

    cluster.stop();
    for (const path of READS) {
      const res = await get(`${server.url}${path}`);
      expect(res.status, path).toBe(503);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.headers.get("retry-after")).toBe("5");
      const problem = ProblemSchema.parse(await res.json());
      expect(problem.detail).toMatch(/database/i);
    }
    expect(server.child.exitCode).toBeNull();

    cluster.start();
    let recovered = false;
    for (let attempt = 0; attempt < 60 && !recovered; attempt++) {
      recovered = (await get(`${server.url}/api/areas?level=region`)).status === 200;
      if (!recovered) await new Promise((r) => setTimeout(r, 500));
    }
    expect(recovered).toBe(true);
    for (const path of READS) expect((await get(`${server.url}${path}`)).status, path).toBe(200);
  });
});
