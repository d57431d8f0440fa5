/**
 * The one place the production server meets the bot (src/bot createBot). The server owns the listening socket,
 * the security headers, the body cap and the logs; the bot's Teams SDK app (Express inside its HttpPlugin) gets a
 * private http.Server that never listens, and the server hands it the requests for /api/* by emitting them there,
 * with the body already read under the cap (body-parser skips a request whose body has been consumed).
 *
 * Authentication: the bot is given its Entra app id, so the Teams SDK validates the Bot Framework JWT on every
 * activity (401 otherwise). Without an app id the SDK would accept anything, so a bot without one is NOT mounted
 * unless local mode explicitly asked for skipAuth (refused in m365 mode and under NODE_ENV=production).
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { BotOptions, BotRuntime } from "../bot/index.ts";
import { spAuthFrom } from "../data/auth/sp-auth.ts";
import type { ServerConfig } from "../config/server-config.ts";
import { ConfigError } from "../config/config-error.ts";
import type { Logger } from "./logger.ts";

export type CreateBot = (options: BotOptions) => Promise<BotRuntime>;

export interface MountedBot {
  /** Passes a request (body already read into req.body) to the bot's Express app. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  start(): Promise<void>;
  /** Stops the schedule and waits for reminder runs in flight (their sends) to finish. */
  stop(): Promise<void>;
  runtime: BotRuntime;
}

/** How the bot signs in to SharePoint: the configuration's sign-in (src/config/server-config.ts), through the data layer. */
export async function spAuthFor(c: ServerConfig): Promise<BotOptions["spAuth"]> {
  try {
    return await spAuthFrom(c.signIn);
  } catch (err) {
    // The key is read at once, so a wrong path fails here, at startup, not on the first reminder.
    throw new ConfigError("The server's configuration is not valid", [
      { setting: "EAP_CERT_KEY_PATH", message: `cannot read the private key file: ${(err as Error).message}`, reason: "unreadable" },
    ]);
  }
}

export async function mountBot(c: ServerConfig, log: Logger, createBot?: CreateBot, listeningOrigin?: string): Promise<MountedBot | undefined> {
  if (!c.botId && !c.botSkipAuth) {
    log.warn("EAP_BOT_ID is not set: the bot endpoint /api/messages is disabled (it would otherwise accept unauthenticated requests)");
    return undefined;
  }
  const factory = createBot ?? (await import("../bot/index.ts")).createBot;
  // SharePoint's sign-in first: it reports an unreadable key as a configuration error; Graph's reads the same key.
  const spAuth = await spAuthFor(c);
  const { emailOptionsFor, graphOptionsFor } = await import("../bot/graph-options.ts");
  const graph = graphOptionsFor(c.signIn, c.siteUrl, { clientId: c.botId, clientSecret: c.botSecret, tenantId: c.tenantId });
  const inner = http.createServer();
  const runtime = await factory({
    siteUrl: c.siteUrl,
    spAuth,
    clientId: c.botId,
    clientSecret: c.botSecret,
    tenantId: c.tenantId,
    // Loopback service URLs (the Agents Playground) are allowed only in local mode.
    mode: c.mode === "local" ? "local" : "teams",
    skipAuth: c.botSkipAuth,
    server: inner,
    appBaseUrl: c.appBaseUrl ?? listeningOrigin ?? `http://${c.host}:${c.port}`,
    teamsAppId: c.teamsAppId,
    ediChannel: c.ediChannel && c.ediServiceUrl ? { conversationId: c.ediChannel, serviceUrl: c.ediServiceUrl } : undefined,
    schedule: c.reminders ? { cron: c.reminderSchedule, timezone: "Europe/London", ediDigestCron: c.ediDigestSchedule } : false,
    logger: log.child({ component: "bot" }),
    graph,
    email: emailOptionsFor(c.reminderEmail, c.mailSender, graph),
  });
  return {
    runtime,
    handle: (req, res) => {
      inner.emit("request", req, res);
    },
    start: () => runtime.start(),
    stop: () => runtime.stop(),
  };
}
