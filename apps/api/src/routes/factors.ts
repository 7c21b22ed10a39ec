import { computeFactors, FactorsResponseSchema, memoise } from "@atlas/domain";
import { createRoute, z } from "@hono/zod-openapi";
import type { AtlasCache } from "../data/atlas-cache";
import { createRouter } from "../validation";
import { resolveWave, waveParam } from "./data-params";

const route = createRoute({
  method: "get",
  path: "/api/factors",
  summary: "Facilitators and barriers against implementation stage in one wave (counts and shares)",
  request: { query: z.object({ wave: waveParam }) },
  responses: {
    200: { description: "Factors", content: { "application/json": { schema: FactorsResponseSchema } } },
    400: { description: "Bad parameter (problem+json)" },
    404: { description: "Unknown wave (problem+json)" },
  },
});

export function factorsRoutes(atlas: AtlasCache) {
  return createRouter().openapi(route, async (c) => {
    const { index } = await atlas.current(c.get("dataVersion"));
    const wave = resolveWave(index, c.req.valid("query").wave);
    return c.json(
      memoise(index, `factors:${wave.id}`, () => computeFactors(index, wave.id)),
      200,
    );
  });
}
