/** The first wait after a failed save, and the longest. */
export const FIRST_RETRY_MS = 2_000;
export const MAX_RETRY_MS = 30_000;

/**
 * How long to wait before the `attempt`-th retry (1, 2, …): doubling from 2 s to at most 30 s, with
 * ±25% jitter so many pages that lost the server together do not come back together; never under 2 s.
 * `random` is a number in [0, 1).
 */
export function retryDelay(attempt: number, random: number): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
  const jittered = base * (0.75 + random * 0.5);
  return Math.round(Math.min(MAX_RETRY_MS, Math.max(FIRST_RETRY_MS, jittered)));
}
