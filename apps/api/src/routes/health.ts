import { getDataVersion, listWaves } from "@atlas/db";
import { HealthSchema } from "@atlas/domain";
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../deps";
import { createRouter } from "../validation";

export const APP_VERSION = "0.1.0";

const route = createRoute({
  method: "get",
  path: "/api/health",
  summary: "Service and database status",
  responses: {
    200: { description: "Healthy", content: { "application/json": { schema: HealthSchema } } },
    503: { description: "Database unavailable (problem+json)" },
  },
});

export function healthRoutes({ db }: AppDeps) {
  return createRouter().openapi(route, async (c) => {
    // The ETag middleware has read the version already (it keys the ETag); reuse it.
    const [dataVersion, waves] = await Promise.all([
      c.get("dataVersion") ?? getDataVersion(db.db),
      listWaves(db.db),
    ]);
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
