/**
 * Exit statuses of `pnpm atlas`, documented in data/survey-format.md: scripts can tell a bad file from a
 * refusal to be confirmed, and both from a database that cannot be reached.
 */
export const EXIT = {
  /** Done: imported, unchanged, a valid dry run, published, written. */
  ok: 0,
  /** The file is invalid (every problem listed); nothing was stored. */
  invalid: 1,
  /** A usage mistake: unknown option, missing argument, unreadable path, bad wave id or `--by` label. */
  usage: 2,
  /** A conflict with what is stored: the wave has returns (use --add or --replace), or is published (--draft). */
  conflict: 3,
  /** Refused until confirmed: several waves in one file (--confirm-waves), a shrinking replace (--confirm-shrink). */
  confirm: 4,
  /** The database cannot be reached (refused, timed out, lost): nothing was done; try again. */
  databaseUnavailable: 5,
  /** No such wave is stored (publish, unpublish). */
  notFound: 6,
  /** An unexpected internal error (a bug): the message says what; nothing half-written is left. */
  internal: 70,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CommandIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

/** node:util parseArgs' error, said as the rest of the CLI says things. */
export function argsError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  const unexpected = /Unexpected argument '([^']+)'/.exec(message);
  if (unexpected) return `unexpected argument ${unexpected[1]}`;
  return message;
}
