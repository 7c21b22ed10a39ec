import { AREA_LEVELS } from "@atlas/domain";
import { createRoute, z } from "@hono/zod-openapi";
import { PUBLIC } from "../openapi/security";
import { readBoundaries } from "../reference/read-reference";
import { createRouter } from "../validation";

const route = createRoute({
  method: "get",
  path: "/api/boundaries/{level}",
  operationId: "getBoundaries",
  security: PUBLIC,
  summary: "TopoJSON boundaries of one level (object `areas`, properties code and name)",
  request: { params: z.object({ level: z.enum(AREA_LEVELS) }) },
  responses: {
    200: {
      description: "TopoJSON topology",
      content: { "application/json": { schema: z.object({ type: z.literal("Topology") }).passthrough() } },
    },
    400: { description: "Unknown level (problem+json)" },
  },
});

/** Boundaries are read once at start-up: they are part of the release, not of the database. */
export function boundariesRoutes() {
  const topologies = new Map(AREA_LEVELS.map((level) => [level, readBoundaries(level)]));
  return createRouter().openapi(route, (c) => {
    const { level } = c.req.valid("param");
    return c.body(topologies.get(level)!, 200, { "Content-Type": "application/json; charset=utf-8" });
  });
}
