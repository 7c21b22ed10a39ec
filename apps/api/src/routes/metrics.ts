import {
  capacityFor,
  DEFAULT_NEED_ASSUMPTIONS,
  METRICS,
  MetricsResponseSchema,
  NEED_PARAMETERS,
  UK_NAME,
} from "@atlas/domain";
import { createRoute } from "@hono/zod-openapi";
import { PUBLIC } from "../openapi/security";
import type { ReferenceData } from "../reference/read-reference";
import { createRouter } from "../validation";

const route = createRoute({
  method: "get",
  path: "/api/metrics",
  operationId: "listMetrics",
  security: PUBLIC,
  summary:
    "The metric catalogue (definition, numerator, denominator, unit, polarity, interval method, comparison rule) and the need model's assumptions",
  responses: {
    200: { description: "Metrics", content: { "application/json": { schema: MetricsResponseSchema } } },
  },
});

const DESCRIPTION =
  "Places needed a year = atRisk × commissionPct/100, shared among areas by their adult (18+) population; courses = places ÷ groupSize; teachers = courses × teachersPerCourse ÷ coursesPerTeacher; cost = places × costPerPlace (2015 prices). Every assumption is a query parameter of the same id on coverage, trends, gaps and export.";

export function metricsRoutes(reference: Pick<ReferenceData, "areas">) {
  const adults = reference.areas
    .filter((a) => a.level === "nation")
    .reduce((s, a) => s + a.adultPopulation, 0);
  const placesNeeded = DEFAULT_NEED_ASSUMPTIONS.atRisk * (DEFAULT_NEED_ASSUMPTIONS.commissionPct / 100);
  const capacity = capacityFor(placesNeeded, DEFAULT_NEED_ASSUMPTIONS);
  const body = {
    metrics: [...METRICS],
    needModel: {
      description: `${DESCRIPTION} ${UK_NAME} with the defaults:`,
      parameters: [...NEED_PARAMETERS],
      assumptions: { ...DEFAULT_NEED_ASSUMPTIONS },
      uk: {
        adults,
        placesNeeded,
        courses: capacity.courses,
        teachers: capacity.teachers,
        cost: capacity.cost,
      },
    },
  };
  return createRouter().openapi(route, (c) => c.json(body, 200));
}
