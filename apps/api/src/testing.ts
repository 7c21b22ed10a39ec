import type { DatabaseKind } from "@atlas/db";
import { openTestDb, type TestDb } from "@atlas/db/testing";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { type AppOptions, createApp } from "./app";
import type { AppEnv } from "./deps";
import { type Config, testConfig } from "./env";
import { createLogger, type Logger } from "./logger";
import { loadReference } from "./reference/load-reference";
import { readReference } from "./reference/read-reference";

export interface TestApp {
  app: OpenAPIHono<AppEnv>;
  db: TestDb;
  config: Config;
  close(): Promise<void>;
}

/**
 * A real app over a real, isolated, migrated database of the given kind.
 * `reference: true` loads the committed reference geography (4 nations, 10 regions, 68 local areas).
 */
export async function buildTestApp(
  kind: DatabaseKind,
  options: {
    reference?: boolean;
    config?: Partial<Config>;
    /** A logger to read (default: silent). */
    logger?: Logger;
    app?: Omit<AppOptions, "reference">;
  } = {},
): Promise<TestApp> {
  const db = await openTestDb(kind);
  const reference = readReference();
  if (options.reference) await loadReference(db, reference);
  const config = testConfig(options.config);
  const app = createApp(
    { db, config, logger: options.logger ?? createLogger("silent") },
    { ...options.app, reference },
  );
  return { app, db, config, close: () => db.close() };
}
