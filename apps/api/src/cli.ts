import { connect, migrateToLatest, parseDatabaseUrl } from "@atlas/db";
import { EXIT } from "./cli-exit";
import { readConfig } from "./env";
import { createLogger } from "./logger";
import { isDatabaseUnavailable } from "./problem";
import { seed } from "./seed";

const USAGE = `Usage: pnpm atlas <command>

Commands:
  migrate                          bring the database schema up to date
  seed                             load reference data (and demo data unless ATLAS_DEMO=0) into an empty database
  import FILE [--add | --replace] [--dry-run] [--draft] [--provisional] [--by NAME]
              [--confirm-shrink] [--confirm-waves LIST] [--sheet NAME] [--synthetic] [--json]
                                   validate and import a survey file (CSV or XLSX); see data/survey-format.md
                                   (an empty database gets the reference data first, never the demo waves)
  template WAVE [--out DIR]        write survey-template-WAVE.csv and .xlsx, pre-filled with a row per
                                   organisation open during the wave
  publish WAVE [--provisional | --final] [--by NAME]
                                   make a draft wave public (or set or clear its provisional mark)
  unpublish WAVE [--by NAME]       make a published wave a draft again
  links WAVE [--out FILE] [--expires DATE] [--by NAME] [--org CODES] [--reissue]
                                   make a private respondent link per organisation invited to a draft wave and
                                   write them to a new CSV (org_code, org_name, link, expires_at)

Exit status: 0 done, 1 invalid file, 2 usage, 3 conflict, 4 refused until confirmed, 5 database
unavailable, 6 no such wave, 70 internal error (see data/survey-format.md).

Environment: DATABASE_URL (default sqlite:var/atlas.sqlite), ATLAS_DEMO, ATLAS_PUBLIC_URL (links), LOG_LEVEL.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    process.stdout.write(`${USAGE}\n`);
    return command ? EXIT.ok : EXIT.usage;
  }
  const known = ["migrate", "seed", "import", "template", "publish", "unpublish", "links"];
  if (!known.includes(command)) {
    process.stderr.write(`unknown command "${command}"\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  const config = readConfig();
  const logger = createLogger(config.logLevel === "info" ? "error" : config.logLevel);
  const db = connect(parseDatabaseUrl(config.databaseUrl));
  try {
    const migrated = await migrateToLatest(db);
    switch (command) {
      case "migrate": {
        const applied = migrated.results?.map((r) => r.migrationName) ?? [];
        process.stdout.write(applied.length ? `applied: ${applied.join(", ")}\n` : "schema is up to date\n");
        return EXIT.ok;
      }
      case "seed":
        await seed(db, config, logger);
        process.stdout.write("seeded\n");
        return EXIT.ok;
      case "import":
      case "template":
      case "links": {
        // Returns, templates and links name reference organisations: a fresh database gets the reference geography
        // first (never the demo waves), so these work before the server has ever been started.
        await seed(db, { loadDemo: false }, logger);
        if (command === "links") {
          const { runLinksCommand } = await import("./respondent/links-command");
          return await runLinksCommand(db, config, rest);
        }
        if (command === "template") {
          const { runTemplateCommand } = await import("./survey-ops/commands");
          return await runTemplateCommand(db, rest);
        }
        const { runImportCommand } = await import("./import/import-command");
        return await runImportCommand(db, rest);
      }
      default: {
        const { runPublicationCommand } = await import("./survey-ops/commands");
        return await runPublicationCommand(db, command as "publish" | "unpublish", rest);
      }
    }
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (isDatabaseUnavailable(error)) {
      process.stderr.write(
        `error: the database cannot be reached (${message}); nothing was done, try again\n`,
      );
      process.exit(EXIT.databaseUnavailable);
    }
    process.stderr.write(`error: ${message}\n`);
    process.exit(EXIT.internal);
  },
);
