import {
  PublicationResultSchema,
  parseChangeLabel,
  ResponseTrackerSchema,
  WaveStatusListSchema,
} from "@atlas/domain";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../deps";
import { toCsv } from "../export/csv";
import { WaveNotFoundError } from "../import/errors";
import { ADMIN_RESPONSES, CHANGE_BY_QUERY, PROBLEM_CONTENT, WAVE_ID_PATH } from "../openapi/responses";
import { ADMIN } from "../openapi/security";
import { ProblemError } from "../problem";
import { publishWave, unpublishWave } from "../survey-ops/publication";
import { listWaveStatuses, readWaveTracker } from "../survey-ops/wave-status";
import { createRouter } from "../validation";
import { clientAddress } from "./admin-auth";

const flag = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "true" || v === "1"));

const statusRoute = createRoute({
  method: "get",
  path: "/api/waves/status",
  operationId: "listWaveStatus",
  security: ADMIN,
  summary:
    "Admin: every stored wave with its state (draft or published, provisional), returns and last import",
  responses: {
    200: { description: "Waves", content: { "application/json": { schema: WaveStatusListSchema } } },
    ...ADMIN_RESPONSES,
  },
});

const trackerRoute = createRoute({
  method: "get",
  path: "/api/waves/{id}/tracker",
  operationId: "getWaveTracker",
  security: ADMIN,
  summary:
    "Admin: the response tracker of a wave: invited (open during the wave per the register), returned, no response, missing, by organisation with its last change and the state of its respondent link; format=csv gives the organisations still to chase",
  request: {
    params: WAVE_ID_PATH,
    query: z.object({
      format: z.enum(["json", "csv"]).default("json").openapi({
        description:
          "json (default): every invited organisation; csv: the ones still to chase (missing and no_response)",
      }),
    }),
  },
  responses: {
    200: {
      description: "The tracker",
      content: {
        "application/json": { schema: ResponseTrackerSchema },
        "text/csv": { schema: z.string() },
      },
    },
    400: { description: "Bad wave id or parameter", content: PROBLEM_CONTENT },
    ...ADMIN_RESPONSES,
  },
});

const publishRoute = createRoute({
  method: "post",
  path: "/api/waves/{id}/publish",
  operationId: "publishWave",
  security: ADMIN,
  summary:
    "Admin: make a wave public in one transaction (new public data version, so public ETags change); provisional=true|false sets or clears its provisional mark",
  request: {
    params: WAVE_ID_PATH,
    query: z.object({
      provisional: flag.openapi({
        description: "true: mark provisional; false: final; omitted: keep the mark as it is",
      }),
      by: CHANGE_BY_QUERY,
    }),
  },
  responses: {
    200: {
      description: "Published (or already so)",
      content: { "application/json": { schema: PublicationResultSchema } },
    },
    400: { description: "Bad wave id or parameter", content: PROBLEM_CONTENT },
    404: { description: "No such wave is stored", content: PROBLEM_CONTENT },
    ...ADMIN_RESPONSES,
  },
});

const unpublishRoute = createRoute({
  method: "post",
  path: "/api/waves/{id}/unpublish",
  operationId: "unpublishWave",
  security: ADMIN,
  summary:
    "Admin: make a published wave a draft again: gone from every public read (new public data version), still seen with include=drafts",
  request: { params: WAVE_ID_PATH, query: z.object({ by: CHANGE_BY_QUERY }) },
  responses: {
    200: {
      description: "A draft now (or already so)",
      content: { "application/json": { schema: PublicationResultSchema } },
    },
    400: { description: "Bad wave id or parameter", content: PROBLEM_CONTENT },
    404: { description: "No such wave is stored", content: PROBLEM_CONTENT },
    ...ADMIN_RESPONSES,
  },
});

function changeLabel(raw: string | undefined): string | null {
  const by = parseChangeLabel(raw);
  if (!by.ok) throw new ProblemError("bad_request", by.message, [{ parameter: "by", message: by.message }]);
  return by.label;
}

function notFound(error: unknown): never {
  if (error instanceof WaveNotFoundError) {
    throw new ProblemError("not_found", `id: ${error.message}`, [
      { parameter: "id", message: `unknown wave "${error.waveId}"`, allowed: error.known },
    ]);
  }
  throw error;
}

const TRACKER_CSV_COLUMNS = [
  "wave",
  "org_code",
  "org_name",
  "org_type",
  "area_code",
  "area_name",
  "status",
  "last_change_at",
  "last_change_by",
  "link_state",
  "link_expires_at",
  "link_opened_at",
  "link_draft_saved_at",
];

/**
 * The survey team's routes (admin token, the same guard and failure limit as imports): the wave list with
 * states, publication, and the response tracker. Each is documented in /api/openapi.json.
 */
export function waveAdminRoutes({ db, logger }: AppDeps, guard: MiddlewareHandler<AppEnv>) {
  const router = createRouter();
  router.use("/api/waves/status", guard);
  router.use("/api/waves/:id/tracker", guard);
  router.use("/api/waves/:id/publish", guard);
  router.use("/api/waves/:id/unpublish", guard);

  router.openapi(statusRoute, async (c) => c.json(await listWaveStatuses(db), 200));

  router.openapi(trackerRoute, async (c) => {
    const { id } = c.req.valid("param");
    const tracker = await readWaveTracker(db, id);
    if (c.req.valid("query").format === "json") return c.json(tracker, 200);
    const chase = tracker.organisations.filter((o) => o.status !== "returned");
    // Header on line 1, like every CSV the atlas writes, so spreadsheets and R read it as it is.
    const csv = toCsv(
      TRACKER_CSV_COLUMNS,
      chase.map((o) => ({
        wave: id,
        org_code: o.code,
        org_name: o.name,
        org_type: o.type,
        area_code: o.areaCode,
        area_name: o.areaName,
        status: o.status,
        last_change_at: o.lastChange?.at ?? null,
        last_change_by: o.lastChange?.by ?? null,
        link_state: o.link.state,
        link_expires_at: o.link.expiresAt,
        link_opened_at: o.link.openedAt,
        link_draft_saved_at: o.link.draftSavedAt,
      })),
    );
    return c.body(csv, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="mbct-atlas_tracker_${id}_to-chase.csv"`,
    }) as never;
  });

  const origin = (c: Context<AppEnv>) => `api:${clientAddress(c)}`;
  router.openapi(publishRoute, async (c) => {
    const { id } = c.req.valid("param");
    const query = c.req.valid("query");
    const by = changeLabel(query.by);
    const result = await publishWave(db, id, {
      by,
      origin: origin(c),
      ...(query.provisional === undefined ? {} : { provisional: query.provisional }),
    }).catch(notFound);
    logger.info("publish", {
      requestId: c.get("requestId"),
      wave: id,
      action: result.action,
      by,
      origin: origin(c),
    });
    return c.json(result, 200);
  });

  router.openapi(unpublishRoute, async (c) => {
    const { id } = c.req.valid("param");
    const by = changeLabel(c.req.valid("query").by);
    const result = await unpublishWave(db, id).catch(notFound);
    logger.info("unpublish", {
      requestId: c.get("requestId"),
      wave: id,
      action: result.action,
      by,
      origin: origin(c),
    });
    return c.json(result, 200);
  });
  return router;
}
