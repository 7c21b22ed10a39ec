import { listWaves, waveResponseCounts } from "@atlas/db";
import { WavesResponseSchema } from "@atlas/domain";
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../deps";
import { createRouter } from "../validation";

const route = createRoute({
  method: "get",
  path: "/api/waves",
  summary: "Survey waves, oldest first, with how many organisations were invited and answered",
  responses: {
    200: { description: "Waves", content: { "application/json": { schema: WavesResponseSchema } } },
  },
});

export function wavesRoutes({ db }: AppDeps) {
  return createRouter().openapi(route, async (c) => {
    const [waves, counts] = await Promise.all([listWaves(db.db), waveResponseCounts(db.db)]);
    return c.json(
      {
        waves: waves.map((w) => ({
          ...w,
          organisationsInvited: counts.get(w.id)?.invited ?? 0,
          returns: counts.get(w.id)?.answered ?? 0,
        })),
        synthetic: waves.some((w) => w.synthetic),
      },
      200,
    );
  });
}
