import {
  CreatedLinksSchema,
  CreateLinksRequestSchema,
  LinkListSchema,
  parseChangeLabel,
  RevokeLinkResultSchema,
} from "@atlas/domain";
import { createRoute, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppDeps, AppEnv } from "../deps";
import { publicBaseUrl } from "../env";
import { ADMIN_RESPONSES, CHANGE_BY_QUERY, PROBLEM_CONTENT, WAVE_ID_PATH } from "../openapi/responses";
import { ADMIN } from "../openapi/security";
import { ProblemError } from "../problem";
import { LinkRequestError } from "../respondent/errors";
import { createLinks, listLinks, revokeLink } from "../respondent/links";
import { linksCsv } from "../respondent/links-csv";
import { createRouter } from "../validation";
import { clientAddress } from "./admin-auth";

const security = ADMIN;

const createRouteDef = createRoute({
  method: "post",
  path: "/api/waves/{id}/links",
  operationId: "createRespondentLinks",
  summary:
    "Admin: make respondent links for a draft wave: one per organisation open during it, or for those named; organisations with a working link are skipped unless reissue. The links (with their tokens) are in this answer only",
  security,
  request: {
    params: WAVE_ID_PATH,
    query: z.object({
      format: z.enum(["json", "csv"]).default("json").openapi({
        description: "json (default), or csv: org_code, org_name, link, expires_at for a mail merge",
      }),
    }),
    body: {
      required: false,
      content: { "application/json": { schema: CreateLinksRequestSchema } },
      description:
        "Optional: orgCodes, expires, reissue, by. An empty body makes links for every invited organisation.",
    },
  },
  responses: {
    201: {
      description: "Links made (or none needed): the only time their tokens are shown",
      content: {
        "application/json": { schema: CreatedLinksSchema },
        "text/csv": { schema: z.string() },
      },
    },
    400: {
      description: "Bad body: unknown or closed organisations, a bad expiry, a bad by",
      content: PROBLEM_CONTENT,
    },
    409: { description: "The wave is published: links are for draft waves", content: PROBLEM_CONTENT },
    ...ADMIN_RESPONSES,
  },
});

const listRoute = createRoute({
  method: "get",
  path: "/api/waves/{id}/links",
  operationId: "listRespondentLinks",
  summary:
    "Admin: every respondent link made for the wave, by organisation, with its state and times (never a token)",
  security,
  request: { params: WAVE_ID_PATH },
  responses: {
    200: { description: "Links", content: { "application/json": { schema: LinkListSchema } } },
    400: { description: "Bad wave id", content: PROBLEM_CONTENT },
    ...ADMIN_RESPONSES,
  },
});

const revokeRouteDef = createRoute({
  method: "post",
  path: "/api/waves/{id}/links/{org}/revoke",
  operationId: "revokeRespondentLink",
  summary:
    "Admin: revoke an organisation's respondent link for the wave: it stops opening the form (its draft and any submitted return are kept)",
  security,
  request: {
    params: WAVE_ID_PATH.extend({
      org: z
        .string()
        .regex(/^[A-Za-z0-9]{1,20}$/, "an organisation code, e.g. RV3")
        .openapi({ param: { name: "org", in: "path" }, example: "RV3" }),
    }),
    query: z.object({
      by: CHANGE_BY_QUERY,
    }),
  },
  responses: {
    200: {
      description: "Revoked (or nothing left to revoke)",
      content: { "application/json": { schema: RevokeLinkResultSchema } },
    },
    400: { description: "Bad wave id, code or by", content: PROBLEM_CONTENT },
    404: { description: "The organisation has no link for this wave", content: PROBLEM_CONTENT },
    ...ADMIN_RESPONSES,
  },
});

function changeLabel(raw: string | undefined): string | null {
  const by = parseChangeLabel(raw);
  if (!by.ok) throw new ProblemError("bad_request", by.message, [{ parameter: "by", message: by.message }]);
  return by.label;
}

function linkProblem(error: unknown): unknown {
  if (!(error instanceof LinkRequestError)) return error;
  return new ProblemError(error.kind, error.message, error.details);
}

/**
 * The survey team's respondent-link routes (the admin token, the app's one guard and failure limit): make
 * or reissue links, list them with their states, revoke one. data/survey-format.md §8.
 */
export function linkAdminRoutes({ db, config, logger }: AppDeps, guard: MiddlewareHandler<AppEnv>) {
  const router = createRouter();
  router.use("/api/waves/:id/links", guard);
  router.use("/api/waves/:id/links/*", guard);
  router.use(
    "/api/waves/:id/links",
    bodyLimit({
      maxSize: 256 * 1024,
      onError: () => {
        throw new ProblemError("payload_too_large", "The request body is larger than 256 KiB.");
      },
    }),
  );
  const origin = (c: Parameters<typeof clientAddress>[0]) => `api:${clientAddress(c)}`;

  router.openapi(createRouteDef, async (c) => {
    const { id } = c.req.valid("param");
    const { format } = c.req.valid("query");
    // An empty body (no Content-Type) asks for every invited organisation.
    const body = c.req.header("content-type")?.includes("application/json") ? c.req.valid("json") : {};
    const by = changeLabel(body.by);
    const result = await createLinks(db, {
      waveId: id,
      ...(body.orgCodes ? { orgCodes: body.orgCodes } : {}),
      ...(body.expires === undefined ? {} : { expires: body.expires }),
      reissue: body.reissue === true,
      by,
      origin: origin(c),
      baseUrl: publicBaseUrl(config),
      warnings: config.publicUrl
        ? []
        : [
            `ATLAS_PUBLIC_URL is not set, so the links point at ${publicBaseUrl(config)}; set it to the address respondents reach this server at and reissue them.`,
          ],
    }).catch((error: unknown) => {
      throw linkProblem(error);
    });
    logger.info("respondent links made", {
      requestId: c.get("requestId"),
      wave: id,
      created: result.created.length,
      skipped: result.skipped.length,
      by,
      origin: origin(c),
    });
    // The answer holds the tokens: no cache may keep it.
    c.header("Cache-Control", "no-store");
    if (format === "csv") {
      return c.body(linksCsv(result), 201, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="mbct-atlas_respondent-links_${id}.csv"`,
      }) as never;
    }
    return c.json(result, 201);
  });

  router.openapi(listRoute, async (c) => c.json(await listLinks(db, c.req.valid("param").id), 200));

  router.openapi(revokeRouteDef, async (c) => {
    const { id, org } = c.req.valid("param");
    const by = changeLabel(c.req.valid("query").by);
    const result = await revokeLink(db, id, org, { by, origin: origin(c) }).catch((error: unknown) => {
      throw linkProblem(error);
    });
    logger.info("respondent link revoked", {
      requestId: c.get("requestId"),
      wave: id,
      org,
      action: result.action,
      by,
      origin: origin(c),
    });
    return c.json(result, 200);
  });
  return router;
}
