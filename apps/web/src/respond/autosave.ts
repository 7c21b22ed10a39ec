import type { Result } from "./api";
import { retryDelay } from "./backoff";

/** What the page says about saving. */
export type SaveStatus =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "failed"; attempt: number; retryAt: number; why: "unreachable" | "rate_limited" | "server" }
  | { kind: "gone" };

export interface SaverOptions {
  /** Sends the current answers; resolves with the server's answer. */
  save(): Promise<Result<{ savedAt: string }>>;
  onStatus(status: SaveStatus): void;
  /** The link stopped working (404): nothing more can be saved. */
  onGone(): void;
  /** Quiet time after the last change before saving. */
  debounceMs?: number;
  random?: () => number;
  now?: () => number;
}

/**
 * Saves the draft as the respondent goes: a while after the last change, one request at a time; when a save
 * fails it says so and tries again with back-off (2 s doubling to 30 s, jittered, or the server's
 * Retry-After when longer) until it succeeds. Changes made while a save is under way are saved after it.
 */
export class DraftSaver {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = false;
  private version = 0;
  private savedVersion = 0;
  private attempt = 0;
  private stopped = false;
  private readonly debounceMs: number;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(private readonly options: SaverOptions) {
    this.debounceMs = options.debounceMs ?? 1_500;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  /** Whether there are answers the server does not have yet. */
  get dirty(): boolean {
    return this.version !== this.savedVersion;
  }

  /** The answers changed. */
  changed(): void {
    if (this.stopped) return;
    this.version++;
    // While waiting to retry, the retry will carry the change: do not hurry it.
    if (this.attempt > 0 || this.inFlight) return;
    this.options.onStatus({ kind: "pending" });
    this.schedule(this.debounceMs);
  }

  /** Save at once (the respondent asked, or is leaving). */
  saveNow(): void {
    if (this.stopped) return;
    this.clear();
    void this.run();
  }

  /** The server has these answers already (a submission saved them). */
  markSaved(at: string): void {
    this.clear();
    this.attempt = 0;
    this.savedVersion = this.version;
    this.options.onStatus({ kind: "saved", at });
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  private clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(ms: number): void {
    this.clear();
    this.timer = setTimeout(() => void this.run(), ms);
  }

  private async run(): Promise<void> {
    if (this.inFlight || this.stopped || !this.dirty) return;
    this.inFlight = true;
    const version = this.version;
    this.options.onStatus({ kind: "saving" });
    const result = await this.options.save();
    this.inFlight = false;
    if (this.stopped) return;
    if (result.ok) {
      this.attempt = 0;
      this.savedVersion = Math.max(this.savedVersion, version);
      this.options.onStatus({ kind: "saved", at: result.value.savedAt });
      if (this.dirty) this.schedule(this.debounceMs);
      return;
    }
    const { failure } = result;
    if (failure.kind === "not_found") {
      this.stop();
      this.options.onStatus({ kind: "gone" });
      this.options.onGone();
      return;
    }
    this.attempt++;
    const wait = Math.max(
      retryDelay(this.attempt, this.random()),
      failure.kind === "rate_limited" ? failure.retryAfterMs : 0,
    );
    this.options.onStatus({
      kind: "failed",
      attempt: this.attempt,
      retryAt: this.now() + wait,
      why:
        failure.kind === "rate_limited"
          ? "rate_limited"
          : failure.kind === "unreachable"
            ? "unreachable"
            : "server",
    });
    this.schedule(wait);
  }
}
