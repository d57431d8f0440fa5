/**
 * The production server's configuration (`eap serve`), read from the settings table: options > environment >
 * defaults. `loadServerConfig` throws one ConfigError that lists every missing or invalid setting, so an operator
 * fixes a deployment in one pass instead of one restart per mistake.
 *
 * Two modes:
 * - "m365": a real tenant. SharePoint over HTTPS with app-only certificate auth (Sites.Selected), the bot's
 *   incoming requests JWT-validated against its Entra app id, never skipAuth.
 * - "local": the local list server with development tokens, which it reads without verifying them: so local mode
 *   listens on loopback only. The bot still validates JWTs when a bot id is configured; skipping that is allowed
 *   only here, on loopback, and never when NODE_ENV=production.
 */
import type { ConfigProblem, ConfigWarning } from "./config-error.ts";
import { ediPairProblems } from "./edi-channel.ts";
import { isLoopbackHost, isLoopbackUrl } from "./loopback.ts";
import { gather, need, problem, rawOf, type Reading, settle, validate, withDefault } from "./read-settings.ts";
import { SCOPE_SETTINGS, SETTINGS } from "./settings.ts";
import { LOCAL_APP_IDENTITY } from "./local-identities.ts";
import { thumbprintWarnings, type UnattendedSignIn } from "./site-access.ts";

const KEYS = SCOPE_SETTINGS.serve;
type ServeKey = (typeof KEYS)[number];

export type ServerOptions = Partial<Record<ServeKey, unknown>>;

export interface ServerConfig {
  mode: "m365" | "local";
  host: string;
  port: number;
  siteUrl: string;
  publicHost?: string;
  tenantId?: string;
  tabClientId?: string;
  botId?: string;
  botSecret?: string;
  /**
   * How the server (its bot) signs in to SharePoint: app-only with the certificate in m365 mode (as EAP_SP_CLIENT_ID,
   * by default the bot's app), the local bot identity's development token in local mode.
   */
  signIn: UnattendedSignIn;
  teamsAppId?: string;
  ediChannel?: string;
  ediServiceUrl?: string;
  reminderSchedule: string;
  ediDigestSchedule: string;
  reminders: boolean;
  /** The email fallback (in effect only with a mailSender). */
  reminderEmail: "off" | "fallback" | "always";
  mailSender?: string;
  tabDir: string;
  maxBodyBytes: number;
  logLevel: string;
  shutdownGraceMs: number;
  botSkipAuth: boolean;
  /** The origin Teams loads the tab from, e.g. https://eap.contoso.gov.uk (local: where the server listens). */
  appBaseUrl?: string;
  /** Old names and deprecated values that still work: for the log. */
  warnings: ConfigWarning[];
}

/**
 * Rules across settings, checked on the values as given and ALWAYS run, even when a value is malformed, so that
 * no problem waits for the next attempt.
 */
