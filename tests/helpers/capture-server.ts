/**
 * A stand-in for Teams' Bot Connector service, for tests: the bot's `serviceUrl` points here, so every message it
 * sends is recorded for real (with a timestamp) and read back. It can answer chosen conversations with 403
 * MessageWritesBlocked, 404, or 429 a number of times, deliver a message and then fail (5xx) or answer too late,
 * throttle every send for a while, and hold requests unanswered (a bot that crashes while sending). Listens on
 * 127.0.0.1, port 0.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Captured {
  method: "POST" | "PUT";
  conversationId: string;
  /** For PUT: the activity replaced. */
  activityId?: string;
  activity: Record<string, unknown>;
  /** performance.now() when the request arrived. */
  at: number;
  status: number;
  authorization?: string;
}

export interface Member {
  id?: string;
  aadObjectId: string;
  userPrincipalName: string;
  email?: string;
  name: string;
}

type Rule =
  | { kind: "block" }
  | { kind: "not-found" }
  | { kind: "throttle"; remaining: number; retryAfterSeconds: number }
  | { kind: "deliver-then-fail"; remaining: number; status: number }
  | { kind: "deliver-late"; remaining: number; delayMs: number }
  | { kind: "refuse"; remaining: number; status: number };

export interface CaptureServer {
  serviceUrl: string;
  /** Delivered sends and updates (2xx), in arrival order. */
  delivered: Captured[];
  /** Every attempt, including refused ones. */
  attempts: Captured[];
  members: Map<string, Member>;
  block(conversationId: string): void;
  notFound(conversationId: string): void;
  throttle(conversationId: string, times: number, retryAfterSeconds?: number): void;
  /** Deliver the message, then answer `status` (a 5xx after Teams took it), the next `times` sends. */
  deliverThenFail(conversationId: string, status: number, times?: number): void;
  /** Deliver the message and answer only after `delayMs` (longer than the bot waits), the next `times` sends. */
  deliverLate(conversationId: string, delayMs: number, times?: number): void;
  /** Answer `status` without delivering, the next `times` sends. */
  refuse(conversationId: string, status: number, times?: number): void;
  /** Answer 429 to every send for the next `ms` (from now), whatever the conversation. */
  throttleAllFor(ms: number, retryAfterSeconds?: number): void;
  /** Deliver to this conversation normally again. */
  allow(conversationId: string): void;
  /** Leave new send requests unanswered (and undelivered) until release(). */
  hold(): void;
  release(): void;
  /** Requests being held. */
  held(): number;
  sentTo(conversationId: string): Captured[];
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export async function startCaptureServer(): Promise<CaptureServer> {
  const delivered: Captured[] = [];
  const attempts: Captured[] = [];
  const members = new Map<string, Member>();
  const rules = new Map<string, Rule>();
  const throttleAllUntil = { until: 0, retryAfterSeconds: 0 };
  let holding = false;
  const heldResponses: ServerResponse[] = [];
  let nextId = 1;

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    const at = performance.now();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname).replace(/\/{2,}/g, "/");
    const body = await readBody(req);
    const send = /^\/v3\/conversations\/(.+)\/activities$/.exec(path);
    const update = /^\/v3\/conversations\/(.+)\/activities\/([^/]+)$/.exec(path);
    const member = /^\/v3\/conversations\/(.+)\/members\/([^/]+)$/.exec(path);

