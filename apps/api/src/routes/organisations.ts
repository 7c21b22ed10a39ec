import type { AtlasIndex } from "@atlas/domain";
import {
  listOrganisationsAt,
  memoise,
  OrganisationDetailSchema,
  OrganisationsResponseSchema,
  organisationDetail,
} from "@atlas/domain";
import { createRoute, z } from "@hono/zod-openapi";
import type { AtlasCache } from "../data/atlas-cache";
import { ProblemError } from "../problem";
import { createRouter } from "../validation";
import { areaCodeParam, resolveArea, resolveWave, waveParam } from "./data-params";

export const organisationsQuery = z.object({ wave: waveParam, area: areaCodeParam });

const listRoute = createRoute({
  method: "get",
  path: "/api/organisations",
  summary: "Organisations in a wave (optionally within an area), with provision, stage and places",
  request: { query: organisationsQuery },
  responses: {
    200: {
      description: "Organisations",
      content: { "application/json": { schema: OrganisationsResponseSchema } },
    },
    400: { description: "Bad parameter (problem+json)" },
    404: { description: "Unknown wave or area (problem+json)" },
  },
});

const detailRoute = createRoute({
  method: "get",
  path: "/api/organisations/{code}",
  summary: "One organisation, its area, predecessors and successor, and its journey over every wave",
  request: {
    params: z.object({
      code: z
        .string()
        .regex(/^[A-Za-z0-9]{1,20}$/, "an organisation code, e.g. RV3")
        .openapi({ param: { name: "code", in: "path" }, example: "RV3" }),
    }),
  },
  responses: {
    200: {
      description: "Organisation",
      content: { "application/json": { schema: OrganisationDetailSchema } },
    },
    400: { description: "Bad code (problem+json)" },
    404: { description: "Unknown organisation (problem+json)" },
  },
});

/** The organisations view for validated parameters (shared with the export). */
export function organisationsView(index: AtlasIndex, query: z.infer<typeof organisationsQuery>) {
  const wave = resolveWave(index, query.wave);
  const area = query.area === undefined ? null : resolveArea(index, query.area);
  return {
    wave: wave.id,
    area,
    synthetic: wave.synthetic,
    organisations: memoise(index, `organisations:${wave.id}:${area}`, () =>
      listOrganisationsAt(index, wave.id, area),
    ),
  };
}

export function organisationsRoutes(atlas: AtlasCache) {
  return createRouter()
    .openapi(listRoute, async (c) =>
      c.json(organisationsView((await atlas.current(c.get("dataVersion"))).index, c.req.valid("query")), 200),
    )
    .openapi(detailRoute, async (c) => {
      const { index } = await atlas.current(c.get("dataVersion"));
      const { code } = c.req.valid("param");
      const detail = organisationDetail(index, code);
      if (!detail) {
        throw new ProblemError("not_found", `code: no organisation "${code}"`, [
          { parameter: "code", message: `unknown organisation "${code}"` },
        ]);
      }
      return c.json(detail, 200);
    });
}
