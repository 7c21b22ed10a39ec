import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import type { AtlasDb } from "@atlas/db";
import { formatProblemLine, type ImportSummary, WAVE_ID_PATTERN } from "@atlas/domain";
import { argsError, type CommandIo, EXIT, processIo } from "../cli-exit";
import { currentUser } from "../cli-user";
import {
  ImportConfirmationError,
  ImportConflictError,
  ImportOptionError,
  ImportValidationError,
} from "./errors";
import { importSurveyFile } from "./import-survey";

/** Largest file the CLI reads; the HTTP route has its own (smaller) limit. */
const MAX_CLI_FILE_BYTES = 100 * 1024 * 1024;

/** The import command's exit statuses (see cli-exit.ts and data/survey-format.md). */
export const IMPORT_EXIT = EXIT;

const USAGE = `Usage: pnpm atlas import FILE [--add | --replace] [--dry-run] [--draft] [--provisional]
                         [--by NAME] [--confirm-shrink] [--confirm-waves LIST] [--sheet NAME]
                         [--synthetic] [--json]

  FILE                a survey file, CSV (UTF-8) or XLSX, as documented in data/survey-format.md
  --add               add or update the file's returns and keep each wave's others
  --replace           make each wave's returns exactly the file's (without --add or --replace, waves that
                      already have returns are refused)
  --dry-run           validate and report the diff per wave, storing nothing
  --draft             waves the file creates are drafts: invisible to public reads until \`pnpm atlas publish\`
  --provisional       mark every wave in the file provisional
  --by NAME           who is importing (a name or initials, up to 60 characters), recorded with every change
  --confirm-shrink    confirm a replace that removes more than 10% of a wave's returns
  --confirm-waves LIST  confirm the file holds exactly these waves, e.g. 2026,2027 (needed for several waves)
  --sheet NAME        the workbook sheet to read (otherwise the one visible sheet whose first row names survey
                      columns; hidden sheets are never read)
  --synthetic         mark the waves as synthetic (always so when the file name contains "synthetic")
  --json              print the import summary as JSON instead of the text lines

Exit status: 0 done, 1 invalid file, 2 usage, 3 conflict, 4 refused until confirmed, 5 database unavailable.`;

const OPTIONS = {
  add: { type: "boolean" },
  replace: { type: "boolean" },
  "dry-run": { type: "boolean" },
  draft: { type: "boolean" },
  provisional: { type: "boolean" },
  by: { type: "string" },
  "confirm-shrink": { type: "boolean" },
  "confirm-waves": { type: "string" },
  sheet: { type: "string" },
  synthetic: { type: "boolean" },
  json: { type: "boolean" },
  help: { type: "boolean" },
} as const;

/** The per-wave diff, in full (the summary line shortens long lists). */
function diffLines(summary: ImportSummary): string[] {
  return summary.waves.map((w) => {
    const { diff } = w;
    const list = (codes: string[]) => (codes.length > 0 ? `: ${codes.join(", ")}` : "");
    const changed = diff.changed.map((c) => `${c.orgCode} (${c.fields.join(", ")})`);
    return `  wave ${w.waveId} [${w.action}, ${w.state}${w.provisional ? ", provisional" : ""}]: ${diff.counts.added} added${list(diff.added)}; ${diff.counts.changed} changed${list(changed)}; ${diff.counts.removed} removed${list(diff.removed)}; ${diff.counts.unchanged} unchanged`;
  });
}

/**
 * `pnpm atlas import FILE [options]`: prints a summary and the diff per wave and returns 0, or prints what
 * is wrong (every problem as `file:row:column: message`) and returns the status saying what kind of
 * refusal it is (see EXIT). A database that cannot be reached is thrown for the CLI to report (status 5).
 */
export async function runImportCommand(
  db: AtlasDb,
  args: readonly string[],
  io: CommandIo = processIo,
): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`import: ${argsError(error)}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(`${USAGE}\n`);
    return EXIT.ok;
  }
  const usage = (why: string) => {
    io.err(`import: ${why}\n\n${USAGE}\n`);
    return EXIT.usage;
  };
  if (positionals.length !== 1) return usage("name exactly one file");
  if (values.add && values.replace) return usage("--add and --replace cannot both be given; choose one");
  const confirmWaves = values["confirm-waves"]?.split(",").map((w) => w.trim());
  const badWave = confirmWaves?.find((w) => !WAVE_ID_PATTERN.test(w));
  if (badWave !== undefined) {
    return usage(
      `--confirm-waves: "${badWave}" is not a wave id; list waves as YYYY or YYYY-MM, e.g. 2026,2027`,
    );
  }

  const path = positionals[0]!;
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_CLI_FILE_BYTES) {
      io.err(
        `import: ${path} is ${size} bytes; the limit is ${MAX_CLI_FILE_BYTES} (split the file by wave)\n`,
      );
      return EXIT.invalid;
    }
    bytes = readFileSync(path);
  } catch (error) {
    io.err(`import: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.usage;
  }

  try {
    const summary = await importSurveyFile(db, {
      fileName: path,
      bytes,
      mode: values.add ? "add" : values.replace ? "replace" : "create",
      dryRun: values["dry-run"] === true,
      synthetic: values.synthetic === true,
      draft: values.draft === true,
      provisional: values.provisional === true,
      confirmShrink: values["confirm-shrink"] === true,
      ...(confirmWaves ? { confirmWaves } : {}),
      by: values.by ?? null,
      sheet: values.sheet,
      importedBy: `cli:${currentUser()}`,
    });
    if (values.json) {
      io.out(`${JSON.stringify(summary, null, 2)}\n`);
      return EXIT.ok;
    }
    io.out(`${summary.message}\n`);
    for (const line of diffLines(summary)) io.out(`${line}\n`);
    if (summary.status !== "unchanged") io.out(`checksum sha256:${summary.checksum}\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ImportValidationError) {
      for (const problem of error.problems) io.err(`${formatProblemLine(problem)}\n`);
      io.err(`${error.message}\n`);
      return EXIT.invalid;
    }
    if (error instanceof ImportOptionError) return usage(error.detail);
    if (error instanceof ImportConflictError) {
      io.err(`${error.message}\n`);
      return EXIT.conflict;
    }
    if (error instanceof ImportConfirmationError) {
      for (const reason of error.reasons) {
        if (reason.kind !== "several_waves") continue;
        const [main, ...others] = reason.waves;
        for (const w of others) {
          w.rows.slice(0, 500).forEach((row, i) => {
            io.err(
              `${error.file}:${row}:wave: row ${row} (${w.orgCodes[i]}) is in wave ${w.waveId}; the other ${main?.rows.length} rows are in wave ${main?.waveId}\n`,
            );
          });
        }
      }
      io.err(`${error.message}\n`);
      return EXIT.confirm;
    }
    throw error;
  }
}
