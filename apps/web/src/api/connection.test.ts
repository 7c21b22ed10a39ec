import type { Health } from "@atlas/domain";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HEARTBEAT_MS, RETRY_MIN_MS } from "./backoff";
import { ApiUnreachableError } from "./client";
import { ConnectionMonitor } from "./connection";

const HEALTH: Health = {
  status: "ok",
  database: "sqlite",
  dataVersion: "v1",
  waves: 8,
  synthetic: true,
  version: "0.1.0",
};

/** A monitor over a fake API that is up or down at the test's word; every probe's time is recorded. */
function fakeApi() {
  const api = { up: true, probes: [] as number[] };
  const monitor = new ConnectionMonitor({
    probe: async () => {
      api.probes.push(Date.now());
      if (!api.up) throw new ApiUnreachableError("/api/health");
      return HEALTH;
    },
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    random: Math.random,
  });
  return { api, monitor };
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

describe("ConnectionMonitor", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("probes once at start, then once a minute while the API answers", async () => {
    const { api, monitor } = fakeApi();
    monitor.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(monitor.getState().status).toBe("up");
    expect(monitor.getState().health).toEqual(HEALTH);
    await vi.advanceTimersByTimeAsync(3 * HEARTBEAT_MS);
    expect(api.probes).toHaveLength(4);
    monitor.stop();
  });

  it("probes every 2.0 to 2.1 s while the API is down, never faster", async () => {
    const { api, monitor } = fakeApi();
    api.up = false;
    monitor.start();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(monitor.getState().status).toBe("down");
    expect(api.probes.length).toBeGreaterThanOrEqual(9);
    expect(api.probes.length).toBeLessThanOrEqual(11);
    for (const gap of gaps(api.probes)) {
      expect(gap).toBeGreaterThanOrEqual(RETRY_MIN_MS);
      expect(gap).toBeLessThanOrEqual(2_100);
    }
    expect(monitor.getState().nextProbeAt).toBeGreaterThan(Date.now());
    monitor.stop();
  });

  it("checks at once when a data request fails, but a storm of failures makes one probe", async () => {
    const { api, monitor } = fakeApi();
    monitor.start();
    await vi.advanceTimersByTimeAsync(5_000);
    api.up = false;
    for (let i = 0; i < 200; i++) monitor.reportOutage();
    await vi.advanceTimersByTimeAsync(10);
    expect(api.probes).toHaveLength(2);
    expect(monitor.getState().status).toBe("down");
    for (let i = 0; i < 200; i++) {
      monitor.reportOutage();
      monitor.retryNow();
    }
    await vi.advanceTimersByTimeAsync(1_000);
    expect(api.probes).toHaveLength(2);
    monitor.stop();
  });

  it("tells its listeners once, within one probe period, when the API is back", async () => {
    const { api, monitor } = fakeApi();
    const recovered = vi.fn();
    monitor.onRecover(recovered);
    api.up = false;
    monitor.start();
    await vi.advanceTimersByTimeAsync(7_000);
    const downSince = monitor.getState().downSince;
    expect(downSince).not.toBeNull();
    api.up = true;
    const back = Date.now();
    await vi.advanceTimersByTimeAsync(2_100);
    expect(recovered).toHaveBeenCalledTimes(1);
    expect(monitor.getState()).toMatchObject({ status: "up", downSince: null });
    expect(api.probes.at(-1)! - back).toBeLessThanOrEqual(2_100);
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    expect(recovered).toHaveBeenCalledTimes(1);
    monitor.stop();
  });
});
