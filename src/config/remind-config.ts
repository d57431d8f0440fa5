/**
 * `eap remind`: the site and its sign-in (./site-access.ts) plus the bot's identity, read from the same settings as
 * the server (EAP_BOT_ID, EAP_BOT_SECRET, EAP_TENANT_ID, EAP_EDI_CHANNEL …), so one set of variables serves both.
 * On the local site (a loopback URL) no bot credentials are used: messages go to the service URL saved in each
 * person's conversation reference, i.e. the local Agents Playground's connector.
 */
import type { ConfigWarning } from "./config-error.ts";
import { ediChannelOf, ediPairProblems } from "./edi-channel.ts";
import { isLoopbackUrl } from "./loopback.ts";
import { gather, need, problem, settle, validate } from "./read-settings.ts";
import type { SCOPE_SETTINGS } from "./settings.ts";
import { readSiteAccess, type SiteAccess } from "./site-access.ts";

/** Where the development tab listens (`npm start`): the cards' links on the local site. */
export const LOCAL_TAB_URL = "http://127.0.0.1:5173";

const BOT_KEYS = ["botId", "botSecret", "tenantId", "appUrl", "publicHost", "teamsAppId", "ediChannel", "ediServiceUrl", "reminderEmail", "mailSender"] as const;

export interface RemindConfig {
  access: SiteAccess;
  /** The local list server: no bot credentials, and the bot may skip authentication (it never listens). */
  local: boolean;
  appBaseUrl: string;
  botId?: string;
  botSecret?: string;
  tenantId?: string;
  teamsAppId?: string;
  ediChannel?: { conversationId: string; serviceUrl: string };
  /** The email fallback (in effect only with a mailSender). */
  reminderEmail: "off" | "fallback" | "always";
  mailSender?: string;
  warnings: ConfigWarning[];
}

export function loadRemindConfig(
  options: Partial<Record<(typeof SCOPE_SETTINGS.remind)[number], unknown>>,
  env: NodeJS.ProcessEnv = process.env,
  run: { dryRun: boolean; ediDigest: boolean } = { dryRun: false, ediDigest: false },
): RemindConfig {
  const site = readSiteAccess(options, env, "remind");
  const r = gather("remind", BOT_KEYS, { options, env });
  const { values: v, problems } = validate(r, BOT_KEYS);
  const siteUrl = site.access?.siteUrl ?? String(site.reading.given.siteUrl?.value ?? "");
  const local = isLoopbackUrl(siteUrl);
  const appBaseUrl = v.appUrl ?? (v.publicHost ? `https://${v.publicHost}` : local ? LOCAL_TAB_URL : undefined);
  if (!appBaseUrl && !r.given.appUrl && !r.given.publicHost)
    problems.push(problem(r, "appUrl", "is required: the tab's URL for the cards' links; pass --app-url or set EAP_APP_BASE_URL (or EAP_PUBLIC_HOST)", "missing"));
  if (!local && !run.dryRun) {
    const why = "to send on a real site: the bot's credentials";
    problems.push(...need(r, "botId", why), ...need(r, "botSecret", why), ...need(r, "tenantId", why));
  }
  problems.push(...ediPairProblems(r));
  if (run.ediDigest && !r.given.ediChannel && !r.given.ediServiceUrl) problems.push(problem(r, "ediChannel", "is required for --edi-digest, with EAP_EDI_SERVICE_URL", "missing"));
  const warnings = settle("The settings are not valid", [...site.problems, ...problems], [...site.reading.warnings, ...r.warnings]);
  return {
    access: site.access!,
    local,
    appBaseUrl: appBaseUrl!,
    botId: local ? undefined : v.botId,
    botSecret: local ? undefined : v.botSecret,
    tenantId: local ? undefined : v.tenantId,
    teamsAppId: v.teamsAppId,
    ediChannel: ediChannelOf(v),
    reminderEmail: (v.reminderEmail as RemindConfig["reminderEmail"] | undefined) ?? "fallback",
    mailSender: v.mailSender,
    warnings,
  };
}
