/**
 * Surviving SharePoint's throttling. SharePoint answers 429 (too many requests) or 503 (server busy) with a
 * `Retry-After` in seconds, and a gateway may answer 504 or drop the connection; Microsoft asks clients to wait
 * exactly as long as told and to back off further when told nothing. PnPjs' own retry gives up after three tries
 * and a few hundred milliseconds, which a throttled tenant outlasts (`eap provision` failed part-way at 20 % 429s),
 * so every SPFI uses this policy instead: many attempts, `Retry-After` honoured (seconds, decimals or an HTTP date),
 * otherwise exponential back-off with jitter, and every wait reported to whoever listens (the CLI prints the total,
 * the server and the bot log each wait).
 *
 * A request that is retried after a lost reply may have been applied already: writers make their writes
 * recognisable (unique keys, write keys) rather than trusting a retry to be harmless (see batching.ts).
 */
import type { TimelinePipe } from "@pnp/core";
import type { Queryable } from "@pnp/queryable";

/** Statuses that say "try again later": throttled, busy, gateway timeout. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** First back-off when SharePoint gives no Retry-After; doubled each time, with jitter. */
  firstDelayMs: number;
  /** Longest single wait we choose ourselves (a longer Retry-After is still honoured). */
  maxDelayMs: number;
  /** Once one request has waited this long in all, its last answer is returned as it is. */
  maxTotalWaitMs: number;
}

/**
 * At 25 % refusals, twelve attempts leave one request in 17 million failing; the 15-minute budget is far above any
 * Retry-After SharePoint is documented to send, and below the point where an operator would rather be told.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 12, firstDelayMs: 500, maxDelayMs: 60_000, maxTotalWaitMs: 15 * 60_000 };

/**
 * In the tab a person is waiting: a few attempts within 20 seconds, then the failure is shown (their draft is kept
 * and they can try again), rather than a spinner for a quarter of an hour.
 */
export const INTERACTIVE_RETRY_POLICY: RetryPolicy = { attempts: 4, firstDelayMs: 500, maxDelayMs: 8_000, maxTotalWaitMs: 20_000 };

/** The policy for where this code runs: a browser (a person waiting) or Node (the CLI, the bot). */
export const ambientRetryPolicy = (): RetryPolicy => (typeof window === "undefined" ? DEFAULT_RETRY_POLICY : INTERACTIVE_RETRY_POLICY);

/** One wait before retrying. */
export interface WaitEvent {
  /** The status that asked us to wait, or "network" for a dropped connection. */
  status: number | "network";
  waitMs: number;
  /** The attempt that failed (1 = the first). */
  attempt: number;
  method: string;
  url: string;
  /** "request": a whole HTTP request; "batch-part": one request inside a $batch, re-sent in a later $batch. */
  scope: "request" | "batch-part";
  /** True when SharePoint named the wait (Retry-After), false when we backed off on our own. */
  toldBy: boolean;
}

export type WaitListener = (e: WaitEvent) => void;

const listeners = new Set<WaitListener>();

/**
 * Hears every wait of every SPFI in this process (server and bot log them; the CLI totals them). Returns a function
 * that stops listening.
 */
export function onSharePointWait(listener: WaitListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportWait(e: WaitEvent): void {
  for (const l of listeners) {
    try {
      l(e);
    } catch {
      // a listener's failure must never fail the request it was told about
    }
  }
}

/** Totals of the waits heard while it listens: what the CLI says at the end of a command. */
export class WaitTally {
  waits = 0;
  waitedMs = 0;
  readonly byStatus = new Map<string, number>();
  private readonly stop: () => void;
  constructor() {
    this.stop = onSharePointWait((e) => {
      this.waits++;
      this.waitedMs += e.waitMs;
      this.byStatus.set(String(e.status), (this.byStatus.get(String(e.status)) ?? 0) + 1);
    });
  }
  close(): void {
    this.stop();
  }
  /** "SharePoint asked us to wait 12 times (429 ×9, 503 ×3): 14.2 s in all." or "" when it never did. */
  summary(): string {
    if (this.waits === 0) return "";
    const parts = [...this.byStatus].map(([s, n]) => `${s === "network" ? "dropped connection" : s} ×${n}`).join(", ");
    return `SharePoint asked us to wait ${this.waits} time${this.waits === 1 ? "" : "s"} (${parts}): ${(this.waitedMs / 1000).toFixed(1)} s in all.`;
  }
}

/** `Retry-After` as milliseconds: seconds (decimals allowed, as Graph sends them) or an HTTP date. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const raw = headers?.get("Retry-After")?.trim();
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Our own back-off for attempt n (1-based): doubling from the first delay, capped, with ±25 % jitter. */
export function backoffMs(policy: RetryPolicy, attempt: number, random = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempt - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The send behavior every SPFI uses (it replaces PnPjs' fetch-with-retry). A request still refused after the policy
 * is spent is answered with SharePoint's last response, so the caller sees SharePoint's own status and message.
 */
export function RetryThrottled(policy: RetryPolicy = DEFAULT_RETRY_POLICY): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    instance.on.send.replace(async (url: URL, init: RequestInit) => {
      let waited = 0;
      for (let attempt = 1; ; attempt++) {
        let response: Response | undefined;
        let failure: unknown;
        try {
          response = await fetch(url.toString(), init);
          if (!RETRYABLE_STATUSES.has(response.status)) return response;
        } catch (err) {
          // An abort is the caller's decision, never a reason to try again.
          if ((err as Error)?.name === "AbortError") throw err;
          failure = err;
        }
        const told = retryAfterMs(response?.headers);
        const wait = told ?? backoffMs(policy, attempt);
        if (attempt >= policy.attempts || waited + wait > policy.maxTotalWaitMs) {
          if (response) return response;
          throw failure;
        }
        // The body of a refused attempt is not read: release it.
        await response?.body?.cancel().catch(() => {});
        reportWait({ status: response?.status ?? "network", waitMs: wait, attempt, method: init.method ?? "GET", url: url.toString(), scope: "request", toldBy: told !== undefined });
        waited += wait;
        await sleep(wait);
      }
    });
    return instance;
  };
}

export { sleep };
