import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Result } from "./api";
import { DraftSaver, type SaveStatus } from "./autosave";
import { MAX_RETRY_MS, retryDelay } from "./backoff";
import { readLink } from "./link";

describe("retryDelay", () => {
  it("waits 2 s at first, doubling to at most 30 s, with jitter, and never under 2 s", () => {
    for (const r of [0, 0.5, 0.999]) {
      const delays = [1, 2, 3, 4, 5, 6, 10].map((attempt) => retryDelay(attempt, r));
      for (const d of delays) {
        expect(d).toBeGreaterThanOrEqual(2_000);
        expect(d).toBeLessThanOrEqual(MAX_RETRY_MS);
      }
      expect(delays.at(-1)).toBeGreaterThanOrEqual(22_500);
    }
    expect(retryDelay(3, 0)).toBe(6_000);
    expect(retryDelay(3, 0.999)).toBeCloseTo(10_000, -2);
    expect(retryDelay(1, 0.5)).toBe(2_000);
  });
});

describe("DraftSaver", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function saver(answers: Result<{ savedAt: string }>[]) {
    const statuses: SaveStatus[] = [];
    const calls: number[] = [];
    let gone = false;
    const s = new DraftSaver({
      save: async () => {
        calls.push(Date.now());
        return answers.shift() ?? { ok: true, value: { savedAt: "t" } };
      },
      onStatus: (x) => statuses.push(x),
      onGone: () => {
        gone = true;
      },
      debounceMs: 1_000,
      random: () => 0.5,
    });
    return { s, statuses, calls, isGone: () => gone };
  }

  it("saves once after the respondent pauses, not at every change", async () => {
    const { s, calls, statuses } = saver([]);
    s.changed();
    await vi.advanceTimersByTimeAsync(500);
    s.changed();
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toHaveLength(1);
    expect(statuses.at(-1)).toEqual({ kind: "saved", at: "t" });
    expect(s.dirty).toBe(false);
  });

  it("says a save failed and retries with back-off until it succeeds, keeping later changes", async () => {
    const { s, calls, statuses } = saver([
      { ok: false, failure: { kind: "unreachable" } },
      { ok: false, failure: { kind: "unreachable" } },
      { ok: false, failure: { kind: "rate_limited", retryAfterMs: 9_000 } },
    ]);
    const start = Date.now();
    s.changed();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(statuses.at(-1)).toMatchObject({ kind: "failed", attempt: 1, why: "unreachable" });
    s.changed(); // a change while waiting does not hurry the retry
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls.map((t) => t - start)).toEqual([1_000, 3_000, 7_000, 16_000]);
    expect(statuses.at(-1)).toEqual({ kind: "saved", at: "t" });
    expect(s.dirty).toBe(false);
  });

  it("stops when the link no longer works", async () => {
    const { s, isGone, calls } = saver([{ ok: false, failure: { kind: "not_found" } }]);
    s.changed();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(isGone()).toBe(true);
    s.changed();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
  });
});

describe("readLink", () => {
  const token = "g0Kbo8enSNdS8zubrjoKi5P3wLLq8X7KKZhoVUN2ULQ";
  function storage() {
    const items = new Map<string, string>();
    return {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
    };
  }

  it("reads the token from the fragment, takes it out of the address bar and keeps it for this tab", () => {
    const store = storage();
    const replaced: string[] = [];
    const history = {
      replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)),
    };
    const link = readLink({ pathname: "/respond/2027/RV3", search: "", hash: `#t=${token}` }, history, store);
    expect(link).toEqual({ scope: { waveId: "2027", orgCode: "RV3" }, token });
    expect(replaced).toEqual(["/respond/2027/RV3"]);
    // A reload (no fragment now) still finds it.
    expect(readLink({ pathname: "/respond/2027/RV3", search: "", hash: "" }, history, store)?.token).toBe(
      token,
    );
    // Another organisation's page does not.
    expect(readLink({ pathname: "/respond/2027/RX4", search: "", hash: "" }, history, store)).toBeNull();
  });

  it("is null for an incomplete link", () => {
    const history = { replaceState: () => undefined };
    expect(
      readLink({ pathname: "/respond/2027/RV3", search: "", hash: "#t=abc" }, history, storage()),
    ).toBeNull();
    expect(
      readLink({ pathname: "/respond", search: "", hash: `#t=${token}` }, history, storage()),
    ).toBeNull();
  });
});
