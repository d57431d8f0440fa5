/**
 * The production server's configuration: command-line options > environment variables > defaults, validated with
 * zod. `loadServerConfig` throws one ConfigError that lists every missing or invalid setting, so an operator fixes
 * a deployment in one pass instead of one restart per mistake.
 *
 * Two modes:
 * - "m365": a real tenant. SharePoint over HTTPS with app-only certificate auth (Sites.Selected), the bot's
 *   incoming requests JWT-validated against its Entra app id, never skipAuth.
 * - "local": the local list server on a loopback address with development tokens, for demos and tests. The bot
 *   still validates JWTs when a bot id is configured; skipping that is allowed only here and never when
 *   NODE_ENV=production.
 */
import { Cron } from "croner";
import { z } from "zod";
import { ConfigError, envValue, GUID, isLoopbackUrl, problemsFrom } from "./config-error.ts";

export interface ServerOptions {
  mode?: string;
  host?: string;
  port?: string | number;
  siteUrl?: string;
  publicHost?: string;
  tenantId?: string;
  clientId?: string;
  botId?: string;
  botSecret?: string;
  spClientId?: string;
  certKeyPath?: string;
  certThumbprint?: string;
  teamsAppId?: string;
  ediChannel?: string;
  ediServiceUrl?: string;
  reminderSchedule?: string;
  ediDigestSchedule?: string;
  reminders?: string | boolean;
  tabDir?: string;
  maxBodyBytes?: string | number;
  logLevel?: string;
  shutdownGraceMs?: string | number;
  botSkipAuth?: string | boolean;
}

/** Each setting's environment variable(s), first one wins; the first name is the one shown in errors and docs. */
export const SERVER_ENV: Record<keyof ServerOptions, string[]> = {
  mode: ["EAP_MODE"],
  host: ["EAP_HOST"],
  port: ["EAP_PORT", "PORT"],
  siteUrl: ["EAP_SITE_URL"],
  publicHost: ["EAP_PUBLIC_HOST"],
  tenantId: ["EAP_TENANT_ID"],
  clientId: ["EAP_CLIENT_ID"],
  botId: ["EAP_BOT_ID"],
  botSecret: ["EAP_BOT_SECRET"],
  spClientId: ["EAP_SP_CLIENT_ID"],
  certKeyPath: ["EAP_CERT_KEY_PATH"],
  certThumbprint: ["EAP_CERT_THUMBPRINT"],
  teamsAppId: ["EAP_TEAMS_APP_ID", "TEAMS_APP_ID"],
  ediChannel: ["EAP_EDI_CHANNEL"],
  ediServiceUrl: ["EAP_EDI_SERVICE_URL"],
  reminderSchedule: ["EAP_REMINDER_SCHEDULE"],
  ediDigestSchedule: ["EAP_EDI_DIGEST_SCHEDULE"],
  reminders: ["EAP_REMINDERS"],
  tabDir: ["EAP_TAB_DIR"],
  maxBodyBytes: ["EAP_MAX_BODY_BYTES"],
  logLevel: ["EAP_LOG_LEVEL"],
  shutdownGraceMs: ["EAP_SHUTDOWN_GRACE_MS"],
  botSkipAuth: ["EAP_BOT_SKIP_AUTH"],
};

export const SERVER_DEFAULTS = {
  host: "127.0.0.1",
  port: 3978,
  /** Weekdays at 09:00 UK time: reminders land at the start of the working day. */
  reminderSchedule: "0 9 * * 1-5",
  /** Mondays at 10:00 UK time: the equalities team's weekly digest in its channel. */
  ediDigestSchedule: "0 10 * * 1",
  tabDir: "dist/tab",
  /** Bot activities are a few kB; the Teams SDK's own JSON parser stops at 100 kB too. */
  maxBodyBytes: 100 * 1024,
  logLevel: "info",
  shutdownGraceMs: 10_000,
} as const;

const SECRET_KEYS = new Set(["botSecret", "certKeyPath"]);