    if (req.method === "GET" && member) {
      const m = members.get(member[2]) ?? [...members.values()].find((x) => x.aadObjectId === member[2]);
      if (!m) return json(res, 404, { error: { code: "MemberNotFoundInConversation", message: "The member was not found" } });
      return json(res, 200, { id: member[2], ...m, email: m.email ?? m.userPrincipalName });
    }
    if ((req.method === "POST" && send) || (req.method === "PUT" && update)) {
      const conversationId = (send ?? update)?.[1] as string;
      let activity: Record<string, unknown> = {};
      try {
        activity = JSON.parse(body || "{}");
      } catch {
        return json(res, 400, { error: { code: "BadSyntax", message: "Invalid JSON" } });
      }
      const rec: Captured = {
        method: req.method as "POST" | "PUT",
        conversationId,
        activityId: update?.[2],
        activity,
        at,
        status: 0,
        authorization: req.headers.authorization,
      };
      attempts.push(rec);
      if (holding && req.method === "POST") {
        rec.status = -1;
        heldResponses.push(res);
        return;
      }
      if (req.method === "POST" && performance.now() < throttleAllUntil.until) {
        rec.status = 429;
        return json(res, 429, { error: { code: "Throttled", message: "Too many requests" } }, { "retry-after": String(throttleAllUntil.retryAfterSeconds) });
      }
      const rule = rules.get(conversationId);
      if (rule?.kind === "refuse" && rule.remaining > 0) {
        rule.remaining--;
        rec.status = rule.status;
        return json(res, rule.status, { error: { code: rule.status === 412 ? "PreconditionFailed" : "Refused", message: "Refused" } });
      }
      if (rule?.kind === "deliver-then-fail" && rule.remaining > 0) {
        rule.remaining--;
        rec.status = rule.status;
        delivered.push({ ...rec, status: 201 });
        return json(res, rule.status, { error: { code: "ServiceError", message: "Internal error" } });
      }
      if (rule?.kind === "deliver-late" && rule.remaining > 0) {
        rule.remaining--;
        rec.status = 201;
        delivered.push(rec);
        setTimeout(() => {
          if (!res.destroyed) json(res, 201, { id: `msg-${nextId++}` });
        }, rule.delayMs).unref();
        return;
      }
      if (rule?.kind === "block") {
        rec.status = 403;
        return json(res, 403, { error: { code: "MessageWritesBlocked", message: "Thread is blocked for writing by the user" } });
      }
      if (rule?.kind === "not-found") {
        rec.status = 404;
        return json(res, 404, { error: { code: "ConversationNotFound", message: "Conversation not found." } });
      }
      if (rule?.kind === "throttle" && rule.remaining > 0) {
        rule.remaining--;
        rec.status = 429;
        return json(res, 429, { error: { code: "Throttled", message: "Too many requests" } }, { "retry-after": String(rule.retryAfterSeconds) });
      }
      rec.status = req.method === "POST" ? 201 : 200;
      delivered.push(rec);
      return json(res, rec.status, { id: update?.[2] ?? `msg-${nextId++}` });
    }
    // Control routes, for a capture server running in its own process (benchmarks): its clock, what arrived, and
    // throttling on demand. Not part of Teams' API.
    if (req.method === "GET" && path === "/_capture/now") return json(res, 200, { now: performance.now() });
    if (req.method === "GET" && path === "/_capture/arrivals") {
      return json(res, 200, { attempts: attempts.map((a) => ({ at: a.at, status: a.status, method: a.method, conversationId: a.conversationId })), delivered: delivered.length });
    }
    if (req.method === "POST" && path === "/_capture/throttle-all") {
      throttleAllUntil.until = performance.now() + Number(url.searchParams.get("ms") ?? 0);
      throttleAllUntil.retryAfterSeconds = Number(url.searchParams.get("retryAfter") ?? 1);
      return json(res, 200, {});
    }
    json(res, 404, { error: { code: "NotFound", message: `No route for ${req.method} ${path}` } });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    delivered,
    attempts,
    members,
    block: (c) => rules.set(c, { kind: "block" }),
    notFound: (c) => rules.set(c, { kind: "not-found" }),
    throttle: (c, times, retryAfterSeconds = 0) => rules.set(c, { kind: "throttle", remaining: times, retryAfterSeconds }),
    refuse: (c, status, times = 1) => rules.set(c, { kind: "refuse", remaining: times, status }),
    deliverThenFail: (c, status, times = 1) => rules.set(c, { kind: "deliver-then-fail", remaining: times, status }),
    deliverLate: (c, delayMs, times = 1) => rules.set(c, { kind: "deliver-late", remaining: times, delayMs }),
    throttleAllFor: (ms, retryAfterSeconds = 1) => {
      throttleAllUntil.until = performance.now() + ms;
      throttleAllUntil.retryAfterSeconds = retryAfterSeconds;
    },
    allow: (c) => {
      rules.delete(c);
    },
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      for (const r of heldResponses.splice(0)) r.destroy();
    },
    held: () => heldResponses.length,
    sentTo: (c) => delivered.filter((d) => d.conversationId === c && d.method === "POST"),
    waitFor: async (predicate, timeoutMs = 10_000) => {
      const end = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > end) throw new Error("capture server: condition not met in time");
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of heldResponses.splice(0)) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
