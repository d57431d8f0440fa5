/**
 * The one HTTP client for Microsoft Graph: the app's token on every request, requests paced within Graph's limits
 * for the Teams service (installedApps and appCatalogs: 30 requests a second per app and tenant; we start at most
 * `requestsPerSecond`, default 20), a 429 honoured for every request at once (its Retry-After, fractional seconds
 * allowed, holds all starts), and answers turned into typed errors (./errors.ts).
 *
 * Retries: a 429 always (nothing was done); a 5xx, a timeout or a lost connection only for requests that are safe
 * to repeat (`idempotent`: reads, and installing, whose repeat is a 409). sendMail is not: a repeat may send twice.
 */
import { GraphError, graphErrorFrom } from "./errors.ts";

export interface GraphClientOptions {
  /** `https://graph.microsoft.com/v1.0`, or the local server's `http://127.0.0.1:<port>/v1.0`. */
  baseUrl: string;
  /** An app-only token for Graph (scope `https://graph.microsoft.com/.default`). */
  token: () => Promise<string>;
  requestsPerSecond?: number;
  maxInFlight?: number;
  /** Attempts after the first (429, and failures of idempotent requests). */
  retries?: number;
  maxRetryAfterMs?: number;
  timeoutMs?: number;
}

export interface GraphStats {
  requests: number;
  /** 429s Graph answered (each waited out and retried). */
  throttled: number;
}

export interface GraphResponse {
  status: number;
  /** Parsed JSON body, or undefined for an empty body (201 install, 202 sendMail). */
  json: unknown;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Retry-After in ms: seconds (possibly fractional, as Graph sends them) or an HTTP date. */
export function retryAfterMs(value: string | null): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const s = Number(value);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export class GraphClient {
  readonly stats: GraphStats = { requests: 0, throttled: 0 };
  private readonly intervalMs: number;
  private readonly maxInFlight: number;
  private readonly retries: number;
  private readonly maxRetryAfterMs: number;
  private readonly timeoutMs: number;
  private nextStart = 0;
  private holdUntil = 0;
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly o: GraphClientOptions) {
    this.intervalMs = 1000 / (o.requestsPerSecond ?? 20);
    this.maxInFlight = o.maxInFlight ?? 8;
    this.retries = o.retries ?? 4;
    this.maxRetryAfterMs = o.maxRetryAfterMs ?? 60_000;
    this.timeoutMs = o.timeoutMs ?? 20_000;
  }

  get baseUrl(): string {
    return this.o.baseUrl.replace(/\/+$/, "");
  }

  /** `what` names the request in errors ("Installing the app for x"). */
  async request(method: "GET" | "POST", path: string, what: string, body?: unknown, opts: { idempotent?: boolean } = {}): Promise<GraphResponse> {
    const idempotent = opts.idempotent ?? method === "GET";
    for (let attempt = 0; ; attempt++) {
      await this.slot();
      let res: Response;
      try {
        this.stats.requests++;
        res = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${await this.o.token()}`, accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (err) {
        this.release();
        const e = new GraphError("unavailable", `${what}: no answer from Microsoft Graph (${err instanceof Error ? err.message : String(err)})`, { cause: err });
        if (!idempotent || attempt >= this.retries) throw e;
        await sleep(250 * 2 ** attempt);
        continue;
      }
      const text = await res.text();
      this.release();
      if (res.ok) return { status: res.status, json: text ? JSON.parse(text) : undefined };
      const e = graphErrorFrom(res.status, text, what);
      if (e.reason === "throttled" && attempt < this.retries) {
        this.stats.throttled++;
        const wait = Math.min(retryAfterMs(res.headers.get("retry-after")) ?? 1000 * 2 ** attempt, this.maxRetryAfterMs);
        // Every request waits: Graph counts the app's requests, not this one's.
        this.holdUntil = Math.max(this.holdUntil, Date.now() + wait);
        continue;
      }
      if (e.reason === "unavailable" && idempotent && attempt < this.retries) {
        await sleep(Math.min(retryAfterMs(res.headers.get("retry-after")) ?? 250 * 2 ** attempt, this.maxRetryAfterMs));
        continue;
      }
      throw e;
    }
  }

  /** Waits for a place in flight and for the next start on the grid (after any Retry-After). */
  private async slot(): Promise<void> {
    while (this.inFlight >= this.maxInFlight) await new Promise<void>((r) => this.waiting.push(r));
    this.inFlight++;
    for (;;) {
      const now = Date.now();
      const start = Math.max(now, this.nextStart, this.holdUntil);
      if (start <= now) {
        this.nextStart = now + this.intervalMs;
        return;
      }
      // Claim the slot before sleeping so that concurrent callers line up behind it.
      if (start >= this.holdUntil) this.nextStart = start + this.intervalMs;
      await sleep(start - now);
      if (Date.now() >= this.holdUntil) return;
    }
  }

  private release(): void {
    this.inFlight--;
    this.waiting.shift()?.();
  }
}
