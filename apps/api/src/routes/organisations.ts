import { type AtlasDb, listRevisions } from "@atlas/db";
import type { AtlasIndex, ReturnRevision } from "@atlas/domain";
import {
  listOrganisationsAt,
  listRegister,
  memoise,
  OrganisationDetailSchema,
  OrganisationsResponseSchema,
  organisationDetail,
  successorName,
} from "@atlas/domain";
import { createRoute, z } from "@hono/zod-openapi";
import type { AtlasCache } from "../data/atlas-cache";
import { PUBLIC_OR_ADMIN } from "../openapi/security";
import { ProblemError } from "../problem";
import { createRouter } from "../validation";
import {
  areaCodeParam,
  dataView,
  includeParam,
  resolveArea,
  resolveWave,
  waveFlags,
  waveParam,
} from "./data-params";
import { jsonAnswer } from "./json-answer";

export const organisationsQuery = z.object({
  wave: waveParam.openapi({
    description:
      "Survey wave id (YYYY or YYYY-MM): the organisations that existed in it, with their answers. Without it, the register: every organisation in the reference data, open and closed, whether or not any wave exists",
    example: "2024",
  }),
  area: areaCodeParam,
  include: includeParam,
});

const listRoute = createRoute({
  method: "get",
  path: "/api/organisations",
  operationId: "listOrganisations",
  security: PUBLIC_OR_ADMIN,
  summary:
    "The register of organisations (open and closed, with dates, area and successor), or with `wave` the organisations in that wave with provision, stage and places",
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
  operationId: "getOrganisation",
  security: PUBLIC_OR_ADMIN,
  summary:
    "One organisation, its area, predecessors and successor, its journey over every wave, and the revisions of its returns",
  request: {
    params: z.object({
      code: z
        .string()
        .regex(/^[A-Za-z0-9]{1,20}$/, "an organisation code, e.g. RV3")
        .openapi({ param: { name: "code", in: "path" }, example: "RV3" }),
    }),
    query: z.object({ include: includeParam }),
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

/** The organisations view for validated parameters (shared with the export): the register without a wave. */
export function organisationsView(index: AtlasIndex, query: z.infer<typeof organisationsQuery>) {
  const area = query.area === undefined ? null : resolveArea(index, query.area);
  if (query.wave === undefined) {
    return {
      wave: null,
      area,
      synthetic: false,
      ...waveFlags(index, []),
      organisations: memoise(index, `register:${area}`, () => listRegister(index, area), { reference: true }),
    };
  }
  const wave = resolveWave(index, query.wave);
  return {
    wave: wave.id,
    area,
    synthetic: wave.synthetic,
    ...waveFlags(index, [wave.id]),
    organisations: memoise(index, `organisations:${wave.id}:${area}`, () =>
      listOrganisationsAt(index, wave.id, area).map((o) => ({
        ...o,
        successorName: successorName(index, o),
      })),
    ),
  };
}

export function organisationsRoutes(atlas: AtlasCache, db: AtlasDb) {
  return createRouter()
    .openapi(listRoute, async (c) =>
      c.json(organisationsView((await dataView(atlas, c)).index, c.req.valid("query")), 200),
    )
    .openapi(detailRoute, async (c) => {
      const { index, drafts } = await dataView(atlas, c);
      const { code } = c.req.valid("param");
      const detail = organisationDetail(index, code);
      if (!detail) {
        throw new ProblemError("not_found", `code: no organisation "${code}"`, [
          { parameter: "code", message: `unknown organisation "${code}"` },
        ]);
      }
      // Built once per data version (imports that change revisions change the version); a failed read is
      // not kept.
      const key = `organisation:${code}:${drafts ? "drafts" : "public"}`;
      const body = await memoise(index, key, () =>
        organisationBody(db, index, detail, drafts).catch((error: unknown) => {
          index.memo.delete(key);
          throw error;
        }),
      );
      return jsonAnswer(c, body);
    });
}

/** One organisation's answer: its detail, the waves' flags, and the revisions of the waves this reader may see. */
async function organisationBody(
  db: AtlasDb,
  index: AtlasIndex,
  detail: NonNullable<ReturnType<typeof organisationDetail>>,
  drafts: boolean,
) {
  // The technical origin of a revision (a user name, an address) only to admins.
  const stored = await listRevisions(db.db, {
    orgCode: detail.organisation.code,
    waveIds: index.waves.map((w) => w.id),
  });
  const revisions: ReturnRevision[] = stored.map((r) => ({
    waveId: r.waveId,
    at: r.importedAt,
    file: r.fileName,
    checksum: r.checksum,
    action: r.action,
    fields: r.fields,
    by: r.byLabel,
    mode: r.mode,
    ...(drafts ? { origin: r.importedBy } : {}),
  }));
  const flags = waveFlags(
    index,
    detail.journey.map((s) => s.waveId),
  );
  return { ...detail, ...flags, revisions };
}
