/**
 * Proactive sends to Teams' Bot Connector: `{serviceUrl}/v3/conversations/{id}/activities`, paced (./pacer.ts),
 * retried with back-off and jitter on 429 (honouring Retry-After), 412 and 5xx, and classified when they fail for
 * good so that the caller can mark a person unreachable (403 MessageWritesBlocked, 404 conversation not found).
 */
import { Client as ConnectorClient } from "@microsoft/teams.api";
import type { Client as HttpClient } from "@microsoft/teams.common";
import { SendError } from "../errors.ts";
import type { Pacer } from "./pacer.ts";
import { type ServiceUrlPolicy, serviceUrlProblem } from "./service-url.ts";

export interface Target {
  serviceUrl: string;
  conversationId: string;
}

export interface SenderOptions {
  /** Attempts after the first on 429/412/5xx. */
  retries?: number;
  /** First back-off without Retry-After; doubles, with full jitter. */
  backoffMs?: number;
  /** Longest wait honoured from Retry-After. */
  maxRetryAfterMs?: number;
  botId?: string;
  /** Which service URLs may receive the bot's token (default: Teams hosts only). */
  serviceUrls?: ServiceUrlPolicy;
}

interface AxiosLikeError {
  response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
  status?: number;
  message?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function classifySendError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  const e = err as AxiosLikeError;
  const status = e?.response?.status ?? e?.status;
  const body = e?.response?.data === undefined ? "" : typeof e.response.data === "string" ? e.response.data : JSON.stringify(e.response.data);
  const detail = body ? `${body.slice(0, 300)}` : (e?.message ?? String(err));
  if (status === 403 && /MessageWritesBlocked|ConversationBlockedByUser|BotDisabledByAdmin|blocked/i.test(body))
    return new SendError("blocked", `Teams refused the message: the person blocked or removed the bot (${detail})`, status, err);
  if (status === 404) return new SendError("not-found", `Teams does not know this conversation any more (${detail})`, status, err);
  if (status === 429) return new SendError("throttled", `Teams throttled the send (${detail})`, status, err);
  if (status === undefined || status >= 500 || status === 412) return new SendError("transient", `Sending failed: ${status ?? "network"} ${detail}`, status, err);
  return new SendError("rejected", `Teams rejected the message: HTTP ${status} ${detail}`, status, err);
}

function retryAfterMs(err: unknown): number | undefined {
  const h = (err as AxiosLikeError)?.response?.headers;
  const v = h?.["retry-after"] ?? h?.["Retry-After"];
  if (v === undefined || v === null) return undefined;
  const s = Number(v);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const at = Date.parse(String(v));
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export class TeamsSender {
  private readonly clients = new Map<string, ConnectorClient>();
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxRetryAfterMs: number;
  constructor(
    private readonly http: HttpClient,
    private readonly pacer: Pacer,
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
      await this.pacer.acquire(target.conversationId);
      // Checked after waiting our turn: a stop() while queued sends nothing (the request never left).
      if (cancelled()) throw new SendError("cancelled", "The bot is stopping; not sent.");
      try {
        return await call();
      } catch (err) {
        const e = classifySendError(err);
        const retryable = e.reason === "throttled" || e.reason === "transient";
        if (!retryable || attempt >= this.retries) throw e;
        const hinted = retryAfterMs(err);
        const wait = hinted !== undefined ? Math.min(hinted, this.maxRetryAfterMs) : (0.5 + Math.random() / 2) * this.backoffMs * 2 ** attempt;
        await sleep(wait);
      }
    }
  }
}
