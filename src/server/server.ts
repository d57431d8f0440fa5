/**
 * The production server: ONE Node process that serves the built tab, its runtime configuration, the write API
 * (/api/actions/…, see ./api and docs/api.md), the bot endpoint, health and readiness, and runs the reminder
 * schedule (inside the bot). It listens where the configuration says
 * (127.0.0.1 by default; App Service's host binding is configuration), answers every request with the security
 * headers, logs one structured line per request with a request id, refuses oversized bodies with 413 before
 * anything parses them, and shuts down gracefully: stop accepting, let the bot finish the sends in flight, close.
 */
import { existsSync } from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { type ServerConfig, tabConfigOf } from "../config/server-config.ts";
import { onSharePointWait } from "../data/throttling.ts";
import { type ApiHandler, type ApiSeams, isApiPath, mountApi } from "./api/index.ts";
import { type CreateBot, type MountedBot, mountBot, spAuthFor } from "./bot-adapter.ts";
import { createLogger, type Logger, requestId } from "./logger.ts";
import { BodyError, declaredTooLarge, parseJson, readBody } from "./read-body.ts";
import { applyHeaders, securityHeaders } from "./security-headers.ts";
import { serveStatic } from "./static-files.ts";

export interface ProductionServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  port: number;
  server: http.Server;
  bot?: MountedBot;
  /** Graceful: refuse new connections, wait for the bot's runs in flight, then close. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** Test seam for the bot factory; production uses src/bot's createBot. */
  createBot?: CreateBot;
  /** Test seams of the write API (where Entra's keys are read; the clock). */
  api?: ApiSeams;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(text));
  res.end(text);
}

export async function startProductionServer(config: ServerConfig, opts: StartOptions = {}): Promise<ProductionServer> {
  const log = opts.logger ?? createLogger(config.logLevel);
  // The write API (./api): every write of the tab, checked and written with the app's identity.
  // A meeting's details come through the bot mounted below (its token), unless the caller gives its own reader.
  const api: ApiHandler = mountApi(config, await spAuthFor(config), log, { ...opts.api, meeting: opts.api?.meeting ?? (() => bot?.runtime.meeting) });
  // Each wait SharePoint asks for (throttling, a busy server, a lost connection) is one log line: how long, and why.
  const unlistenWaits = onSharePointWait((e) =>
    log.warn({ sharepoint: { status: e.status, waitMs: e.waitMs, attempt: e.attempt, method: e.method, scope: e.scope, retryAfter: e.toldBy } }, "SharePoint asked us to wait"),
  );
  const tabRoot = resolve(config.tabDir);
  const headers = securityHeaders(config.siteUrl);
  let stopping = false;
  let ready = false;
  let bot: MountedBot | undefined;
  let origin = "";
  const started = Date.now();

  const handle = async (req: IncomingMessage, res: ServerResponse, id: string): Promise<void> => {
    const path = (req.url ?? "/").split("?")[0] || "/";
    const method = req.method ?? "GET";

    if (isApiPath(path)) return api(req, res, id);
    if (path.startsWith("/api/")) {
      if (!bot) return sendJson(res, 503, { error: "bot-disabled", message: "The bot is not configured on this server (EAP_BOT_ID is not set).", requestId: id });
      if (method === "POST") {
        // Read (and cap) the body here; the bot's Express parser sees a consumed stream and keeps req.body.
        const body = parseJson(await readBody(req, config.maxBodyBytes));
        (req as IncomingMessage & { body?: unknown }).body = body;
      }
      return bot.handle(req, res);
    }
    if (method !== "GET" && method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      if (declaredTooLarge(req, config.maxBodyBytes)) throw new BodyError("too-large", `The request body is larger than the ${config.maxBodyBytes}-byte limit.`);
      return sendJson(res, 405, { error: "method-not-allowed", message: `${method} is not allowed on ${path}.`, requestId: id });
    }
    if (path === "/healthz") return sendJson(res, 200, { status: "ok", uptimeSeconds: Math.round((Date.now() - started) / 1000) });
    if (path === "/readyz") {
      const problems: string[] = [];
      if (stopping) problems.push("shutting down");
      if (!ready) problems.push("starting");
      if (!existsSync(join(tabRoot, "index.html"))) problems.push(`the tab is not built (${join(tabRoot, "index.html")} is missing; run npm run build)`);
      // A reminder run past its deadline (stuck) makes the instance not ready: its schedule has stopped working.
      if (bot) problems.push(...bot.runtime.health().problems);
      return sendJson(res, problems.length ? 503 : 200, { status: problems.length ? "not-ready" : "ready", bot: bot ? "enabled" : "disabled", problems });
    }
    if (path === "/eap-config.json") {
      res.setHeader("Cache-Control", "no-store");
      return sendJson(res, 200, tabConfigOf(config, origin));
    }
    if (await serveStatic(tabRoot, req, res, path)) return;
    if (path === "/" || path === "/index.html")
      return sendJson(res, 503, { error: "tab-not-built", message: "The tab has not been built: run npm run build.", requestId: id });
    return sendJson(res, 404, { error: "not-found", message: `Nothing at ${path}.`, requestId: id });
  };

  const server = http.createServer((req, res) => {
    const id = requestId(req);
    const t0 = process.hrtime.bigint();
    res.setHeader("X-Request-Id", id);
    applyHeaders(res, headers);
    if (stopping) res.setHeader("Connection", "close");
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      // Path only: query strings can carry tokens (deep links), and logs must not.
      log.info({ reqId: id, method: req.method, path: (req.url ?? "").split("?")[0], status: res.statusCode, ms: Math.round(ms * 10) / 10 }, "request");
    });
    handle(req, res, id).catch((err: unknown) => {
      if (err instanceof BodyError) {
        log.warn({ reqId: id, reason: err.reason }, err.message);
        if (!res.headersSent) {
          // Do not keep reading an oversized upload on this connection: answer, then close it.
          if (err.status === 413) res.setHeader("Connection", "close");
          sendJson(res, err.status, { error: err.reason, message: err.message, requestId: id });
        }
        if (err.status === 413) res.on("finish", () => req.destroy());
        return;
      }
      log.error({ reqId: id, err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err) }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal", message: "Something went wrong; the request id identifies it in the logs.", requestId: id });
      else res.destroy();
    });
  });
  // Slow or idle clients cannot hold sockets forever.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;
  server.on("clientError", (err, socket) => {
    log.warn({ err: err.message }, "malformed request");
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;

  try {
    bot = await mountBot(config, log, opts.createBot, origin);
    await bot?.start();
  } catch (err) {
    await new Promise<void>((r) => server.close(() => r()));
    unlistenWaits();
    throw err;
  }
  ready = true;
  log.info({ origin, mode: config.mode, siteUrl: config.siteUrl, bot: bot ? "enabled" : "disabled", reminders: Boolean(bot) && config.reminders }, "listening");

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      stopping = true;
      log.info("shutting down: no new connections; waiting for the bot's work in flight");
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      const grace = new Promise<void>((r) => setTimeout(r, config.shutdownGraceMs).unref());
      await Promise.race([Promise.all([bot?.stop(), closed]), grace]);
      server.closeAllConnections();
      await closed;
      unlistenWaits();
      log.info("stopped");
    })();
    return stopped;
  };
  return { origin, port, server, bot, stop };
}
