import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { REPO_ROOT } from "./server-process";

const TSX = `${REPO_ROOT}node_modules/.bin/tsx`;

export interface CliRun {
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) and everything printed. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Runs `pnpm atlas ARGS` (the CLI entry) as a real child process. */
export function runCli(args: string[], env: Record<string, string>): CliRun {
  const child = spawn(TSX, [`${REPO_ROOT}apps/api/src/cli.ts`, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: "error", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  const done = once(child, "exit").then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
    stdout,
    stderr,
  }));
  return { child, done };
}
