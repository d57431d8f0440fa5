/**
 * The bot's settings: what createBot takes, their defaults, and their validation, in one place (as
 * microsoft/teams.ts keeps app.options apart from the app). Each tunable is taken from the options, else from the
 * environment, else from its default; every invalid setting is reported at once in a BotConfigError.
 */
import type http from "node:http";
import { Cron } from "croner";
import type { SpAuth } from "../data/auth/token-auth.ts";
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy, reminderPolicySchema } from "../domain/reminder-policy.ts";
import { BotConfigError } from "./errors.ts";
import { type PinoLike, SILENT } from "./logger.ts";
import { APP_SENDS_PER_SECOND, TEAMS_SENDS_PER_SECOND } from "./sending/pacer.ts";
import { serviceUrlProblem } from "./sending/service-url.ts";

export interface ScheduleOptions {
  cron: string;
  timezone: "Europe/London";
  ediDigestCron?: string;
}

export const DEFAULT_SCHEDULE: ScheduleOptions = { cron: "0 9 * * 1-5", timezone: "Europe/London", ediDigestCron: "0 10 * * 1" };

export interface BotOptions {
  siteUrl: string;
  /** How the bot reaches SharePoint: a development token locally, an app-only certificate in production. */
  spAuth: SpAuth;
  clientId?: string;
  clientSecret?: string;
  tenantId?: string;
  /**
   * "local": the local SharePoint and Agents Playground (loopback service URLs allowed; skipAuth possible).
   * "teams" (default unless skipAuth): Teams' Bot Connector hosts only.
   */
  mode?: "teams" | "local";
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
  /** A crashed run's claims are taken over after this long (env EAP_BOT_LEASE_MS; default 10 minutes). */
  leaseMs?: number;
  /**
   * Ceiling of the app-wide pace, sends per second (env EAP_BOT_SENDS_PER_SECOND; default 28, Teams'
   * 30 per app and tenant less a margin for jitter; at most 30). The pace halves on a 429 and recovers by itself.
   */
  sendsPerSecond?: number;
  /** A request to Teams not answered in this long is abandoned (env EAP_BOT_SEND_TIMEOUT_MS; default 20 s). */
  sendTimeoutMs?: number;
  /** A run still going after this long shows as stuck in health() (env EAP_BOT_RUN_DEADLINE_MS; default 30 min). */
  runDeadlineMs?: number;
  /**
   * Microsoft Graph, to install the app for officers who never opened it (with `teamsAppId`, the manifest id) and
   * to email those Teams cannot reach. Without it, officers with no conversation are reported, not reached.
   */
  graph?: GraphOptions;
  /**
   * Where a conversation opened through Graph is sent to (Teams' global proactive host by default; locally the
   * Bot Connector stand-in). A conversation captured from an activity keeps the service URL Teams gave it.
   */
  proactiveServiceUrl?: string;
  /** The email fallback: "off", "fallback" (officers Teams cannot reach; the default with a sender) or "always". */
  email?: { mode: EmailMode; sender?: string };
}

export type EmailMode = "off" | "fallback" | "always";

export interface GraphOptions {
  /** Default https://graph.microsoft.com/v1.0. */
  baseUrl?: string;
  token: () => Promise<string>;
  requestsPerSecond?: number;
}

/** Teams' global host for proactive messages when no activity gave a service URL (Microsoft's proactive messaging docs). */
export const DEFAULT_PROACTIVE_SERVICE_URL = "https://smba.trafficmanager.net/teams/";

/** Settings after defaults and validation: what the rest of the bot reads. */
export interface ResolvedBotOptions extends Omit<BotOptions, "schedule" | "policy" | "logger" | "now" | "leaseMs" | "sendsPerSecond" | "skipAuth" | "mode" | "sendTimeoutMs" | "runDeadlineMs" | "proactiveServiceUrl" | "email"> {
  proactiveServiceUrl: string;
  email: { mode: EmailMode; sender?: string };
  mode: "teams" | "local";
  skipAuth: boolean;
  schedule: ScheduleOptions | false;
  policy: ReminderPolicy;
  logger: PinoLike;
  now: () => Date;
  leaseMs: number;
  sendsPerSecond: number;
  sendTimeoutMs: number;
  runDeadlineMs: number;
}

export const DEFAULTS = {
  leaseMs: 10 * 60_000,
  sendsPerSecond: APP_SENDS_PER_SECOND,
  sendTimeoutMs: 20_000,
  runDeadlineMs: 30 * 60_000,
} as const;

type Env = Record<string, string | undefined>;

/** options > env > default, for a positive number; a bad value is a problem, not a silent default. */
function numberSetting(problems: string[], name: string, given: number | undefined, envName: string, env: Env, fallback: number, max: number): number {
  const raw = given ?? (env[envName] !== undefined && env[envName] !== "" ? Number(env[envName]) : undefined);
  if (raw === undefined) return fallback;
  if (!Number.isFinite(raw) || raw <= 0 || raw > max) {
    problems.push(`${name} "${given ?? env[envName]}" must be a number above 0 and at most ${max}${given === undefined ? ` (from ${envName})` : ""}`);
    return fallback;
  }
  return raw;
}

