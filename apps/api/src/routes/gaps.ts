import type { AtlasIndex } from "@atlas/domain";
import { computeGaps, GapsResponseSchema, memoise } from "@atlas/domain";
import { createRoute, z } from "@hono/zod-openapi";
import type { AtlasCache } from "../data/atlas-cache";
import { createRouter } from "../validation";
import { dataView, includeParam, levelParam, resolveWave, waveFlags, waveParam } from "./data-params";

export const gapsQuery = z.object({ wave: waveParam, level: levelParam, include: includeParam });

const route = createRoute({
  method: "get",
  path: "/api/gaps",
  summary:
    "Areas ranked by unmet provision, each with its reasons (no_offer, unknown, lost_provision, low_places)",
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
  const gaps = memoise(index, `gaps:${wave.id}:${query.level}`, () =>
    computeGaps(index, wave.id, query.level),
  );
  return { ...gaps, ...waveFlags(index, [wave.id]) };
}

export function gapsRoutes(atlas: AtlasCache) {
  return createRouter().openapi(route, async (c) =>
    c.json(gapsView((await dataView(atlas, c)).index, c.req.valid("query")), 200),
  );
}
