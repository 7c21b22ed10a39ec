import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./server-process";

/**
 * A private PostgreSQL server for fault tests, so stopping it never disturbs the shared one other suites use.
 * Runs as the `postgres` user (initdb refuses root) from a temporary directory on a free port.
 */
export interface PostgresCluster {
  url: string;
  port: number;
  stop(): void;
  start(): void;
  destroy(): void;
}

function pgBin(): string {
  const base = "/usr/lib/postgresql";
  const version = readdirSync(base).sort().at(-1);
  if (!version) throw new Error("PostgreSQL binaries not found under /usr/lib/postgresql");
  return join(base, version, "bin");
}

function asPostgres(command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  execFileSync(file, argv, { stdio: "pipe" });
}

export async function createPostgresCluster(): Promise<PostgresCluster> {
  const bin = pgBin();
  const dir = mkdtempSync(join(tmpdir(), "atlas-pg-"));
  chmodSync(dir, 0o777);
  const data = join(dir, "data");
  const port = await freePort();
  asPostgres(join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const start = () =>
    asPostgres(join(bin, "pg_ctl"), [
      "-D",
      data,
      "-w",
      "-l",
      join(dir, "server.log"),
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      "start",
    ]);
  const stop = () => asPostgres(join(bin, "pg_ctl"), ["-D", data, "-w", "-m", "immediate", "stop"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy: () => {
      if (existsSync(join(data, "postmaster.pid"))) stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
