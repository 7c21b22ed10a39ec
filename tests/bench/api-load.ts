import autocannon from "autocannon";
import { treeCpuMs } from "../support/process-cpu";
import { treeRssMiB } from "../support/process-memory";

export interface LoadResult {
  database: string;
  endpoint: string;
  path: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** Requests/s relative to /api/health measured in the same run against the same process. */
  ratioToHealth: number;
  /** The server's resident memory (process tree), highest sample during the run, in MiB. */
  serverRssMiB: number;
  /**
   * The server's CPU time (process tree, user and system) during the run over the requests answered, in µs:
   * what one request costs the server, which a machine's speed moves less than requests/s.
   */
  serverCpuUsPerRequest: number;
}

export const LOAD_CONNECTIONS = 50;

/**
 * An endpoint under load: a fixed path, or a path made afresh for every request (so no cache in the server has
 * seen it, e.g. need-model assumptions drawn at random).
 */
export type LoadTarget = string | { label: string; next: () => string };

const pathOf = (target: LoadTarget) => (typeof target === "string" ? target : target.label);

async function measure(base: string, target: LoadTarget, seconds: number, pid: number) {
  let serverRssMiB = treeRssMiB(pid);
  const sampler = setInterval(() => {
    serverRssMiB = Math.max(serverRssMiB, treeRssMiB(pid));
  }, 250);
  const cpuBefore = treeCpuMs(pid);
  const result = await autocannon({
    url: `${base}${typeof target === "string" ? target : target.next()}`,
    connections: LOAD_CONNECTIONS,
    duration: seconds,
    pipelining: 1,
    ...(typeof target === "string"
      ? {}
      : {
          requests: [
            { setupRequest: (request: autocannon.Request) => ({ ...request, path: target.next() }) },
          ],
        }),
  });
  clearInterval(sampler);
  const cpuMs = treeCpuMs(pid) - cpuBefore;
  return {
    serverRssMiB,
    serverCpuUsPerRequest: result.requests.total > 0 ? (cpuMs * 1000) / result.requests.total : Number.NaN,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * Loads each endpoint in turn with 50 connections on loopback, with a /api/health run before the first and
 * after every endpoint. Each endpoint's ratio is to the mean of the health runs just before and just after
 * it, so a machine whose speed drifts during the minutes of a run (a shared VM) moves both sides alike. The
 * health row shows the run with the median requests/s.
 */
export async function runApiLoad(
  server: { url: string; pid: number },
  database: string,
  endpoints: Record<string, LoadTarget>,
  seconds: number,
): Promise<LoadResult[]> {
  // A short warm-up so JIT and caches are in the same state for every endpoint.
  for (const target of Object.values(endpoints)) await measure(server.url, target, 1, server.pid);
  const healthRuns = [await measure(server.url, "/api/health", seconds, server.pid)];
  const results: LoadResult[] = [];
  for (const [endpoint, target] of Object.entries(endpoints)) {
    const m = await measure(server.url, target, seconds, server.pid);
    const before = healthRuns.at(-1)!;
    const after = await measure(server.url, "/api/health", seconds, server.pid);
    healthRuns.push(after);
    results.push({
      database,
      endpoint,
      path: pathOf(target),
      ...m,
      ratioToHealth: m.requestsPerSecond / ((before.requestsPerSecond + after.requestsPerSecond) / 2),
    });
  }
  const sorted = [...healthRuns].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const health = sorted[Math.floor(sorted.length / 2)]!;
  return [{ database, endpoint: "health", path: "/api/health", ...health, ratioToHealth: 1 }, ...results];
}
