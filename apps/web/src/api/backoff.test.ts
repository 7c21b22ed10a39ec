import { describe, expect, it } from "vitest";
import { backoffDelay, isOutage, probeDelay, RETRY_MAX_MS, RETRY_MIN_MS, shouldRetry } from "./backoff";
import { ApiError, ApiUnreachableError, ContractError } from "./client";

describe("backoff", () => {
  it("doubles from 2 s to a 30 s ceiling", () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((attempt) => backoffDelay(attempt, 0.5))).toEqual([
      2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it("jitters every delay but never goes under the floor or over the ceiling", () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      for (const random of [0, 0.25, 0.5, 0.75, 0.999]) {
        const delay = backoffDelay(attempt, random);
        expect(delay).toBeGreaterThanOrEqual(RETRY_MIN_MS);
        expect(delay).toBeLessThanOrEqual(RETRY_MAX_MS);
      }
    }
    // Two pages failing together do not retry together.
    expect(backoffDelay(2, 0)).toBe(6_000);
    expect(backoffDelay(2, 1)).toBe(10_000);
  });

  it("probes the health check every 2.0 to 2.1 s", () => {
    expect(probeDelay(0)).toBe(2_000);
    expect(probeDelay(1)).toBe(2_100);
  });

  it("waits out outages, tries server errors twice more, and never repeats a bad request", () => {
    const unreachable = new ApiUnreachableError("/api/x");
    const unavailable = new ApiError(503, null, "/api/x");
    const broken = new ApiError(500, null, "/api/x");
    const bad = new ApiError(400, null, "/api/x");
    const contract = new ContractError("/api/x", "waves: expected number");
    expect(isOutage(unreachable) && isOutage(unavailable)).toBe(true);
    expect(isOutage(broken) || isOutage(bad) || isOutage(contract)).toBe(false);
    expect(shouldRetry(20, unreachable)).toBe(true);
    expect(shouldRetry(20, unavailable)).toBe(true);
    expect([0, 1, 2].map((n) => shouldRetry(n, broken))).toEqual([true, true, false]);
    expect(shouldRetry(0, bad)).toBe(false);
    expect(shouldRetry(0, contract)).toBe(false);
  });
});
