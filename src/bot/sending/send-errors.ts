/**
 * What a failed request to Teams' Bot Connector means, and whether it may be tried again. The rule: a send is
 * repeated only when Teams certainly did not take it: 429 (throttled; after Retry-After), 412 (Teams' "concurrent
 * operations", refused before processing) and connections that were never made (refused, no route, no DNS
 * answer). A 5xx, a timeout or a connection dropped after the request went out may have been delivered (Teams has
 * no idempotency key), so it is "uncertain": recorded, and never sent again automatically for that milestone.
 */
import { SendError } from "../errors.ts";

interface AxiosLikeError {
  response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
  status?: number;
  code?: string;
  message?: string;
  cause?: { code?: string };
}

/** Node's codes for a connection that was never established: nothing reached Teams. */
const NEVER_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]);

export function classifySendError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  const e = err as AxiosLikeError;
  const status = e?.response?.status ?? e?.status;
  const body = e?.response?.data === undefined ? "" : typeof e.response.data === "string" ? e.response.data : JSON.stringify(e.response.data);
  const detail = body ? `${body.slice(0, 300)}` : (e?.message ?? String(err));
  if (status === undefined) {
    const code = e?.code ?? e?.cause?.code ?? "";
    if (NEVER_CONNECTED.has(code)) return new SendError("transient", `Teams could not be reached (${code}); nothing was sent`, undefined, err);
    return new SendError("uncertain", `No answer from Teams (${code || detail}); it may have been delivered`, undefined, err);
  }
  if (status === 403 && /MessageWritesBlocked|ConversationBlockedByUser|BotDisabledByAdmin|blocked/i.test(body))
    return new SendError("blocked", `Teams refused the message: the person blocked or removed the bot (${detail})`, status, err);
  if (status === 404) return new SendError("not-found", `Teams does not know this conversation any more (${detail})`, status, err);
  if (status === 429) return new SendError("throttled", `Teams throttled the send (${detail})`, status, err);
  if (status === 412) return new SendError("transient", `Teams refused the send for now (412 ${detail})`, status, err);
  if (status >= 500) return new SendError("uncertain", `Teams answered ${status}; the message may have been delivered (${detail})`, status, err);
  return new SendError("rejected", `Teams rejected the message: HTTP ${status} ${detail}`, status, err);
}

/** Whether a failed attempt may be made again (see the rule above). */
export const mayRetry = (e: SendError) => e.reason === "throttled" || e.reason === "transient";

/** Retry-After in milliseconds (seconds, possibly fractional, or an HTTP date), if Teams sent one. */
export function retryAfterMs(err: unknown): number | undefined {
  const h = (err as AxiosLikeError)?.response?.headers;
  const v = h?.["retry-after"] ?? h?.["Retry-After"];
  if (v === undefined || v === null) return undefined;
  const s = Number(v);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const at = Date.parse(String(v));
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** A per-request timeout on an HTTP client of the Teams SDK (axios underneath), unless a request sets its own. */
export function withTimeout(ms: number) {
  return {
    invoke<R>(context: { config: { timeout?: number } }, next: () => Promise<R>): Promise<R> {
      context.config.timeout ??= ms;
      return next();
    },
  };
}
