import type { AtlasIndex } from "@atlas/domain";
import {
  CoverageResponseSchema,
  cacheableNeed,
  computeCoverage,
  memoise,
  usesNeedModel,
} from "@atlas/domain";
import { createRoute, z } from "@hono/zod-openapi";
import type { AtlasCache } from "../data/atlas-cache";
import { PUBLIC_OR_ADMIN } from "../openapi/security";
import { createRouter } from "../validation";
import {
  dataView,
  includeParam,
  levelParam,
  metricParam,
  needParams,
  resolveNeed,
  resolveWave,
  waveFlags,
  waveParam,
} from "./data-params";
import { jsonAnswer } from "./json-answer";

export const coverageQuery = z.object({
  wave: waveParam,
  level: levelParam,
  metric: metricParam,
  include: includeParam,
  ...needParams,
});

const route = createRoute({
  method: "get",
  path: "/api/coverage",
  operationId: "getCoverage",
  security: PUBLIC_OR_ADMIN,
  summary:
    "One metric for every area (or organisation) of a level in one wave, with the UK and nations as comparators",
  request: { query: coverageQuery },
  responses: {
    200: { description: "Coverage", content: { "application/json": { schema: CoverageResponseSchema } } },
    400: { description: "Bad parameter (problem+json)" },
    404: { description: "Unknown wave (problem+json)" },
  },
});

/** The coverage view for validated parameters (shared with the export). */
export function coverageView(index: AtlasIndex, query: z.infer<typeof coverageQuery>) {
  const wave = resolveWave(index, query.wave);
  const need = usesNeedModel(query.metric) ? resolveNeed(query) : undefined;
  const view = () => ({
    ...computeCoverage(index, { waveId: wave.id, level: query.level, metric: query.metric, need }),
    ...waveFlags(index, [wave.id]),
  });
  // Only the default assumptions are memoised, so arbitrary assumptions cannot grow the cache.
  return cacheableNeed(need)
    ? memoise(index, `coverage:${wave.id}:${query.level}:${query.metric}`, view)
    : view();
}

export function coverageRoutes(atlas: AtlasCache) {
  return createRouter().openapi(route, async (c) =>
    jsonAnswer(c, coverageView((await dataView(atlas, c)).index, c.req.valid("query"))),
  );
}
