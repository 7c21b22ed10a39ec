import { ApiError, ApiUnreachableError } from "./client";

/**
 * How the page retries while the API is away. Every resource (one URL) is asked at most once every
 * RETRY_MIN_MS; a data request that keeps failing waits twice as long each time, up to RETRY_MAX_MS.
 * Jitter spreads the retries of many open pages apart, so a restarted server is not met by all of them
 * in the same second. The health probe stays at the floor (see connection.ts), so the page notices the
 * API's return within one probe period and fetches everything that failed at once.
 */
export const RETRY_MIN_MS = 2_000;
export const RETRY_MAX_MS = 30_000;
/** While the API is down the health probe runs every 2.0–2.1 s: jitter enough to keep pages apart, little
 * enough that the page notices the API's return within about 2 s. */
export const PROBE_JITTER = 0.05;
/** While it is up, a slow heartbeat notices an outage even when nobody clicks. */
export const HEARTBEAT_MS = 60_000;
/** Ordinary server errors (a bug, not an outage) are tried this many times in all, then shown. */
const SERVER_ERROR_TRIES = 3;
/** An outage is retried for about 25 minutes at the ceiling before the view gives up and says so. */
const OUTAGE_TRIES = 50;

/**
 * The wait before retry number `attempt` (0 for the first retry): 2 s, 4 s, 8 s, 16 s, then 30 s, each
 * with ±25% jitter but never under the floor or over the ceiling.
 * @example backoffDelay(0, 0.5) // 2000; backoffDelay(10, 0.5) // 30000
 */
export function backoffDelay(attempt: number, random: number = Math.random()): number {
  const base = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.max(0, attempt));
  const jittered = base * (0.75 + 0.5 * random);
  return Math.round(Math.min(RETRY_MAX_MS, Math.max(RETRY_MIN_MS, jittered)));
}

/** The health probe's period while the API is down: the floor plus up to 5% jitter. */
export function probeDelay(random: number = Math.random()): number {
  return Math.round(RETRY_MIN_MS * (1 + PROBE_JITTER * random));
}

/** The API is away (no answer, a proxy's 502–504, or 503 while its database is down): worth waiting for. */
export function isOutage(error: unknown): boolean {
  return error instanceof ApiUnreachableError || (error instanceof ApiError && error.status === 503);
}

/** TanStack Query's `retry`: outages for a long while (the view says so meanwhile), other 5xx a few times. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isOutage(error)) return failureCount < OUTAGE_TRIES;
  return error instanceof ApiError && error.status >= 500 && failureCount < SERVER_ERROR_TRIES - 1;
}
