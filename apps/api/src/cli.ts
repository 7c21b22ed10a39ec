import { connect, migrateToLatest, parseDatabaseUrl } from "@atlas/db";
import { readConfig } from "./env";
import { createLogger } from "./logger";
import { seed } from "./seed";

const USAGE = `Usage: pnpm atlas <command>

Commands:
  migrate                          bring the database schema up to date
  seed                             load reference data (and demo data unless ATLAS_DEMO=0) into an empty database
  import FILE [--dry-run] [--replace] [--sheet NAME]
                                   validate and import a survey file (CSV or XLSX); see data/survey-format.md
                                   (an empty database gets the reference data first, never the demo waves)

Environment: DATABASE_URL (default sqlite:var/atlas.sqlite), ATLAS_DEMO, LOG_LEVEL.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const config = readConfig();
  const logger = createLogger(config.logLevel === "info" ? "error" : config.logLevel);
  const db = connect(parseDatabaseUrl(config.databaseUrl));
  try {
    switch (command) {
      case "migrate": {
        const result = await migrateToLatest(db);
        const applied = result.results?.map((r) => r.migrationName) ?? [];
        process.stdout.write(applied.length ? `applied: ${applied.join(", ")}\n` : "schema is up to date\n");
        return 0;
      }
      case "seed":
        await migrateToLatest(db);
        await seed(db, config, logger);
        process.stdout.write("seeded\n");
        return 0;
      case "import": {
        await migrateToLatest(db);
        // Returns name reference organisations: a first import into a fresh database loads the reference
        // geography (never the demo waves), so it works before the server has ever been started.
        await seed(db, { loadDemo: false }, logger);
        const { runImportCommand } = await import("./import/import-command");
        return await runImportCommand(db, rest);
      }
      default:
        process.stderr.write(`unknown command "${command}"\n\n${USAGE}\n`);
        return 2;
    }
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
