import { readFileSync, statSync } from "node:fs";
import { userInfo } from "node:os";
import type { AtlasDb } from "@atlas/db";
import { formatProblemLine } from "@atlas/domain";
import { ImportConflictError, ImportValidationError } from "./errors";
import { importSurveyFile } from "./import-survey";

/** Largest file the CLI reads; the HTTP route has its own (smaller) limit. */
const MAX_CLI_FILE_BYTES = 100 * 1024 * 1024;

/** Exit codes: 0 imported (or unchanged, or a valid dry run), 1 invalid file, 2 usage, 3 wave exists. */
export const IMPORT_EXIT = { ok: 0, invalid: 1, usage: 2, conflict: 3 } as const;

const USAGE = `Usage: pnpm atlas import FILE [--dry-run] [--replace] [--synthetic] [--sheet NAME]

  FILE          a survey file, CSV (UTF-8) or XLSX, as documented in data/survey-format.md
  --dry-run     validate and report what would change, storing nothing
  --replace     replace the stored returns of waves the file holds (otherwise such waves are refused)
  --synthetic   mark the waves as synthetic (always so when the file name contains "synthetic")
  --sheet NAME  the workbook sheet to read (otherwise the one visible sheet whose first row names survey
                columns; hidden sheets are never read)`;

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CommandIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

/**
 * `pnpm atlas import FILE [--dry-run] [--replace] [--synthetic]`: prints a summary and returns 0, or prints
 * every problem as `file:row:column: message` and returns non-zero (see IMPORT_EXIT).
 */
export async function runImportCommand(
  db: AtlasDb,
  args: readonly string[],
  io: CommandIo = processIo,
): Promise<number> {
  const sheetOption = takeValue(args, "--sheet");
  if (!sheetOption.ok) {
    io.err(`import: --sheet needs a sheet name, e.g. --sheet "2026 returns"\n\n${USAGE}\n`);
    return IMPORT_EXIT.usage;
  }
  const rest = sheetOption.rest;
  const flags = new Set(rest.filter((a) => a.startsWith("--")));
  const files = rest.filter((a) => !a.startsWith("--"));
  const unknown = [...flags].filter((f) => !["--dry-run", "--replace", "--synthetic", "--help"].includes(f));
  if (flags.has("--help")) {
    io.out(`${USAGE}\n`);
    return IMPORT_EXIT.ok;
  }
  if (files.length !== 1 || unknown.length > 0) {
    const why = unknown.length > 0 ? `unknown option ${unknown.join(", ")}` : "name exactly one file";
    io.err(`import: ${why}\n\n${USAGE}\n`);
    return IMPORT_EXIT.usage;
  }
  const path = files[0]!;
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_CLI_FILE_BYTES) {
      io.err(
        `import: ${path} is ${size} bytes; the limit is ${MAX_CLI_FILE_BYTES} (split the file by wave)\n`,
      );
      return IMPORT_EXIT.invalid;
    }
    bytes = readFileSync(path);
  } catch (error) {
    io.err(`import: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return IMPORT_EXIT.usage;
  }

  try {
    const summary = await importSurveyFile(db, {
      fileName: path,
      bytes,
      replace: flags.has("--replace"),
      dryRun: flags.has("--dry-run"),
      synthetic: flags.has("--synthetic"),
      sheet: sheetOption.value,
      importedBy: `cli:${currentUser()}`,
    });
    io.out(`${summary.message}\n`);
    if (summary.status !== "unchanged") io.out(`checksum sha256:${summary.checksum}\n`);
    return IMPORT_EXIT.ok;
  } catch (error) {
    if (error instanceof ImportValidationError) {
      for (const problem of error.problems) io.err(`${formatProblemLine(problem)}\n`);
      io.err(`${error.message}\n`);
      return IMPORT_EXIT.invalid;
    }
    if (error instanceof ImportConflictError) {
      io.err(`${error.message}\n`);
      return IMPORT_EXIT.conflict;
    }
    throw error;
  }
}

/** An option with a value (`--sheet NAME` or `--sheet=NAME`), and the arguments without it. */
function takeValue(
  args: readonly string[],
  name: string,
): { ok: true; value: string | undefined; rest: string[] } | { ok: false } {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === name) {
      const next = args[i + 1];
      if (next === undefined || next.startsWith("--") || next.trim() === "") return { ok: false };
      value = next;
      i++;
    } else if (arg.startsWith(`${name}=`)) {
      value = arg.slice(name.length + 1);
      if (value.trim() === "") return { ok: false };
    } else rest.push(arg);
  }
  return { ok: true, value, rest };
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}
