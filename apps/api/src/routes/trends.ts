import type { AtlasIndex } from "@atlas/domain";
import { cacheableNeed, computeTrends, memoise, TrendsResponseSchema, usesNeedModel } from "@atlas/domain";
import { createRoute, z } from "@hono/zod-openapi";
import type { AtlasCache } from "../data/atlas-cache";
import { PUBLIC_OR_ADMIN } from "../openapi/security";
import { createRouter } from "../validation";
import {
  basisParam,
  codeListParam,
  dataView,
  includeParam,
  levelParam,
  metricParam,
  needParams,
  resolveCodes,
  resolveNeed,
  waveFlags,
} from "./data-params";
import { jsonAnswer } from "./json-answer";

export const trendsQuery = z.object({
  metric: metricParam,
  level: levelParam,
  areas: codeListParam.openapi({
    description:
      "Comma-separated codes of the level (K02000001 for the UK at nation level); default every one",
    example: "E40000003,E40000005",
  }),
  basis: basisParam,
  include: includeParam,
  ...needParams,
});

const route = createRoute({
  method: "get",
  path: "/api/trends",
  operationId: "getTrends",
  security: PUBLIC_OR_ADMIN,
  summary: "A series per area over every wave, each point with value, interval, status and merger marks",
  request: { query: trendsQuery },
  responses: {
    200: { description: "Trends", content: { "application/json": { schema: TrendsResponseSchema } } },
    400: { description: "Bad parameter (problem+json)" },
    404: { description: "Unknown area code (problem+json)" },
  },
});

/** The trends view for validated parameters (shared with the export). */
export function trendsView(index: AtlasIndex, query: z.infer<typeof trendsQuery>) {
  const codes = resolveCodes(index, query.level, query.areas);
  const need = usesNeedModel(query.metric) ? resolveNeed(query) : undefined;
  const view = () => ({
    ...computeTrends(index, { metric: query.metric, level: query.level, codes, basis: query.basis, need }),
    ...waveFlags(
      index,
      index.waves.map((w) => w.id),
    ),
  });
  // Only the unfiltered series for the default assumptions are memoised, so arbitrary code lists and
  // assumptions cannot grow the cache.
  return codes === null && cacheableNeed(need)
    ? memoise(index, `trends:${query.metric}:${query.level}:${query.basis}`, view)
    : view();
}

export function trendsRoutes(atlas: AtlasCache) {
  return createRouter().openapi(route, async (c) =>
    jsonAnswer(c, trendsView((await dataView(atlas, c)).index, c.req.valid("query"))),
  );
}
