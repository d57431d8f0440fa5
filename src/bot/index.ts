/**
 * The reminder bot: createBot() wires the Teams SDK app (messages, installs, card actions) to SharePoint through
 * src/data, and runs reminders on a schedule or on demand. The caller owns the HTTP server (host and port).
 */
import type http from "node:http";
import type { Activity } from "@microsoft/teams.api";
import { App, HttpPlugin } from "@microsoft/teams.apps";
import { Client as HttpClient } from "@microsoft/teams.common";
import { Cron } from "croner";
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy, reminderPolicySchema } from "../domain/reminder-policy.ts";
import type { SpAuth } from "../data/auth/token-auth.ts";
import { getConversationByUserId, markUnreachable } from "../data/conversations/index.ts";
import { createSp } from "../data/index.ts";
import { buildAnswerCard } from "./cards/answer-card.ts";
import { attachment, CARD_CONTENT_TYPE, type Card } from "./cards/common.ts";
import { handleCardAction } from "./card-actions.ts";
import type { BotContext } from "./context.ts";
import { captureConversation, type MemberInfo } from "./conversation-capture.ts";
import { type EdiDigestReport, runEdiDigest } from "./edi-digest.ts";
import { type Actor, Authorizer, resolveUpn } from "./identity.ts";
import { type PinoLike, SILENT, toTeamsLogger } from "./logger.ts";
import { answerMessage } from "./messages.ts";
import { Pacer } from "./pacer.ts";
import { type RunControl, type RunReport, runReminders } from "./reminder-run.ts";
import { DEFAULT_SCHEDULE, type ScheduleOptions, startSchedule } from "./schedule.ts";
import { TeamsSender } from "./sender.ts";

export type { RunReport, DigestReport } from "./reminder-run.ts";
export type { EdiDigestReport } from "./edi-digest.ts";
export type { PinoLike } from "./logger.ts";

export interface BotOptions {
  siteUrl: string;
  /** How the bot reaches SharePoint: a development token locally, an app-only certificate in production. */
  spAuth: SpAuth;
  clientId?: string;
  clientSecret?: string;
  tenantId?: string;
  /** Local mode only: accept activities without Teams' token. Refused when NODE_ENV=production. */
  skipAuth?: boolean;
  /** The caller creates and listens (it controls host and port); the bot adds its routes to it. */
  server?: http.Server;
  appBaseUrl: string;
  teamsAppId?: string;
  ediChannel?: { conversationId: string; serviceUrl: string };
  schedule?: ScheduleOptions | false;
  policy?: Partial<ReminderPolicy>;
  /** Outbound token for offline tests with skipAuth. */
  token?: () => Promise<string>;
  logger?: PinoLike;
  now?: () => Date;
  /** A crashed run's claims are taken over after this long (default 10 minutes). */
  leaseMs?: number;
  /** App-wide sends per second (default 20: with 8 in flight, at most 28 arrive in any second; Teams allows 30). */
  sendsPerSecond?: number;
}

export interface BotRuntime {
  app: App;
  http: HttpPlugin;
  start(): Promise<void>;
  stop(): Promise<void>;
  runReminders(opts: { now?: Date; dryRun?: boolean }): Promise<RunReport>;
  runEdiDigest(opts?: { now?: Date; dryRun?: boolean }): Promise<EdiDigestReport>;
}

export class BotConfigError extends Error {
  readonly reason: "config";
  constructor(message: string) {
    super(message);
    this.name = "BotConfigError";
    this.reason = "config";
  }
}

