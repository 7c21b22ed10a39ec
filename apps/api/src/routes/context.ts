import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ContextResponseSchema, type ContextSeries, ContextSeriesSchema } from "@atlas/domain";
import { createRoute } from "@hono/zod-openapi";
import { PUBLIC } from "../openapi/security";
import { REFERENCE_DIR } from "../paths";
import { createRouter } from "../validation";

const route = createRoute({
  method: "get",
  path: "/api/context",
  operationId: "getContext",
  security: PUBLIC,
  summary:
    "Real national context series shown beside the survey (NHS Talking Therapies mindfulness appointments, England), each with its measure, source and licence; never synthetic, never merged with survey values",
  responses: {
    200: {
      description: "Context series",
      content: { "application/json": { schema: ContextResponseSchema } },
    },
  },
});

/** Every series in data/reference/context, validated (a malformed file stops the server at start-up). */
export function readContextSeries(dir = join(REFERENCE_DIR, "context")): ContextSeries[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const parsed = ContextSeriesSchema.safeParse(JSON.parse(readFileSync(join(dir, f), "utf8")));
      if (!parsed.success) throw new Error(`${join(dir, f)}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** Context series are part of the release, read once at start-up, like the boundaries. */
export function contextRoutes() {
  const body = { series: readContextSeries() };
  return createRouter().openapi(route, (c) => c.json(body, 200));
}
