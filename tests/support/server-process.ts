import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = `${REPO_ROOT}node_modules/.bin/tsx`;

/** A free TCP port on loopback, chosen by the kernel. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote to stderr so far (JSON log lines). */
  logs(): string;
  stop(): Promise<void>;
}

/**
 * Starts the real server (`apps/api/src/server.ts`) as a child process and waits until /api/health answers.
 * @example const s = await startServer({ DATABASE_URL: "sqlite:/tmp/x.sqlite", ATLAS_DEMO: "0" });
 */
export async function startServer(
  env: Record<string, string>,
  timeoutMs = 60_000,
  fixedPort?: number,
): Promise<ServerProcess> {
  // A fixed port lets a test restart the server where a page already points (outage and recovery).
  const port = fixedPort ?? (await freePort());
  const child = spawn(TSX, [`${REPO_ROOT}apps/api/src/server.ts`], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: "error", HOST: "127.0.0.1", ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${stderr}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become healthy in ${timeoutMs} ms:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    child,
    logs: () => stderr,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await once(child, "exit");
      clearTimeout(timer);
    },
  };
}
