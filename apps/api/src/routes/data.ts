import { OpenAPIHono } from "@hono/zod-openapi";
import { createAtlasCache } from "../data/atlas-cache";
import type { AppDeps, AppEnv } from "../deps";
import type { ReferenceData } from "../reference/read-reference";
import { coverageRoutes } from "./coverage";
import { exportRoutes } from "./export";
import { factorsRoutes } from "./factors";
import { gapsRoutes } from "./gaps";
import { metricsRoutes } from "./metrics";
import { organisationsRoutes } from "./organisations";
import { transitionsRoutes } from "./transitions";
import { trendsRoutes } from "./trends";

/**
 * The data routes (metrics, coverage, trends, gaps, organisations, factors, transitions, export), sharing one
 * cache of the aggregation inputs keyed by the database's data version.
 */
export function dataRoutes({ db }: AppDeps, reference: ReferenceData) {
  const atlas = createAtlasCache(db);
  return new OpenAPIHono<AppEnv>()
    .route("/", metricsRoutes(reference))
    .route("/", coverageRoutes(atlas))
    .route("/", trendsRoutes(atlas))
    .route("/", gapsRoutes(atlas))
    .route("/", organisationsRoutes(atlas, db))
    .route("/", factorsRoutes(atlas))
    .route("/", transitionsRoutes(atlas))
    .route("/", exportRoutes(atlas, reference.attribution));
}
