import { listAreas } from "@atlas/db";
import { AREA_LEVELS, AreasResponseSchema } from "@atlas/domain";
import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../deps";
import { PUBLIC } from "../openapi/security";
import type { Attribution } from "../reference/read-reference";
import { createRouter } from "../validation";

const route = createRoute({
  method: "get",
  path: "/api/areas",
  operationId: "listAreas",
  security: PUBLIC,
  summary: "Areas of the reference geography, with adult populations and parents",
  request: { query: z.object({ level: z.enum(AREA_LEVELS).optional() }) },
  responses: {
    200: { description: "Areas", content: { "application/json": { schema: AreasResponseSchema } } },
    400: { description: "Bad parameter (problem+json)" },
  },
});

export function areasRoutes({ db }: AppDeps, attribution: Attribution) {
  return createRouter().openapi(route, async (c) => {
    const { level } = c.req.valid("query");
    const areas = await listAreas(db.db, level);
    return c.json({ level: level ?? null, areas, attribution }, 200);
  });
}
