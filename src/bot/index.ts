/**
 * The reminder bot, composed: settings (./options.ts), the Teams SDK app and its routes (./routes), the sender,
 * the reminder run (./reminders), the EDI digest and the schedule (./scheduler.ts). The caller owns the HTTP
 * server (host and port); the bot adds /api/messages to it and never listens itself.
 */
import { App, HttpPlugin } from "@microsoft/teams.apps";
import { Client as HttpClient } from "@microsoft/teams.common";
import { createSp } from "../data/index.ts";
import { GRAPH_BASE_URL, GraphClient, Mailer } from "../graph/index.ts";
import type { BotContext } from "./context.ts";
import { type EdiDigestReport, runEdiDigest } from "./edi-digest.ts";
import { toTeamsLogger } from "./logger.ts";
import { type BotOptions, resolveBotOptions } from "./options.ts";
import { type RunReport, runReminders } from "./reminders/reminder-run.ts";
import { registerRoutes } from "./routes/index.ts";
import { type Health, Scheduler } from "./scheduler.ts";
import { Pacer } from "./sending/pacer.ts";
import { withTimeout } from "./sending/send-errors.ts";
import { TeamsSender } from "./sending/sender.ts";
import { type MeetingReader, meetingReader } from "./meetings.ts";

export type { EdiDigestReport } from "./edi-digest.ts";
export { BotConfigError, SendError } from "./errors.ts";
export type { PinoLike } from "./logger.ts";
export { type MeetingDetails, MeetingError, type MeetingFailure, type MeetingReader } from "./meetings.ts";
export type { BotOptions, EmailMode, GraphOptions, ScheduleOptions } from "./options.ts";
export type { DigestReport, RunReport } from "./reminders/reminder-run.ts";
export type { Health } from "./scheduler.ts";

export interface BotRuntime {
  app: App;
  http: HttpPlugin;
  start(): Promise<void>;
  stop(): Promise<void>;
  runReminders(opts: { now?: Date; dryRun?: boolean }): Promise<RunReport>;
  runEdiDigest(opts?: { now?: Date; dryRun?: boolean }): Promise<EdiDigestReport>;
  /** Runs in flight and any past their deadline (the server's /readyz reads it). */
  health(): Health;
  /** A meeting's details from Teams (./meetings.ts), on the configured service URL: the review's date. */
  meeting: MeetingReader;
}

export async function createBot(input: BotOptions): Promise<BotRuntime> {
  const o = resolveBotOptions(input);
  const log = o.logger;
  const httpPlugin = new HttpPlugin(o.server, { dangerouslyAllowUnauthenticatedRequests: o.skipAuth });
  const app = new App({
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    tenantId: o.tenantId,
    token: o.clientId && o.token ? async () => o.token?.() as Promise<string> : undefined,
    plugins: [httpPlugin],
    dangerouslyAllowUnauthenticatedRequests: o.skipAuth,
    logger: toTeamsLogger(log),
  });
  // Outbound: the app's own client (bot token from its credentials), or the test token offline.
  const outbound = o.token && !o.clientId ? new HttpClient({ token: o.token }) : app.api.http;
  // Every request to Teams times out: a send that hangs must not hold a run (nor a worker) forever.
  outbound.use(withTimeout(o.sendTimeoutMs));
  const serviceUrls = { allowLoopback: o.mode === "local" };
  // Graph: one client for installing the app and for mail (their requests share the app's throttling budget).
  const graph = o.graph ? new GraphClient({ baseUrl: o.graph.baseUrl ?? GRAPH_BASE_URL, token: o.graph.token, requestsPerSecond: o.graph.requestsPerSecond }) : undefined;
  if (graph && !o.teamsAppId) log.warn({}, "Microsoft Graph is configured without the Teams app id: officers who never opened the app will not be reached");
  const ctx: BotContext = {
    sp: createSp(o.siteUrl, o.spAuth),
    sender: new TeamsSender(outbound, new Pacer({ perSecond: o.sendsPerSecond }), { botId: o.clientId, serviceUrls }),
    policy: o.policy,
    links: { appBaseUrl: o.appBaseUrl, teamsAppId: o.teamsAppId },
    log,
    now: o.now,
    leaseMs: o.leaseMs,
    ediChannel: o.ediChannel,
    serviceUrls,
    reach: graph && o.teamsAppId ? { graph, manifestId: o.teamsAppId, serviceUrl: o.proactiveServiceUrl, tenantId: o.tenantId ?? "" } : undefined,
    email: { mode: o.email.mode, mailer: graph && o.email.sender && o.email.mode !== "off" ? new Mailer(graph, o.email.sender) : undefined },
  };
  registerRoutes(app, { ctx, outbound });
  const scheduler = new Scheduler(o.schedule, (err) => log.error({ err: String(err) }, "scheduled run failed"), o.runDeadlineMs);

  const runtime: BotRuntime = {
    app,
    http: httpPlugin,
    async start() {
      // initialize() registers /api/messages on the caller's server; app.start() would listen on every interface.
      await app.initialize();
      scheduler.start({ reminders: () => runtime.runReminders({}), ediDigest: ctx.ediChannel ? () => runtime.runEdiDigest({}) : undefined });
    },
    stop: () => scheduler.stop(),
    runReminders: (opts) => scheduler.track("reminder run", (control) => runReminders(ctx, opts ?? {}, control)),
    runEdiDigest: (opts = {}) => scheduler.track("EDI digest", () => runEdiDigest(ctx, opts)),
    health: () => scheduler.health(),
    // The EDI channel's service URL is the tenant's own region; else the configured proactive one.
    meeting: meetingReader(outbound, o.ediChannel?.serviceUrl ?? o.proactiveServiceUrl, serviceUrls),
  };
  return runtime;
}