const guid = (what: string) => z.string().regex(GUID, `must be a GUID (the ${what})`);
const bool = z.union([z.boolean(), z.enum(["true", "false", "1", "0", "yes", "no"])]).transform((v) => v === true || v === "true" || v === "1" || v === "yes");
const int = (min: number, max: number) =>
  z.union([z.number(), z.string().regex(/^\d+$/, "must be a whole number")]).transform(Number).pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const cron = z.string().refine((s) => {
  try {
    new Cron(s, { paused: true, timezone: "Europe/London" }).stop();
    return true;
  } catch {
    return false;
  }
}, "is not a valid cron expression (five fields, e.g. 0 9 * * 1-5)");

const schema = z
  .object({
    mode: z.enum(["m365", "local"], { error: 'must be "m365" (a real tenant) or "local" (the local list server)' }),
    host: z.string().min(1),
    port: int(0, 65535),
    siteUrl: z
      .string({ error: "is required: the SharePoint site URL, e.g. https://contoso.sharepoint.com/sites/equality" })
      .refine((s) => /^https?:\/\/[^/]+/i.test(s) && URL.canParse(s), "is not an absolute http(s) URL"),
    publicHost: z
      .string()
      .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d+)?$/i, "must be a host name without scheme or path, e.g. eap.contoso.gov.uk")
      .optional(),
    tenantId: guid("Entra tenant id").optional(),
    clientId: guid("tab's Entra app client id").optional(),
    botId: guid("bot's Entra app id").optional(),
    botSecret: z.string().min(1).optional(),
    spClientId: guid("Entra app id used for app-only SharePoint access").optional(),
    certKeyPath: z.string().min(1).optional(),
    certThumbprint: z.string().regex(/^([0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/, "must be a SHA-1 (40 hex) or SHA-256 (64 hex) certificate thumbprint").optional(),
    teamsAppId: guid("Teams app id").optional(),
    ediChannel: z.string().min(1).optional(),
    ediServiceUrl: z.string().regex(/^https:\/\/\S+$/, "must be the https:// service URL Teams gave the channel's conversation, e.g. https://smba.trafficmanager.net/uk/").optional(),
    reminderSchedule: cron,
    ediDigestSchedule: cron,
    reminders: bool,
    tabDir: z.string().min(1),
    maxBodyBytes: int(1024, 10 * 1024 * 1024),
    logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { error: "must be one of fatal, error, warn, info, debug, trace, silent" }),
    shutdownGraceMs: int(0, 120_000),
    botSkipAuth: bool,
    nodeEnv: z.string().optional(),
  })
  ;

const truthy = (v: unknown) => v === true || v === "true" || v === "1" || v === "yes";

/**
 * Rules across settings, checked on the raw values and ALWAYS run: zod skips an object's refinements once a field
 * has failed, which would hide these problems until the next attempt.
 */
function crossChecks(raw: Record<string, unknown>): { key: string; message: string }[] {
  const out: { key: string; message: string }[] = [];
  const need = (key: string, why: string) => {
    if (raw[key] === undefined) out.push({ key, message: `is required ${why}` });
  };
  if ((raw.ediChannel === undefined) !== (raw.ediServiceUrl === undefined))
    out.push({ key: raw.ediChannel === undefined ? "ediChannel" : "ediServiceUrl", message: "is required when EAP_EDI_CHANNEL / EAP_EDI_SERVICE_URL is set: the digest needs both the conversation id and its service URL" });
  const site = typeof raw.siteUrl === "string" ? raw.siteUrl : undefined;
  const skip = truthy(raw.botSkipAuth);
  if (raw.mode === "m365") {
    if (site && !site.startsWith("https://")) out.push({ key: "siteUrl", message: "must be an https:// SharePoint Online site in m365 mode" });
    need("publicHost", "in m365 mode: the public host name Teams loads the tab from");
    need("tenantId", "in m365 mode");
    need("clientId", "in m365 mode: the tab's Entra app (nested app authentication)");
    need("botId", "in m365 mode: incoming bot requests are validated against it");
    need("certKeyPath", "in m365 mode: the private key (PEM) for app-only SharePoint access");
    need("certThumbprint", "in m365 mode: the thumbprint of the certificate registered on the app");
    if (skip) out.push({ key: "botSkipAuth", message: "refused: the bot endpoint never skips authentication in m365 mode" });
  } else if (raw.mode === "local") {
    if (site && !isLoopbackUrl(site)) out.push({ key: "siteUrl", message: "must be a loopback URL (the local list server) in local mode" });
  }
  if (skip && raw.nodeEnv === "production")
    out.push({ key: "botSkipAuth", message: "refused: NODE_ENV is production; the bot endpoint never skips authentication in production" });
  if (skip && raw.botId !== undefined) out.push({ key: "botSkipAuth", message: "conflicts with EAP_BOT_ID: a configured bot validates every request" });
  return out;
}

