import type { Health } from "@atlas/domain";
import { QueryObserver } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RETRY_MAX_MS, RETRY_MIN_MS } from "./backoff";
import { ApiUnreachableError } from "./client";
import { ConnectionMonitor } from "./connection";
import { createQueryClient } from "./query-client";

const HEALTH: Health = {
  status: "ok",
  database: "postgres",
  dataVersion: "v2",
  waves: 8,
  synthetic: true,
  version: "0.1.0",
};

/** A fake API (up or down at the test's word) behind a real QueryClient and monitor; every request is logged. */
function world() {
  const api = { up: true, requests: [] as Array<{ path: string; at: number }> };
  const request = async <T>(path: string, body: T): Promise<T> => {
    api.requests.push({ path, at: Date.now() });
    if (!api.up) throw new ApiUnreachableError(path);
    return body;
  };
  const monitor = new ConnectionMonitor({
    probe: () => request("/api/health", HEALTH),
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    random: Math.random,
  });
  const client = createQueryClient(monitor);
  /** A view observing one resource, as useQuery would. */
  const observe = (path: string, body: unknown) => {
    const observer = new QueryObserver(client, { queryKey: [path], queryFn: () => request(path, body) });
    const unsubscribe = observer.subscribe(() => {});
    return { observer, unsubscribe };
  };
  const timesOf = (path: string) => api.requests.filter((r) => r.path === path).map((r) => r.at);
  return { api, monitor, client, observe, timesOf };
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

describe("the query client through an outage", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("backs off each resource from 2 s towards 30 s and keeps the last data on screen", async () => {
    const w = world();
    w.monitor.start();
    const gapsView = w.observe("/api/gaps", { gaps: [1, 2, 3] });
    await vi.advanceTimersByTimeAsync(50);
    expect(gapsView.observer.getCurrentResult().data).toEqual({ gaps: [1, 2, 3] });

    w.api.up = false;
    const outage = Date.now();
    // A new selection while the API is away: it has nothing to show yet and keeps asking, slowly.
    const coverageView = w.observe("/api/coverage?wave=2026", { areas: [] });
    void gapsView.observer.refetch();
    await vi.advanceTimersByTimeAsync(90_000);

    for (const path of ["/api/health", "/api/gaps", "/api/coverage?wave=2026"]) {
      const times = w.timesOf(path).filter((t) => t >= outage);
      for (const gap of gaps(times)) expect(gap).toBeGreaterThanOrEqual(RETRY_MIN_MS);
    }
    const coverageGaps = gaps(w.timesOf("/api/coverage?wave=2026"));
    expect(coverageGaps.length).toBeGreaterThanOrEqual(4);
    expect(coverageGaps.at(-1)!).toBeGreaterThan(coverageGaps[0]! * 3);
    for (const gap of coverageGaps) expect(gap).toBeLessThanOrEqual(RETRY_MAX_MS);
    // The health probe alone keeps the 2 s cadence (about 45 probes in 90 s, never 160 a second).
    expect(w.timesOf("/api/health").length).toBeLessThanOrEqual(46);

    const gapsResult = gapsView.observer.getCurrentResult();
    expect(gapsResult.data).toEqual({ gaps: [1, 2, 3] });
    expect(gapsResult.failureCount).toBeGreaterThan(0);
    const coverageResult = coverageView.observer.getCurrentResult();
    expect(coverageResult.status).toBe("pending");
    expect(coverageResult.failureReason).toBeInstanceOf(ApiUnreachableError);
    expect(w.monitor.getState().status).toBe("down");
    gapsView.unsubscribe();
    coverageView.unsubscribe();
    w.monitor.stop();
  });

  it("fetches everything that was waiting as soon as the health probe answers", async () => {
    const w = world();
    w.monitor.start();
    await vi.advanceTimersByTimeAsync(50);
    w.api.up = false;
    const view = w.observe("/api/trends", { series: ["UK"] });
    // Long enough that the resource's own next retry is far off (its backoff is past 16 s).
    await vi.advanceTimersByTimeAsync(40_000);
    const before = w.timesOf("/api/trends").length;
    w.api.up = true;
    const back = Date.now();
    await vi.advanceTimersByTimeAsync(2_150);
    expect(view.observer.getCurrentResult().data).toEqual({ series: ["UK"] });
    expect(w.timesOf("/api/trends").length).toBe(before + 1);
    expect(w.timesOf("/api/trends").at(-1)! - back).toBeLessThanOrEqual(2_150);
    expect(w.monitor.getState().status).toBe("up");
    view.unsubscribe();
    w.monitor.stop();
  });

  it("lets a view opened after the outage fetch at once, not at the end of an off-screen query's backoff", async () => {
    // Jitter at its middle, so the retries fall at 0, 2, 6, 14 and 30 s and the next is 30 s later.
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const w = world();
    w.monitor.start();
    await vi.advanceTimersByTimeAsync(50);
    w.api.up = false;
    // A view that was open during the outage, then left (its query keeps sleeping in its backoff).
    const left = w.observe("/api/gaps?level=nation", { gaps: [] });
    await vi.advanceTimersByTimeAsync(31_000);
    left.unsubscribe();
    w.api.up = true;
    await vi.advanceTimersByTimeAsync(2_150);
    expect(w.monitor.getState().status).toBe("up");
    // Back on that view: it asks at once.
    const back = Date.now();
    const again = w.observe("/api/gaps?level=nation", { gaps: ["x"] });
    await vi.advanceTimersByTimeAsync(50);
    expect(again.observer.getCurrentResult().data).toEqual({ gaps: ["x"] });
    expect(w.timesOf("/api/gaps?level=nation").at(-1)! - back).toBeLessThan(50);
    again.unsubscribe();
    w.monitor.stop();
    vi.restoreAllMocks();
  });
});
