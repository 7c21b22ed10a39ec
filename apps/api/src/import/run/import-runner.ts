import type { AtlasDb } from "@atlas/db";
import type { ImportSummary } from "@atlas/domain";
import { type ImportInput, importSurveyFile } from "../import-survey";
import { importInWorker, type WorkerImportOptions } from "./worker-import";

/** The process's one import slot, held from before the upload is read until the import has finished. */
export interface ImportSlot {
  run(input: ImportInput): Promise<ImportSummary>;
  release(): void;
}

/** Runs imports one at a time per process; `reserve()` is undefined while another import holds the slot. */
export interface ImportRunner {
  reserve(): ImportSlot | undefined;
}

/** Seconds a client is asked to wait (`Retry-After`) when an import is already running. */
export const IMPORT_RETRY_AFTER_SECONDS = 10;

function oneAtATime(run: (input: ImportInput) => Promise<ImportSummary>): ImportRunner {
  let busy = false;
  return {
    reserve() {
      if (busy) return undefined;
      busy = true;
      let released = false;
      return {
        run,
        release() {
          if (released) return;
          released = true;
          busy = false;
        },
      };
    },
  };
}

/** Imports on the calling thread, through the app's own connection (tests; the CLI calls importSurveyFile). */
export function inProcessImports(db: Pick<AtlasDb, "db" | "kind">): ImportRunner {
  return oneAtATime((input) => importSurveyFile(db, input));
}

/**
 * Imports in a worker thread with its own connection to the same database (SQLite in WAL mode keeps serving
 * reads on the server's connection while the worker writes; PostgreSQL uses another connection), so decoding,
 * validation and the import transaction never hold up the server's request loop.
 */
export function workerImports(
  databaseUrl: string | undefined,
  options: WorkerImportOptions = {},
): ImportRunner {
  return oneAtATime((input) => importInWorker(databaseUrl, input, options));
}
