import autocannon from "autocannon";
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
}

export const LOAD_CONNECTIONS = 50;

async function measure(url: string, seconds: number, pid: number) {
  let serverRssMiB = treeRssMiB(pid);
  const sampler = setInterval(() => {
    serverRssMiB = Math.max(serverRssMiB, treeRssMiB(pid));
  }, 250);
  const result = await autocannon({ url, connections: LOAD_CONNECTIONS, duration: seconds, pipelining: 1 });
  clearInterval(sampler);
  return {
    serverRssMiB,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Loads each endpoint in turn (health first, as the baseline) with 50 connections on loopback. */
export async function runApiLoad(
  server: { url: string; pid: number },
  database: string,
  endpoints: Record<string, string>,
  seconds: number,
): Promise<LoadResult[]> {
  // A short warm-up so JIT and caches are in the same state for every endpoint.
  for (const path of Object.values(endpoints)) await measure(`${server.url}${path}`, 1, server.pid);
  const health = await measure(`${server.url}/api/health`, seconds, server.pid);
  const results: LoadResult[] = [
    { database, endpoint: "health", path: "/api/health", ...health, ratioToHealth: 1 },
  ];
  for (const [endpoint, path] of Object.entries(endpoints)) {
    const m = await measure(`${server.url}${path}`, seconds, server.pid);
    results.push({
      database,
      endpoint,
      path,
      ...m,
      ratioToHealth: m.requestsPerSecond / health.requestsPerSecond,
    });
  }
  return results;
}
