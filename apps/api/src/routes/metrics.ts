import { METRICS, MetricsResponseSchema } from "@atlas/domain";
import { createRoute } from "@hono/zod-openapi";
import { createRouter } from "../validation";

const route = createRoute({
  method: "get",
  path: "/api/metrics",
  summary:
    "The metric catalogue: each metric's definition, numerator, denominator, unit, polarity and interval method",
  responses: {
    200: { description: "Metrics", content: { "application/json": { schema: MetricsResponseSchema } } },
  },
});

export function metricsRoutes() {
  return createRouter().openapi(route, (c) => c.json({ metrics: [...METRICS] }, 200));
}
