import type { AtlasDb } from "@atlas/db";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { RequestIdVariables } from "hono/request-id";
import type { Config } from "./env";
import type { ImportRunner } from "./import/run/import-runner";
import type { Logger } from "./logger";

/** What the app is built from. Tests build it with a real test database; the server with the configured one. */
export interface AppDeps {
  db: AtlasDb;
  config: Config;
  logger: Logger;
  /** Runs `POST /api/imports` one at a time; the server's runs in a worker thread. Default: on `db`, in process. */
  imports?: ImportRunner;
}

/** Per-request values: the request id, and the data version the ETag middleware read for this request. */
export type AppEnv = { Variables: RequestIdVariables & { dataVersion?: string } };
export type RouteModule = OpenAPIHono<AppEnv>;
