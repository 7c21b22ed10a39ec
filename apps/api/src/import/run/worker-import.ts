import { Worker } from "node:worker_threads";
import { type ImportSummary, sanitiseFileName } from "@atlas/domain";
import { ImportValidationError, rebuildError, type SerialisedError } from "../errors";
import type { ImportInput } from "../import-survey";

/** Heap a worker may use for one import; the largest allowed file needs far less (see tests/bench). */
export const IMPORT_WORKER_HEAP_MIB = 384;

/**
 * The worker thread's nice value (0 normal, 19 lowest), set before it loads any module: on Linux a thread
 * has its own, so the import yields the CPU to the server's request loop whenever both want it.
 */
export const IMPORT_NICE = 10;

export interface WorkerImportOptions {
  /** The worker's old-generation heap limit in MiB (past it the import is refused, the server unharmed). */
  maxHeapMiB?: number;
}

/** What the worker is given: the database to open, and the import input whole (structured clone). */
export interface ImportJob {
  databaseUrl: string | undefined;
  input: ImportInput;
}

export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; error: SerialisedError };

// A worker thread does not inherit tsx's loader, so a plain-JS bootstrap registers it and loads the entry.
const BOOTSTRAP = new URL("./worker-bootstrap.mjs", import.meta.url);
const ENTRY = new URL(`./import-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url);

/**
 * Runs `importSurveyFile` in a fresh worker thread and answers once the worker has exited (its memory
 * returned): the summary, or the worker's error rebuilt as its own class (see IMPORT_ERRORS).
 */
export function importInWorker(
  databaseUrl: string | undefined,
  input: ImportInput,
  options: WorkerImportOptions = {},
): Promise<ImportSummary> {
  const maxHeapMiB = options.maxHeapMiB ?? IMPORT_WORKER_HEAP_MIB;
  const job: ImportJob = { databaseUrl, input };
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, {
      workerData: { entry: ENTRY.href, nice: IMPORT_NICE, job },
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMiB },
    });
    let outcome: ImportOutcome | undefined;
    let failure: (Error & { code?: string }) | undefined;
    worker.on("message", (message: ImportOutcome) => {
      outcome = message;
    });
    worker.on("error", (error) => {
      failure = error;
    });
    worker.on("exit", (code) => {
      if (outcome?.ok) resolve(outcome.summary);
      else if (outcome) reject(rebuildError(outcome.error));
      else if (failure?.code === "ERR_WORKER_OUT_OF_MEMORY") {
        const file = sanitiseFileName(input.fileName);
        reject(
          new ImportValidationError(file, [
            {
              file,
              message: `reading this file needs more memory than one import may use (${maxHeapMiB} MiB); nothing was imported. Split it into smaller files, e.g. one per wave`,
            },
          ]),
        );
      } else reject(failure ?? new Error(`the import worker stopped (exit code ${code}) without an answer`));
    });
  });
}