function checkCron(problems: string[], expr: string, what: string): void {
  try {
    new Cron(expr, { paused: true, timezone: "Europe/London" }).stop();
  } catch (err) {
    problems.push(`${what} "${expr}" is not a valid cron expression: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function resolveBotOptions(o: BotOptions, env: Env = process.env): ResolvedBotOptions {
  const problems: string[] = [];
  const skipAuth = o.skipAuth ?? false;
  if (skipAuth && env.NODE_ENV === "production") {
    problems.push("skipAuth accepts unauthenticated requests and is for local mode only; it is refused when NODE_ENV=production.");
  }
  if (!skipAuth && !o.clientId) problems.push("clientId is required unless skipAuth is set (local mode).");
  const mode = o.mode ?? (skipAuth ? "local" : "teams");
  if (mode !== "local" && mode !== "teams") problems.push(`mode "${mode}" must be "teams" or "local"`);
  if (skipAuth && mode !== "local") problems.push("skipAuth is for local mode only (mode \"local\").");
  const serviceUrls = { allowLoopback: mode === "local" };
  if (o.ediChannel) {
    const problem = serviceUrlProblem(o.ediChannel.serviceUrl, serviceUrls);
    if (problem) problems.push(`ediChannel.serviceUrl is not a Teams service URL: ${problem}`);
  }

  let policy: ReminderPolicy = DEFAULT_REMINDER_POLICY;
  const parsedPolicy = reminderPolicySchema.safeParse({ ...DEFAULT_REMINDER_POLICY, ...o.policy });
  if (parsedPolicy.success) policy = parsedPolicy.data;
  else problems.push(`invalid reminder policy: ${parsedPolicy.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);

  const schedule =
    o.schedule === false
      ? false
      : {
          cron: o.schedule?.cron ?? DEFAULT_SCHEDULE.cron,
          timezone: o.schedule?.timezone ?? DEFAULT_SCHEDULE.timezone,
          ediDigestCron: o.schedule?.ediDigestCron ?? DEFAULT_SCHEDULE.ediDigestCron,
        };
  if (schedule) {
    if (schedule.timezone !== "Europe/London") problems.push(`schedule timezone must be Europe/London, not "${schedule.timezone}"`);
    checkCron(problems, schedule.cron, "schedule.cron");
    if (schedule.ediDigestCron) checkCron(problems, schedule.ediDigestCron, "schedule.ediDigestCron");
  }
  for (const [k, v] of [
    ["appBaseUrl", o.appBaseUrl],
    ["siteUrl", o.siteUrl],
  ] as const) {
    if (!URL.canParse(v)) problems.push(`${k} "${v}" is not a URL`);
  }
  const leaseMs = numberSetting(problems, "leaseMs", o.leaseMs, "EAP_BOT_LEASE_MS", env, DEFAULTS.leaseMs, 24 * 3600_000);
  const sendsPerSecond = numberSetting(problems, "sendsPerSecond", o.sendsPerSecond, "EAP_BOT_SENDS_PER_SECOND", env, DEFAULTS.sendsPerSecond, TEAMS_SENDS_PER_SECOND);
  const sendTimeoutMs = numberSetting(problems, "sendTimeoutMs", o.sendTimeoutMs, "EAP_BOT_SEND_TIMEOUT_MS", env, DEFAULTS.sendTimeoutMs, 300_000);
  const runDeadlineMs = numberSetting(problems, "runDeadlineMs", o.runDeadlineMs, "EAP_BOT_RUN_DEADLINE_MS", env, DEFAULTS.runDeadlineMs, 24 * 3600_000);
  const proactiveServiceUrl = o.proactiveServiceUrl ?? DEFAULT_PROACTIVE_SERVICE_URL;
  const proactiveProblem = serviceUrlProblem(proactiveServiceUrl, serviceUrls);
  if (proactiveProblem) problems.push(`proactiveServiceUrl is not a Teams service URL: ${proactiveProblem}`);
  const email = o.email ?? { mode: "off" as const };
  if (!["off", "fallback", "always"].includes(email.mode)) problems.push(`email.mode "${email.mode}" must be "off", "fallback" or "always"`);
  if (email.mode !== "off" && !email.sender) problems.push(`email.mode "${email.mode}" needs email.sender: the shared mailbox the app may send as`);
  if (email.mode !== "off" && !o.graph) problems.push(`email.mode "${email.mode}" needs graph: email is sent through Microsoft Graph`);
  if (problems.length) throw new BotConfigError(problems);

  return {
    ...o,
    mode,
    skipAuth,
    schedule,
    policy,
    logger: o.logger ?? SILENT,
    now: o.now ?? (() => new Date()),
    leaseMs,
    sendsPerSecond,
    sendTimeoutMs,
    runDeadlineMs,
    proactiveServiceUrl,
    email,
  };
}