function crossChecks(r: Reading<ServeKey>): ConfigProblem[] {
  const out: ConfigProblem[] = r.given.siteUrl ? [] : [problem(r, "siteUrl", "is required: the SharePoint site URL, e.g. https://contoso.sharepoint.com/sites/equality", "missing")];
  out.push(...ediPairProblems(r));
  const site = rawOf(r, "siteUrl");
  const host = String(rawOf(r, "host"));
  // As the setting reads it (true, "1", "yes" ...), even when another value is malformed.
  const skip = SETTINGS.botSkipAuth.schema.safeParse(rawOf(r, "botSkipAuth")).data === true;
  const mode = rawOf(r, "mode");
  if (mode === "m365") {
    if (typeof site === "string" && !site.startsWith("https://")) out.push(problem(r, "siteUrl", "must be an https:// SharePoint Online site in m365 mode", "invalid"));
    out.push(
      ...need(r, "publicHost", "in m365 mode: the public host name Teams loads the tab from"),
      ...need(r, "tenantId", "in m365 mode"),
      ...need(r, "tabClientId", "in m365 mode: the tab's Entra app (nested app authentication)"),
      ...need(r, "botId", "in m365 mode: incoming bot requests are validated against it"),
      ...need(r, "certKeyPath", "in m365 mode: the private key (PEM) for app-only SharePoint access"),
      ...need(r, "certThumbprint", "in m365 mode: the thumbprint of the certificate registered on the app"),
    );
    if (skip) out.push(problem(r, "botSkipAuth", "refused: the bot endpoint never skips authentication in m365 mode", "refused"));
  } else if (mode === "local") {
    if (typeof site === "string" && !isLoopbackUrl(site)) out.push(problem(r, "siteUrl", "must be a loopback URL (the local list server) in local mode", "invalid"));
  }
  // Development tokens (local mode) and unsigned bot activities (skip) are safe only where nobody else can connect.
  if ((mode === "local" || skip) && !isLoopbackHost(host)) {
    const why = [mode === "local" ? "local mode trusts unverified development tokens" : "", skip ? "EAP_BOT_SKIP_AUTH accepts unsigned bot activities" : ""].filter(Boolean).join(" and ");
    out.push(problem(r, "host", `refused: not a loopback address, and ${why}; listen on 127.0.0.1, ::1 or localhost`, "refused"));
  }
  if (skip && rawOf(r, "nodeEnv") === "production")
    out.push(problem(r, "botSkipAuth", "refused: NODE_ENV is production; the bot endpoint never skips authentication in production", "refused"));
  if (skip && r.given.botId) out.push(problem(r, "botSkipAuth", "conflicts with EAP_BOT_ID: a configured bot validates every request", "conflict"));
  return out;
}

export function loadServerConfig(options: ServerOptions = {}, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const r = gather("serve", KEYS, { options, env });
  for (const key of KEYS) withDefault(r, key);
  const { values: v, problems } = validate(r, KEYS);
  const warnings = settle("The server's configuration is not valid", [...problems, ...crossChecks(r)], [...r.warnings, ...thumbprintWarnings(r)]);
  // Everything with a default or a requirement is present once settle() has passed.
  return {
    mode: v.mode!,
    host: v.host!,
    port: v.port!,
    siteUrl: v.siteUrl ?? "",
    publicHost: v.publicHost,
    tenantId: v.tenantId,
    tabClientId: v.tabClientId,
    botId: v.botId,
    botSecret: v.botSecret,
    signIn:
      v.mode === "local"
        ? { kind: "dev-app", app: LOCAL_APP_IDENTITY }
        : { kind: "certificate", tenantId: v.tenantId!, clientId: (v.spClientId ?? v.botId)!, siteUrl: v.siteUrl!, privateKeyPath: v.certKeyPath!, thumbprint: v.certThumbprint! },
    teamsAppId: v.teamsAppId,
    ediChannel: v.ediChannel,
    ediServiceUrl: v.ediServiceUrl,
    reminderSchedule: v.reminderSchedule!,
    ediDigestSchedule: v.ediDigestSchedule!,
    reminders: v.reminders!,
    reminderEmail: v.reminderEmail!,
    mailSender: v.mailSender,
    tabDir: v.tabDir!,
    maxBodyBytes: v.maxBodyBytes!,
    logLevel: v.logLevel!,
    shutdownGraceMs: v.shutdownGraceMs!,
    botSkipAuth: v.botSkipAuth!,
    appBaseUrl: v.publicHost ? `https://${v.publicHost}` : undefined,
    warnings,
  };
}

/** What the tab fetches at ./eap-config.json: nothing secret, only where SharePoint is and who the app is. */
export function tabConfigOf(
  c: { mode: string; siteUrl: string; tabClientId?: string; tenantId?: string; teamsAppId?: string; appBaseUrl?: string },
  listeningOrigin?: string,
): Record<string, string> {
  const out: Record<string, string> = { mode: c.mode, siteUrl: c.siteUrl };
  if (c.tabClientId) out.clientId = c.tabClientId;
  if (c.tenantId) out.tenantId = c.tenantId;
  if (c.teamsAppId) out.teamsAppId = c.teamsAppId;
  const base = c.appBaseUrl ?? listeningOrigin;
  if (base) out.appBaseUrl = base;
  return out;
}
