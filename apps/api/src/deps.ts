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

/**
 * Per-request values: the request id; the data version the ETag middleware read for this request (the public
 * one, or the full one for `include=drafts`); whether this read includes drafts; whether the admin token was
 * checked.
 */
export type AppEnv = {
  Variables: RequestIdVariables & { dataVersion?: string; includeDrafts?: boolean; admin?: boolean };
};
export type RouteModule = OpenAPIHono<AppEnv>;
