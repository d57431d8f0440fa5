/**
 * Proactive sends to Teams' Bot Connector: `{serviceUrl}/v3/conversations/{id}/activities`, paced (./pacer.ts),
 * retried only when Teams certainly did not take them (./send-errors.ts: 429 honouring Retry-After, 412, a
 * connection never made), and classified when they fail for good so that the caller can mark a person
 * unreachable (403 MessageWritesBlocked, 404) or record a delivery as uncertain (5xx, timeout).
 */
import { Client as ConnectorClient } from "@microsoft/teams.api";
import type { Client as HttpClient } from "@microsoft/teams.common";
import { SendError } from "../errors.ts";
import type { Pacer } from "./pacer.ts";
import { classifySendError, mayRetry, retryAfterMs } from "./send-errors.ts";
import { type ServiceUrlPolicy, serviceUrlProblem } from "./service-url.ts";

export interface Target {
  serviceUrl: string;
  conversationId: string;
}

export interface SenderOptions {
  /** Attempts after the first on 429, 412 or a connection never made. */
  retries?: number;
  /** First back-off without Retry-After; doubles, with full jitter. */
  backoffMs?: number;
  /** Longest wait honoured from Retry-After. */
  maxRetryAfterMs?: number;
  botId?: string;
  /** Which service URLs may receive the bot's token (default: Teams hosts only). */
  serviceUrls?: ServiceUrlPolicy;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class TeamsSender {
  private readonly clients = new Map<string, ConnectorClient>();
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxRetryAfterMs: number;
  constructor(
    private readonly http: HttpClient,
    readonly pacer: Pacer,
    private readonly options: SenderOptions = {},
  ) {
    this.retries = options.retries ?? 4;
    this.backoffMs = options.backoffMs ?? 500;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  }

  /** Checked on every call, before anything is sent: a saved reference can be rewritten between two sends. */
  private client(serviceUrl: string): ConnectorClient {
    const problem = serviceUrlProblem(serviceUrl, this.options.serviceUrls ?? { allowLoopback: false });
    if (problem) throw new SendError("unsafe-service-url", `Not sent: the saved service URL is not a Teams service URL (${problem}).`);
    const base = serviceUrl.replace(/\/+$/, "");
    let c = this.clients.get(base);
    if (!c) {
      c = new ConnectorClient(base, this.http);
      this.clients.set(base, c);
    }
    return c;
  }

  /** Sends a new message; returns the id Teams gave it. */
  async send(target: Target, activity: Record<string, unknown>, cancelled: () => boolean = () => false): Promise<string | undefined> {
    const body = this.withBot(activity);
    const client = this.client(target.serviceUrl);
    const res = await this.attempt(target, () => client.conversations.createActivity(target.conversationId, body as never), cancelled);
    return (res as { id?: string } | undefined)?.id;
  }

  /** Replaces a sent message (a card after someone acted on it). */
  async update(target: Target, activityId: string, activity: Record<string, unknown>): Promise<void> {
    const body = this.withBot({ ...activity, id: activityId });
    const client = this.client(target.serviceUrl);
    await this.attempt(target, () => client.conversations.updateActivity(target.conversationId, activityId, body as never));
  }

  private withBot(activity: Record<string, unknown>): Record<string, unknown> {
    return this.options.botId && !activity.from ? { ...activity, from: { id: this.options.botId, role: "bot" } } : activity;
  }

  private async attempt<T>(target: Target, call: () => Promise<T>, cancelled: () => boolean = () => false): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const startedAt = await this.pacer.acquire(target.conversationId);
      // Checked after waiting our turn: a stop() while queued sends nothing (the request never left).
      if (cancelled()) throw new SendError("cancelled", "The bot is stopping; not sent.");
      try {
        return await call();
      } catch (err) {
        const e = classifySendError(err);
        if (!mayRetry(e) || attempt >= this.retries) throw e;
        const hinted = retryAfterMs(err);
        if (e.reason === "throttled") {
          // The pacer slows every send down and holds them all until Retry-After; the retry waits its turn there.
          this.pacer.throttled(startedAt, hinted === undefined ? undefined : Math.min(hinted, this.maxRetryAfterMs));
          if (hinted === undefined) await sleep((0.5 + Math.random() / 2) * this.backoffMs * 2 ** attempt);
          continue;
        }
        await sleep(hinted !== undefined ? Math.min(hinted, this.maxRetryAfterMs) : (0.5 + Math.random() / 2) * this.backoffMs * 2 ** attempt);
      }
    }
  }
}
