/**
 * Keeps proactive sends within Teams' rate limits (see docs/bot.md): per conversation 7 in 1 s, 8 in 2 s, 60 in
 * 30 s and 1,800 an hour; per app and tenant 30 a second. A sliding window per rule: a send may start when every
 * rule has room.
 *
 * Why 20 a second and at most 8 in flight: Teams counts arrivals, we control starts. The arrivals in any second are
 * at most the sends started in that second (20) plus those started earlier and still travelling (at most 8, one
 * per worker), so at most 28 < 30 however the network or either event loop stalls.
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

export const APP_SENDS_PER_SECOND = 20;
/** Sends in flight at once, app-wide (see above: the arrival bound depends on it). */
export const MAX_IN_FLIGHT = 8;

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
  private readonly app: Window;
  private readonly conversations = new Map<string, Window>();
  constructor(appPerSecond = APP_SENDS_PER_SECOND, private readonly clock: () => number = () => performance.now()) {
    this.app = new Window([{ limit: appPerSecond, windowMs: 1_000 }]);
  }

  /** Resolves when a send to `conversationId` may start, and counts it. */
  async acquire(conversationId: string): Promise<void> {
    let conv = this.conversations.get(conversationId);
    if (!conv) {
      conv = new Window(PER_CONVERSATION_RULES);
      this.conversations.set(conversationId, conv);
    }
    for (;;) {
      const now = this.clock();
      const wait = Math.max(this.app.waitMs(now), conv.waitMs(now));
      if (wait <= 0) {
        this.app.record(now);
        conv.record(now);
        return;
      }
      // +1: timers may fire a hair early; waking inside the window would only loop again.
      await sleep(Math.ceil(wait) + 1);
    }
  }
}
