import type { SurveyFileProblem } from "@atlas/domain";

/** The file is not valid: nothing was stored. Carries every problem found (up to the listing limit). */
export class ImportValidationError extends Error {
  constructor(
    readonly file: string,
    readonly problems: SurveyFileProblem[],
    /** All problems found, including any beyond the listing limit. */
    readonly problemCount: number = problems.length,
  ) {
    super(
      `${file}: ${problemCount} ${problemCount === 1 ? "problem" : "problems"} found; nothing was imported`,
    );
    this.name = "ImportValidationError";
  }
}

/** A wave the file holds already has returns, and replacing was not asked for: nothing was stored. */
export interface WaveConflict {
  waveId: string;
  storedRows: number;
  storedFrom: string | null;
  storedAt: string | null;
}

export class ImportConflictError extends Error {
  constructor(
    readonly file: string,
    readonly conflicts: WaveConflict[],
  ) {
    super(
      `${file}: ${conflicts.map(describeConflict).join("; ")}. Nothing was imported. To replace the stored returns, import again with --replace (CLI) or ?replace=true (API).`,
    );
    this.name = "ImportConflictError";
  }
}

function describeConflict(c: WaveConflict): string {
  const from = c.storedFrom ? ` from ${c.storedFrom}${c.storedAt ? `, imported ${c.storedAt}` : ""}` : "";
  return `wave ${c.waveId} already has ${c.storedRows} ${c.storedRows === 1 ? "return" : "returns"}${from}`;
}

/** An error as it crosses from the import worker to the server thread: its name, message and own fields. */
export interface SerialisedError {
  name: string;
  message: string;
  stack?: string | undefined;
  fields: Record<string, unknown>;
  cause?: SerialisedError | undefined;
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Every error class the importer throws on purpose, keyed by its `name`. An import that runs in a worker
 * thread comes back with its error rebuilt as the same class (so `instanceof` works in routes and the CLI);
 * a class added to this file must be registered here to come through as itself.
 */
export const IMPORT_ERRORS: Readonly<Record<string, ErrorClass>> = {
  ImportValidationError,
  ImportConflictError,
};

/** An error as plain data: structured clone keeps neither an error's class nor its own fields. */
export function serialiseError(error: unknown, depth = 0): SerialisedError {
  if (!(error instanceof Error)) return { name: "Error", message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (key === "cause") continue;
    try {
      fields[key] = structuredClone(value);
    } catch {
      // A field that cannot be copied (a function, a socket) is left behind.
    }
  }
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    fields,
    cause: error.cause !== undefined && depth < 5 ? serialiseError(error.cause, depth + 1) : undefined,
  };
}

/** The error again, as its registered class when it has one (see IMPORT_ERRORS), otherwise as an Error. */
export function rebuildError(data: SerialisedError): Error {
  const known = Object.hasOwn(IMPORT_ERRORS, data.name) ? IMPORT_ERRORS[data.name] : undefined;
  const error: Error = known ? Object.create(known.prototype) : new Error(data.message);
  Object.assign(error, data.fields);
  for (const [key, value] of [
    ["message", data.message],
    ["stack", data.stack],
    ["cause", data.cause && rebuildError(data.cause)],
  ] as const) {
    if (value !== undefined) Object.defineProperty(error, key, { value, writable: true, configurable: true });
  }
  if (!known) error.name = data.name;
  return error;
}