function checkCron(expr: string, what: string): void {
  try {
    new Cron(expr, { paused: true, timezone: "Europe/London" }).stop();
  } catch (err) {
    throw new BotConfigError(`${what} "${expr}" is not a valid cron expression: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export async function createBot(options: BotOptions): Promise<BotRuntime> {
  if (options.skipAuth && process.env.NODE_ENV === "production") {
    throw new BotConfigError("skipAuth accepts unauthenticated requests and is for local mode only; it is refused when NODE_ENV=production.");
  }
  if (!options.skipAuth && !options.clientId) throw new BotConfigError("clientId is required unless skipAuth is set (local mode).");
  let policy: ReminderPolicy;
  try {
    policy = reminderPolicySchema.parse({ ...DEFAULT_REMINDER_POLICY, ...options.policy });
  } catch (err) {
    throw new BotConfigError(`invalid reminder policy: ${err instanceof Error ? err.message : String(err)}`);
  }
  const schedule =
    options.schedule === false
      ? false
      : {
          cron: options.schedule?.cron ?? DEFAULT_SCHEDULE.cron,
          timezone: options.schedule?.timezone ?? DEFAULT_SCHEDULE.timezone,
          ediDigestCron: options.schedule?.ediDigestCron ?? DEFAULT_SCHEDULE.ediDigestCron,
        };
  if (schedule) {
    if (schedule.timezone !== "Europe/London") throw new BotConfigError(`schedule timezone must be Europe/London, not "${schedule.timezone}"`);
    checkCron(schedule.cron, "schedule.cron");
    if (schedule.ediDigestCron) checkCron(schedule.ediDigestCron, "schedule.ediDigestCron");
  }
  for (const [k, v] of [["appBaseUrl", options.appBaseUrl], ["siteUrl", options.siteUrl]] as const) {
    if (!URL.canParse(v)) throw new BotConfigError(`${k} "${v}" is not a URL`);
  }

  const log = options.logger ?? SILENT;
  const httpPlugin = new HttpPlugin(options.server, { dangerouslyAllowUnauthenticatedRequests: options.skipAuth ?? false });
  const app = new App({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    tenantId: options.tenantId,
    token: options.clientId && options.token ? async () => options.token?.() as Promise<string> : undefined,
    plugins: [httpPlugin],
    dangerouslyAllowUnauthenticatedRequests: options.skipAuth ?? false,
    logger: toTeamsLogger(log),
  });
  // Outbound: the app's own client (bot token from its credentials), or the test token offline.
  const outbound = options.token && !options.clientId ? new HttpClient({ token: options.token }) : app.api.http;
  const sender = new TeamsSender(outbound, new Pacer(options.sendsPerSecond), { botId: options.clientId });
  const ctx: BotContext = {
    sp: createSp(options.siteUrl, options.spAuth),
    sender,
    policy,
    links: { appBaseUrl: options.appBaseUrl, teamsAppId: options.teamsAppId },
    log,
    now: options.now ?? (() => new Date()),
    leaseMs: options.leaseMs ?? 10 * 60_000,
    ediChannel: options.ediChannel,
  };
  const auth = new Authorizer(ctx.sp);

  // Runs in flight, so that stop() can let them finish and leave the ledger consistent.
  const running = new Set<{ control: RunControl; done: Promise<unknown> }>();
  const track = <T>(control: RunControl, work: (c: RunControl) => Promise<T>): Promise<T> => {
    const done = work(control);
    const entry = { control, done: done.catch(() => undefined) };
    running.add(entry);
    return done.finally(() => running.delete(entry));
  };

  const memberLookup = (act: Activity) => async (): Promise<MemberInfo | undefined> => {
    const from = act.from;
    if (!from?.id || !act.conversation?.id) return undefined;
    const client = new (await import("@microsoft/teams.api")).Client((act.serviceUrl ?? "").replace(/\/+$/, ""), outbound);
    const m = (await client.conversations.members(act.conversation.id).getById(from.id)) as { userPrincipalName?: string; email?: string; name?: string };
    return { upn: m.userPrincipalName, email: m.email, name: m.name };
  };
  const capture = async (act: Activity) => {
    try {
      return await captureConversation(ctx, act, memberLookup(act));
    } catch (err) {
      log.error({ err: String(err) }, "could not save the conversation reference");
      return null;
    }
  };
  const actorOf = async (act: Activity): Promise<Actor> => {
    const objectId = act.from?.aadObjectId ?? "";
    return { objectId, name: act.from?.name ?? "", upn: await resolveUpn(ctx.sp, objectId, async () => (await memberLookup(act)())?.upn) };
  };

  app.on("install.add", async ({ activity }) => {
    await capture(activity as Activity);
  });
  app.on("install.remove", async ({ activity }) => {
    // Removing the app ends the conversation: say so, so the equalities lead sees who is not being reminded.
    try {
      const ref = activity.from?.aadObjectId ? await getConversationByUserId(ctx.sp, activity.from.aadObjectId) : null;
      if (ref && !ref.unreachable) await markUnreachable(ctx.sp, ref, "Removed the app in Teams");
    } catch (err) {
      log.error({ err: String(err) }, "could not record that the app was removed");
    }
  });
  app.on("conversationUpdate", async ({ activity }) => {
    await capture(activity as Activity);
  });
  app.on("message", async ({ activity, send }) => {
    const captured = await capture(activity as Activity);
    const upn = captured?.ref.upn ?? (await actorOf(activity as Activity)).upn;
    let card: Card;
    try {
      card = await answerMessage(ctx, auth, activity.text ?? "", upn);
    } catch (err) {
      log.error({ err: String(err) }, "could not answer a message");
      card = buildAnswerCard("error", ["I could not read the plan just now. Please try again in a few minutes."]);
    }
    await send({ type: "message", attachments: [attachment(card)] } as never);
  });
  app.on("card.action", async ({ activity }) => {
    const act = activity as Activity & { value?: { action?: { verb?: string; data?: unknown } }; replyToId?: string; id?: string };
    const verb = String(act.value?.action?.verb ?? "");
    let card: Card;
    try {
      const actor = await actorOf(act);
      const result = await handleCardAction(ctx, auth, { verb, data: act.value?.action?.data, actor, invokeId: act.id ?? `${Date.now()}` });
      card = result.card;
      log.info({ verb, outcome: result.outcome, upn: actor.upn }, "card action");
      if (result.wrote && act.replyToId && act.conversation?.id && act.serviceUrl) {
        // The invoke response refreshes the card for the person who pressed; updating the message shows the
        // new state wherever else it is displayed.
        await sender
          .update({ serviceUrl: act.serviceUrl, conversationId: act.conversation.id }, act.replyToId, { type: "message", attachments: [attachment(card)] })
          .catch((err) => log.warn({ err: String(err) }, "could not update the sent card"));
      }
    } catch (err) {
      log.error({ err: String(err), verb }, "card action failed");
      card = buildAnswerCard("error", ["Nothing was saved: SharePoint could not be reached. Please try again in a few minutes."]);
    }
    return { statusCode: 200, type: CARD_CONTENT_TYPE, value: card } as never;
  });

  let cron: { stop(): void } | null = null;
  const runtime: BotRuntime = {
    app,
    http: httpPlugin,
    async start() {
      // initialize() registers /api/messages on the caller's server; we never call app.start(), which would
      // listen on every interface.
      await app.initialize();
      if (schedule && !cron) {
        cron = startSchedule(
          schedule,
          {
            reminders: () => runtime.runReminders({}),
            ediDigest: ctx.ediChannel ? () => runtime.runEdiDigest({}) : undefined,
          },
          (err) => log.error({ err: String(err) }, "scheduled run failed"),
        );
      }
    },
    async stop() {
      cron?.stop();
      cron = null;
      for (const r of running) r.control.stopping = true;
      await Promise.all([...running].map((r) => r.done));
    },
    runReminders: (opts) => track({ stopping: false }, (control) => runReminders(ctx, opts ?? {}, control)),
    runEdiDigest: (opts = {}) => track({ stopping: false }, () => runEdiDigest(ctx, opts)),
  };
  return runtime;
}
