import {
  type ConfirmationReason,
  describeConfirmation,
  type SurveyFileProblem,
  type WaveImport,
} from "@atlas/domain";

// Every error here carries plain data only (no functions, no database handles), so an import run in a
// worker can send it back and the caller can rebuild it.

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

/**
 * Why a wave the file holds cannot be written as asked: it already has returns and the mode is `create`,
 * or it is published and the import asked for a draft.
 */
export interface WaveConflict {
  waveId: string;
  kind: "has_returns" | "published";
  storedRows: number;
  storedFrom: string | null;
  storedAt: string | null;
}

/** A wave in the file conflicts with what is stored (see WaveConflict): nothing was stored. */
export class ImportConflictError extends Error {
  constructor(
    readonly file: string,
    readonly conflicts: WaveConflict[],
  ) {
    super(
      `${file}: ${conflicts.map((c) => describeConflict(c, CLI_SPELLING)).join("; ")}. Nothing was imported.`,
    );
    this.name = "ImportConflictError";
  }
}

/** How the CLI and the API spell the options a message tells the reader to use. */
export interface OptionSpelling {
  add: string;
  replace: string;
  shrink: string;
  waves: (ids: string) => string;
  unpublish: (waveId: string) => string;
}

export const CLI_SPELLING: OptionSpelling = {
  add: "--add",
  replace: "--replace",
  shrink: "--confirm-shrink",
  waves: (ids) => `--confirm-waves ${ids}`,
  unpublish: (id) => `pnpm atlas unpublish ${id}`,
};

export const API_SPELLING: OptionSpelling = {
  add: "?mode=add",
  replace: "?mode=replace",
  shrink: "?confirmShrink=true",
  waves: (ids) => `?confirmWaves=${ids}`,
  unpublish: (id) => `POST /api/waves/${id}/unpublish`,
};

export function describeConflict(c: WaveConflict, how: OptionSpelling): string {
  const n = `${c.storedRows} ${c.storedRows === 1 ? "return" : "returns"}`;
  if (c.kind === "published") {
    return `wave ${c.waveId} is published (${n}), and a draft import cannot change a published wave without the change showing at once; import without the draft option to change the published wave, or first make it a draft with ${how.unpublish(c.waveId)}`;
  }
  const from = c.storedFrom ? ` from ${c.storedFrom}${c.storedAt ? `, imported ${c.storedAt}` : ""}` : "";
  return `wave ${c.waveId} already has ${n}${from}; to add or update returns and keep the others, import with ${how.add}; to replace the wave's returns with the file's, import with ${how.replace}`;
}

/**
 * The import needs an explicit confirmation (a file naming several waves; a replace removing more than 10%
 * of a wave's returns): nothing was stored. `waves` is what it would have done, as a dry run reports it.
 */
export class ImportConfirmationError extends Error {
  constructor(
    readonly file: string,
    readonly reasons: ConfirmationReason[],
    readonly waves: WaveImport[],
  ) {
    super(
      `${file}: refused: ${reasons.map((r) => describeConfirmation(r, CLI_SPELLING)).join(". Also, ")}. Nothing was imported.`,
    );
    this.name = "ImportConfirmationError";
  }
}

/** No wave with this id is stored (publish, unpublish). */
export class WaveNotFoundError extends Error {
  constructor(
    readonly waveId: string,
    readonly known: string[],
  ) {
    super(`no wave "${waveId}" is stored; known waves: ${known.join(", ") || "none"}`);
    this.name = "WaveNotFoundError";
  }
}

/** An import option is invalid (e.g. a `by` label with control characters): nothing was read or stored. */
export class ImportOptionError extends Error {
  constructor(
    readonly parameter: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = "ImportOptionError";
  }
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
  ImportConfirmationError,
  WaveNotFoundError,
  ImportOptionError,
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
