/**
 * Keeps proactive sends within Teams' rate limits (Microsoft's "Rate limiting for agents"; docs/bot.md "Pacing"):
 * per conversation 7 in 1 s, 8 in 2 s, 60 in 30 s and 1,800 an hour; per app and tenant 30 a second (newer copies
 * of the page say 50: we stay at 30).
 *
 * App-wide, at most floor(rate) sends start in any second, spread one interval (1000/rate ms) apart rather than
 * let through in bursts: Teams counts arrivals, and spacing is what keeps the arrivals of any second at the rate
 * when the network delays some requests more than others. The rate adapts to Teams' answers: a 429 halves it and holds every start until
 * its Retry-After has passed; each second without one gives back `recoverPerSecond`, up to the ceiling.
 */
export interface RateRule {
  limit: number;
  windowMs: number;
}

export const PER_CONVERSATION_RULES: RateRule[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];

/** Teams' documented allowance per app and tenant. */
export const TEAMS_SENDS_PER_SECOND = 30;
/**
 * The pace aimed at: the allowance less a margin for arrival jitter. Starts are paced; Teams counts arrivals, and
 * requests held back by the network (or a busy event loop) arrive closer together than they started. Measured at
 * 1,000 officers (bench/bot.bench.ts), 27 starts a second keep the arrivals of any second within 30 even on a busy
 * machine (28 let 31 through when the 2-core test machine was heavily loaded).
 */
export const APP_SENDS_PER_SECOND = 27;
/** Sends in flight at once, app-wide: enough to keep the pace with Teams answering in up to 0.8 s. */
export const MAX_IN_FLIGHT = 24;

export interface PacerOptions {
  /** Ceiling of the app-wide pace (sends per second). */
  perSecond?: number;
  /** Lowest pace after repeated 429s. */
  floorPerSecond?: number;
  /** Pace given back per second without a 429. */
  recoverPerSecond?: number;
  clock?: () => number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Window {
  private stamps: number[] = [];
  constructor(private readonly rules: RateRule[]) {}
  /** Milliseconds until a send may start (0: now). */
  waitMs(now: number): number {
    const longest = Math.max(...this.rules.map((r) => r.windowMs));
    while (this.stamps.length && this.stamps[0] <= now - longest) this.stamps.shift();
    let wait = 0;
    for (const r of this.rules) {
      const inWindow = this.stamps.filter((t) => t > now - r.windowMs);
      if (inWindow.length >= r.limit) wait = Math.max(wait, inWindow[inWindow.length - r.limit] + r.windowMs - now);
    }
    return wait;
  }
  record(now: number): void {
    this.stamps.push(now);
  }
}

export class Pacer {
  private readonly ceiling: number;
  private readonly floor: number;
  private readonly recover: number;
  private readonly clock: () => number;
  private rate: number;
  /** Earliest start of the next send, app-wide. */
  private nextStart = 0;
  /** No start before this (a 429's Retry-After). */
  private holdUntil = 0;
  private lastAdjust: number;
  private lastDecrease = Number.NEGATIVE_INFINITY;
  private readonly conversations = new Map<string, Window>();
  /** App-wide starts of the last second. */
  private readonly starts: number[] = [];
  /** 429s seen, and the lowest pace reached (for reports and benchmarks). */
  readonly stats = { throttled: 0, lowestPerSecond: 0 };

  constructor(opts: PacerOptions = {}) {
    this.ceiling = opts.perSecond ?? APP_SENDS_PER_SECOND;
    this.floor = Math.min(opts.floorPerSecond ?? 2, this.ceiling);
    this.recover = opts.recoverPerSecond ?? 7;
    this.clock = opts.clock ?? (() => performance.now());
    this.rate = this.ceiling;
    this.stats.lowestPerSecond = this.ceiling;
    this.lastAdjust = this.clock();
  }

  /** The pace now (sends per second). */
  get perSecond(): number {
    return this.rate;
  }

  /** Resolves, with the start time, when a send to `conversationId` may start, and counts it. */
  async acquire(conversationId: string): Promise<number> {
    let conv = this.conversations.get(conversationId);
    if (!conv) {
      conv = new Window(PER_CONVERSATION_RULES);
      this.conversations.set(conversationId, conv);
    }
    for (;;) {
      const now = this.clock();
      this.recoverTo(now);
      const wait = Math.max(this.nextStart - now, this.holdUntil - now, this.appWaitMs(now), conv.waitMs(now));
      if (wait <= 0) {
        // Starts sit on a grid one interval apart: a timer that wakes a little late (under half an interval) keeps
        // the grid, so lateness does not add up and slow every send; one later than that starts the grid afresh.
        const interval = 1000 / this.rate;
        this.nextStart = (now - this.nextStart < interval / 2 ? this.nextStart : now) + interval;
        this.starts.push(now);
        conv.record(now);
        return now;
      }
      // +1: timers may fire a hair early; waking inside the wait would only loop again.
      await sleep(Math.ceil(wait) + 1);
    }
  }

  /**
   * Teams answered 429 to a send started at `startedAt`: halve the pace (once for all the sends already in flight
   * when it was last halved, which answer 429 for the same reason), and start nothing before Retry-After.
   */
  throttled(startedAt: number, retryAfterMs?: number): void {
    const now = this.clock();
    this.stats.throttled++;
    if (startedAt > this.lastDecrease) {
      this.rate = Math.max(this.floor, this.rate / 2);
      this.lastDecrease = now;
      this.stats.lowestPerSecond = Math.min(this.stats.lowestPerSecond, this.rate);
    }
    this.lastAdjust = now;
    if (retryAfterMs !== undefined) this.holdUntil = Math.max(this.holdUntil, now + retryAfterMs);
    this.nextStart = Math.max(this.nextStart, this.holdUntil);
  }

  /** Milliseconds until the last second holds fewer than floor(rate) starts. */
  private appWaitMs(now: number): number {
    while (this.starts.length && this.starts[0] <= now - 1_000) this.starts.shift();
    const limit = Math.max(1, Math.floor(this.rate));
    return this.starts.length < limit ? 0 : this.starts[this.starts.length - limit] + 1_000 - now;
  }

  private recoverTo(now: number): void {
    if (this.rate >= this.ceiling) {
      this.lastAdjust = now;
      return;
    }
    const seconds = (now - this.lastAdjust) / 1000;
    if (seconds < 1) return;
    this.rate = Math.min(this.ceiling, this.rate + this.recover * Math.floor(seconds));
    this.lastAdjust += Math.floor(seconds) * 1000;
  }
}
