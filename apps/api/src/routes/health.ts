import { listWaves } from "@atlas/db";
import { HealthSchema } from "@atlas/domain";
import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../deps";
import { PUBLIC } from "../openapi/security";
import { createRouter } from "../validation";
import { includeParam } from "./data-params";

export const APP_VERSION = "0.1.0";

const route = createRoute({
  method: "get",
  path: "/api/health",
  operationId: "getHealth",
  security: PUBLIC,
  summary:
    "Service and database status, the public data version, and how many waves are public (with include=drafts: the full version and every wave)",
  request: { query: z.object({ include: includeParam }) },
  responses: {
    200: { description: "Healthy", content: { "application/json": { schema: HealthSchema } } },
    503: { description: "Database unavailable (problem+json)" },
  },
});

export function healthRoutes({ db }: AppDeps) {
  return createRouter().openapi(route, async (c) => {
    const drafts = c.get("includeDrafts") === true;
    // The ETag middleware has read the version it keys on (public, or full for drafts): report that one.
    const dataVersion = c.get("dataVersion") ?? "0";
    const waves = await listWaves(db.db, { publishedOnly: !drafts });
    return c.json(
      {
        status: "ok" as const,
        database: db.kind,
        dataVersion,
        waves: waves.length,
        synthetic: waves.some((w) => w.synthetic),
        version: APP_VERSION,
      },
      200,
    );
  });
}
