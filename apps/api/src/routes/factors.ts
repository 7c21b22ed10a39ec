import { type AtlasIndex, computeFactors, FactorsResponseSchema, memoise } from "@atlas/domain";
import { createRoute, z } from "@hono/zod-openapi";
import type { AtlasCache } from "../data/atlas-cache";
import { PUBLIC_OR_ADMIN } from "../openapi/security";
import { createRouter } from "../validation";
import { dataView, includeParam, resolveWave, waveFlags, waveParam } from "./data-params";
import { jsonAnswer } from "./json-answer";

export const factorsQuery = z.object({ wave: waveParam, include: includeParam });

const route = createRoute({
  method: "get",
  path: "/api/factors",
  operationId: "getFactors",
  security: PUBLIC_OR_ADMIN,
  summary: "Facilitators and barriers against implementation stage in one wave (counts and shares)",
  request: { query: factorsQuery },
  responses: {
    200: { description: "Factors", content: { "application/json": { schema: FactorsResponseSchema } } },
    400: { description: "Bad parameter (problem+json)" },
    404: { description: "Unknown wave (problem+json)" },
  },
});

/** The factors view for validated parameters (shared with the export). */
export function factorsView(index: AtlasIndex, query: z.infer<typeof factorsQuery>) {
  const wave = resolveWave(index, query.wave);
  return memoise(index, `factors:${wave.id}`, () => ({
    ...computeFactors(index, wave.id),
    ...waveFlags(index, [wave.id]),
  }));
}

export function factorsRoutes(atlas: AtlasCache) {
  return createRouter().openapi(route, async (c) =>
    jsonAnswer(c, factorsView((await dataView(atlas, c)).index, c.req.valid("query"))),
  );
}
