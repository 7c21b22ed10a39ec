import { type Health, HealthSchema } from "@atlas/domain";
import { HEARTBEAT_MS, probeDelay, RETRY_MIN_MS } from "./backoff";
import { apiPath, getJson } from "./client";

/** What the page knows about the API: up, down since when, and when it will look again. */
export interface ConnectionState {
  status: "unknown" | "up" | "down";
  /** The last good answer from /api/health (database, data version, synthetic). */
  health: Health | null;
  /** When the API was first found unreachable in this outage (ms since the epoch). */
  downSince: number | null;
  /** When the next health probe is due (ms since the epoch); null while one is running. */
  nextProbeAt: number | null;
}

export interface ConnectionDeps {
  probe: (signal: AbortSignal) => Promise<Health>;
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  random: () => number;
}

const browserDeps = (): ConnectionDeps => ({
  probe: (signal) => getJson(apiPath("health"), HealthSchema, signal),
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: Math.random,
});

/**
 * The one place that asks /api/health. While the API answers it probes once a minute; once a probe (or
 * any data request, through `reportOutage`) finds it away, it probes every 2.0–2.1 s, and the moment a
 * probe answers again it tells its `onRecover` listeners (the query client refetches everything that
 * failed). Never more than one probe in flight, never two within RETRY_MIN_MS of each other.
 */
export class ConnectionMonitor {
  private state: ConnectionState = { status: "unknown", health: null, downSince: null, nextProbeAt: null };
  private readonly listeners = new Set<() => void>();
  private readonly recoverListeners = new Set<() => void>();
  private timer: unknown = null;
  private inFlight: AbortController | null = null;
  private lastProbeAt = Number.NEGATIVE_INFINITY;
  private started = false;

  constructor(private readonly deps: ConnectionDeps = browserDeps()) {}

  /** The current state; the same object until something changes (for useSyncExternalStore). */
  getState = (): ConnectionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called when the API answers again after an outage. */
  onRecover(listener: () => void): () => void {
    this.recoverListeners.add(listener);
    return () => this.recoverListeners.delete(listener);
  }

  /** Starts probing (idempotent): the first probe runs now. */
  start(): void {
    if (this.started) return;
    this.started = true;
    void this.probe();
  }

  stop(): void {
    this.started = false;
    this.clearTimer();
    this.inFlight?.abort();
    this.inFlight = null;
  }

  /**
   * A data request found the API away. If we still believe it up, check now (at most once per
   * RETRY_MIN_MS); if we already know it is down, the probe is already on its way.
   */
  reportOutage(): void {
    if (!this.started || this.state.status === "down" || this.inFlight) return;
    const wait = this.lastProbeAt + RETRY_MIN_MS - this.deps.now();
    if (wait <= 0) void this.probe();
    else this.schedule(wait);
  }

  /** "Try now": probe at once unless one ran within the floor (then as soon as the floor allows). */
  retryNow(): void {
    if (!this.started || this.inFlight) return;
    const wait = this.lastProbeAt + RETRY_MIN_MS - this.deps.now();
    if (wait <= 0) void this.probe();
    else this.schedule(wait);
  }

  private async probe(): Promise<void> {
    this.clearTimer();
    const controller = new AbortController();
    this.inFlight = controller;
    this.lastProbeAt = this.deps.now();
    this.set({ nextProbeAt: null });
    let health: Health | null = null;
    try {
      health = await this.deps.probe(controller.signal);
    } catch {
      // A 4xx or a contract error from /api/health is a bug rather than an outage, but either way the
      // page cannot tell whether the API works: anything but an answer counts as "down".
    }
    if (this.inFlight !== controller) return; // stopped meanwhile
    this.inFlight = null;
    if (health) {
      const wasDown = this.state.status === "down";
      this.set({ status: "up", health, downSince: null });
      this.schedule(HEARTBEAT_MS);
      if (wasDown) for (const listener of this.recoverListeners) listener();
    } else {
      this.set({ status: "down", downSince: this.state.downSince ?? this.deps.now() });
      this.schedule(probeDelay(this.deps.random()));
    }
  }

  private schedule(ms: number): void {
    this.clearTimer();
    if (!this.started) return;
    this.timer = this.deps.setTimeout(() => {
      this.timer = null;
      void this.probe();
    }, ms);
    this.set({ nextProbeAt: this.deps.now() + ms });
  }

  private clearTimer(): void {
    if (this.timer !== null) this.deps.clearTimeout(this.timer);
    this.timer = null;
  }

  private set(patch: Partial<ConnectionState>): void {
    const next = { ...this.state, ...patch };
    if (
      next.status === this.state.status &&
      next.health === this.state.health &&
      next.downSince === this.state.downSince &&
      next.nextProbeAt === this.state.nextProbeAt
    )
      return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
