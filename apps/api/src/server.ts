import { connect, migrateToLatest, parseDatabaseUrl } from "@atlas/db";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { readConfig } from "./env";
import { workerImports } from "./import/run/import-runner";
import { createLogger } from "./logger";
import { WEB_DIST_DIR } from "./paths";
import { seed } from "./seed";
import { webStatic } from "./web-static";

const config = readConfig();
const logger = createLogger(config.logLevel);
const db = connect(parseDatabaseUrl(config.databaseUrl));

try {
  await migrateToLatest(db);
  await seed(db, config, logger);
} catch (error) {
  logger.error("start-up failed", { error: String(error) });
  await db.close();
  process.exit(1);
}

// Imports run in a worker thread with their own connection, so the request loop keeps serving reads.
const imports = workerImports(config.databaseUrl);
const app = createApp({ db, config, logger, imports }, { mountWeb: webStatic(WEB_DIST_DIR, config, db) });
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  logger.info("listening", { url: `http://localhost:${info.port}`, database: db.kind });
});

// Stop accepting, let in-flight requests finish, then close the pool.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    logger.info("shutting down", { signal });
    server.close(() => {
      void db.close().then(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
