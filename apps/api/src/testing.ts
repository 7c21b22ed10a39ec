import type { DatabaseKind } from "@atlas/db";
import { openTestDb, type TestDb } from "@atlas/db/testing";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { type AppOptions, createApp } from "./app";
import type { AppEnv } from "./deps";
import { type Config, testConfig } from "./env";
import { workerImports } from "./import/run/import-runner";
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
 * `importsInWorker: true` runs `POST /api/imports` in a worker thread, as the server does (otherwise in process).
 */
export async function buildTestApp(
  kind: DatabaseKind,
  options: {
    reference?: boolean;
    config?: Partial<Config>;
    /** Run imports in a worker thread, as the server does (default: in process). */
    importsInWorker?: boolean;
    /** A logger to read (default: silent). */
    logger?: Logger;
    app?: Omit<AppOptions, "reference">;
  } = {},
): Promise<TestApp> {
  const db = await openTestDb(kind);
  const reference = readReference();
  if (options.reference) await loadReference(db, reference);
  const config = testConfig(options.config);
  const imports = options.importsInWorker ? workerImports(db.url) : undefined;
  const app = createApp(
    { db, config, logger: options.logger ?? createLogger("silent"), imports },
    { ...options.app, reference },
  );
  return { app, db, config, close: () => db.close() };
}

export { lyingSheetPart, workbookWithSheets } from "./import/xlsx/test-workbooks";
