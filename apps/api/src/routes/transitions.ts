import { type AtlasIndex, computeTransitions, memoise, TransitionsResponseSchema } from "@atlas/domain";
import { createRoute, z } from "@hono/zod-openapi";
import type { AtlasCache } from "../data/atlas-cache";
import { PUBLIC_OR_ADMIN } from "../openapi/security";
import { ProblemError } from "../problem";
import { createRouter } from "../validation";
import { dataView, includeParam, resolveWave, waveFlags, waveParam } from "./data-params";
import { jsonAnswer } from "./json-answer";

export const transitionsQuery = z.object({
  from: waveParam.openapi({ description: "Earlier wave; default the wave before `to`" }),
  to: waveParam.openapi({ description: "Later wave; default the latest wave" }),
  include: includeParam,
});

const route = createRoute({
  method: "get",
  path: "/api/transitions",
  operationId: "getTransitions",
  security: PUBLIC_OR_ADMIN,
  summary: "Organisations moving between stages and provision levels from one wave to another",
  request: { query: transitionsQuery },
  responses: {
    200: {
      description: "Transitions",
      content: { "application/json": { schema: TransitionsResponseSchema } },
    },
    400: { description: "Bad parameter (problem+json)" },
    404: { description: "Unknown wave (problem+json)" },
  },
});

/** The transitions view for validated parameters (shared with the export). */
export function transitionsView(index: AtlasIndex, query: z.infer<typeof transitionsQuery>) {
  const to = resolveWave(index, query.to, "to");
  let fromId = query.from;
  if (fromId === undefined) {
    const i = index.waves.indexOf(to);
    if (i < 1)
      throw new ProblemError("not_found", `from: there is no wave before ${to.id}; name one`, [
        { parameter: "from", message: "no earlier wave" },
      ]);
    fromId = index.waves[i - 1]!.id;
  }
  const from = resolveWave(index, fromId, "from");
  return memoise(index, `transitions:${from.id}:${to.id}`, () => ({
    ...computeTransitions(index, from.id, to.id),
    ...waveFlags(index, [from.id, to.id]),
  }));
}

export function transitionsRoutes(atlas: AtlasCache) {
  return createRouter().openapi(route, async (c) =>
    jsonAnswer(c, transitionsView((await dataView(atlas, c)).index, c.req.valid("query"))),
  );
}