export type ServerConfig = Omit<z.infer<typeof schema>, "nodeEnv"> & {
  /** The origin Teams loads the tab from, e.g. https://eap.contoso.gov.uk (local: http://127.0.0.1:<port>). */
  appBaseUrl?: string;
};

export function loadServerConfig(options: ServerOptions = {}, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const raw: Record<string, unknown> = {};
  for (const [key, names] of Object.entries(SERVER_ENV) as [keyof ServerOptions, string[]][]) {
    const o = options[key];
    raw[key] = o !== undefined && o !== "" ? o : envValue(env, ...names);
  }
  raw.mode ??= "m365";
  raw.host ??= SERVER_DEFAULTS.host;
  raw.port ??= SERVER_DEFAULTS.port;
  raw.reminderSchedule ??= SERVER_DEFAULTS.reminderSchedule;
  raw.ediDigestSchedule ??= SERVER_DEFAULTS.ediDigestSchedule;
  raw.reminders ??= true;
  raw.tabDir ??= SERVER_DEFAULTS.tabDir;
  raw.maxBodyBytes ??= SERVER_DEFAULTS.maxBodyBytes;
  raw.logLevel ??= SERVER_DEFAULTS.logLevel;
  raw.shutdownGraceMs ??= SERVER_DEFAULTS.shutdownGraceMs;
  raw.botSkipAuth ??= false;
  raw.nodeEnv = env.NODE_ENV;

  const parsed = schema.safeParse(raw);
  const cross = crossChecks(raw);
  if (!parsed.success || cross.length > 0) {
    const settingOf = (key: string) => (SERVER_ENV as Record<string, string[]>)[key]?.[0] ?? key;
    const issues = [...(parsed.success ? [] : parsed.error.issues), ...cross.map((c) => ({ code: "custom" as const, path: [c.key], message: c.message, input: raw[c.key] }))];
    throw new ConfigError("The server's configuration is not valid", problemsFrom(issues, settingOf, raw, SECRET_KEYS));
  }
  const { nodeEnv: _n, ...c } = parsed.data;
  return {
    ...c,
    siteUrl: c.siteUrl.replace(/\/+$/, ""),
    spClientId: c.spClientId ?? c.botId,
    appBaseUrl: c.publicHost ? `https://${c.publicHost}` : undefined,
  };
}

/** What the tab fetches at ./eap-config.json: nothing secret, only where SharePoint is and who the app is. */
export function tabConfigOf(c: ServerConfig, listeningOrigin?: string): Record<string, string> {
  const out: Record<string, string> = { mode: c.mode, siteUrl: c.siteUrl };
  if (c.clientId) out.clientId = c.clientId;
  if (c.tenantId) out.tenantId = c.tenantId;
  if (c.teamsAppId) out.teamsAppId = c.teamsAppId;
  const base = c.appBaseUrl ?? listeningOrigin;
  if (base) out.appBaseUrl = base;
  return out;
}
