import { listWaveRecords, waveResponseCounts } from "@atlas/db";
import { WavesResponseSchema } from "@atlas/domain";
import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../deps";
import { PUBLIC_OR_ADMIN } from "../openapi/security";
import { createRouter } from "../validation";
import { includeParam } from "./data-params";

const route = createRoute({
  method: "get",
  path: "/api/waves",
  operationId: "listWaves",
  security: PUBLIC_OR_ADMIN,
  summary:
    "Survey waves, oldest first, with how many organisations were invited and answered, and whether each is provisional (drafts only with include=drafts)",
  request: { query: z.object({ include: includeParam }) },
  responses: {
    200: { description: "Waves", content: { "application/json": { schema: WavesResponseSchema } } },
    401: { description: "include=drafts without a valid admin token (problem+json)" },
    403: { description: "include=drafts on a server without ATLAS_ADMIN_TOKEN (problem+json)" },
  },
});

export function wavesRoutes({ db }: AppDeps) {
  return createRouter().openapi(route, async (c) => {
    const [records, counts] = await Promise.all([listWaveRecords(db.db), waveResponseCounts(db.db)]);
    const drafts = c.get("includeDrafts") === true;
    const waves = records
      .filter((w) => drafts || w.published)
      .map(({ revision: _revision, publishedBy: _by, ...w }) => ({
        ...w,
        state: w.published ? ("published" as const) : ("draft" as const),
        organisationsInvited: counts.get(w.id)?.invited ?? 0,
        returns: counts.get(w.id)?.answered ?? 0,
      }));
    return c.json({ waves, synthetic: waves.some((w) => w.synthetic) }, 200);
  });
}
