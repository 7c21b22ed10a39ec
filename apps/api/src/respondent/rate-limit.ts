/** How many respondent requests are allowed, per API process. */
export interface RespondentLimits {
  /** Requests per address per window (a form autosaving every few seconds uses a small share). */
  perAddress: number;
  /** Refused link lookups (404) per address per window: guessing is pointless, and it shows. */
  failuresPerAddress: number;
  /** Requests from everyone together per window. */
  global: number;
  windowMs: number;
}

export const RESPONDENT_LIMITS: RespondentLimits = {
  perAddress: 120,
  failuresPerAddress: 20,
  global: 3_000,
  windowMs: 60_000,
};

/** Addresses tracked at once; the oldest are forgotten first, so the table cannot grow without bound. */
const MAX_TRACKED = 10_000;

/** Counts per key in fixed windows. */
class WindowCounter {
  private readonly counts = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Seconds until `key` is under `max` again, or 0 when it is now. */
  retryAfter(key: string, max: number): number {
    const entry = this.current(key);
    if (!entry || entry.count < max) return 0;
    return Math.max(1, Math.ceil((entry.start + this.windowMs - this.now()) / 1000));
  }

  add(key: string): void {
    const entry = this.current(key) ?? { start: this.now(), count: 0 };
    entry.count++;
    this.counts.delete(key);
    this.counts.set(key, entry);
    if (this.counts.size > MAX_TRACKED) this.counts.delete(this.counts.keys().next().value!);
  }

  private current(key: string) {
    const entry = this.counts.get(key);
    return entry && this.now() - entry.start < this.windowMs ? entry : undefined;
  }
}

/**
 * The respondent routes' rate limits: per client address, for refused lookups per address, and for every
 * client together. Per process, like the admin failure limit.
 */
export class RespondentLimiter {
  private readonly requests: WindowCounter;
  private readonly failures: WindowCounter;

  constructor(
    readonly limits: RespondentLimits = RESPONDENT_LIMITS,
    now: () => number = Date.now,
  ) {
    this.requests = new WindowCounter(limits.windowMs, now);
    this.failures = new WindowCounter(limits.windowMs, now);
  }

  /** Counts a request; the seconds to wait when it is over a limit (then it is not counted), else 0. */
  admit(client: string): number {
    const wait = Math.max(
      this.requests.retryAfter("*", this.limits.global),
      this.requests.retryAfter(client, this.limits.perAddress),
      this.failures.retryAfter(client, this.limits.failuresPerAddress),
    );
    if (wait > 0) return wait;
    this.requests.add("*");
    this.requests.add(client);
    return 0;
  }

  /** Counts a refused lookup from this address. */
  failed(client: string): void {
    this.failures.add(client);
  }
}
