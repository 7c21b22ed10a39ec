import type { AtlasIndex } from "@atlas/domain";
import { cacheableNeed, computeGaps, GapsResponseSchema, memoise } from "@atlas/domain";
import { createRoute, z } from "@hono/zod-openapi";
import type { AtlasCache } from "../data/atlas-cache";
import { PUBLIC_OR_ADMIN } from "../openapi/security";
import { createRouter } from "../validation";
import {
  dataView,
  includeParam,
  levelParam,
  needParams,
  resolveNeed,
  resolveWave,
  waveFlags,
  waveParam,
} from "./data-params";
import { jsonAnswer } from "./json-answer";

export const gapsQuery = z.object({
  wave: waveParam,
  level: levelParam,
  include: includeParam,
  ...needParams,
});

const route = createRoute({
  method: "get",
  path: "/api/gaps",
  operationId: "listGaps",
  security: PUBLIC_OR_ADMIN,
  summary:
    "Areas ranked by unmet places (need model), largest first, each with its reasons and what closing the gap would take; areas where nobody answered listed apart as unknown",
  request: { query: gapsQuery },
  responses: {
    200: { description: "Gaps", content: { "application/json": { schema: GapsResponseSchema } } },
    400: { description: "Bad parameter (problem+json)" },
    404: { description: "Unknown wave (problem+json)" },
  },
});

/** The gaps view for validated parameters (shared with the export). */
export function gapsView(index: AtlasIndex, query: z.infer<typeof gapsQuery>) {
  const wave = resolveWave(index, query.wave);
  const need = resolveNeed(query);
  const view = () => ({ ...computeGaps(index, wave.id, query.level, need), ...waveFlags(index, [wave.id]) });
  return cacheableNeed(need) ? memoise(index, `gaps:${wave.id}:${query.level}`, view) : view();
}

export function gapsRoutes(atlas: AtlasCache) {
  return createRouter().openapi(route, async (c) =>
    jsonAnswer(c, gapsView((await dataView(atlas, c)).index, c.req.valid("query"))),
  );
}
