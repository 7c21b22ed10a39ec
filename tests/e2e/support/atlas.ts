import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT, type ServerProcess, startServer } from "../../support/server-process";

/** Builds the web app once if there is no build yet (the test command builds it first; this is for single runs). */
export function ensureWebBuild(): void {
  const built = ["index.html", "respond.html"].every((page) =>
    existsSync(join(REPO_ROOT, "apps/web/dist", page)),
  );
  if (built) return;
  const web = join(REPO_ROOT, "apps/web");
  execFileSync(join(web, "node_modules/.bin/vite"), ["build"], { cwd: web, stdio: "pipe" });
}

export interface AtlasServer extends ServerProcess {
  databaseUrl: string;
  /** Starts the same server again on the same database and port (after `stop`), for outage tests. */
  restart(): Promise<AtlasServer>;
  cleanup(): Promise<void>;
}

/**
 * The real server on a fresh SQLite file in a temporary directory, with the reference geography and the
 * synthetic demo waves loaded at start, serving the built web app. `env` adds settings (e.g. an admin token).
 */
export async function startAtlas(env: Record<string, string> = {}): Promise<AtlasServer> {
  ensureWebBuild();
  const dir = mkdtempSync(join(tmpdir(), "atlas-e2e-"));
  const databaseUrl = `sqlite:${join(dir, "atlas.sqlite")}`;
  const wrap = (server: ServerProcess): AtlasServer => ({
    ...server,
    databaseUrl,
    restart: async () =>
      wrap(await startServer({ DATABASE_URL: databaseUrl, ATLAS_DEMO: "1", ...env }, 90_000, server.port)),
    cleanup: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  });
  return wrap(await startServer({ DATABASE_URL: databaseUrl, ATLAS_DEMO: "1", ...env }, 90_000));
}
