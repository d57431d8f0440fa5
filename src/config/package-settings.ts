/**
 * Settings for `eap package`: the ids and host names that make the manifest template a tenant's app package, read
 * from the settings table (options > environment > defaults); every missing or invalid setting is reported at once.
 * The template's ${{NAME}} placeholders are named after the environment variables (the Agents Toolkit's way).
 */
import type { ConfigWarning } from "./config-error.ts";
import { gather, need, problem, type Reading, settle, validate, withDefault } from "./read-settings.ts";
import { SCOPE_SETTINGS, SETTINGS } from "./settings.ts";

const KEYS = SCOPE_SETTINGS.package;
type PackageKey = (typeof KEYS)[number];

export type PackageOptions = Partial<Record<PackageKey, string>>;

export interface PackageSettings {
  teamsAppId: string;
  tabClientId: string;
  botId: string;
  publicHost: string;
  siteUrl?: string;
  sharePointScope: string;
  appVersion: string;
  developerName: string;
  websiteUrl: string;
  privacyUrl: string;
  termsUrl: string;
  warnings: ConfigWarning[];
}

const REQUIRED: [PackageKey, string][] = [
  ["teamsAppId", "(the Teams app id, a GUID)"],
  ["tabClientId", "(the tab's Entra app client id, a GUID)"],
  ["botId", "(the bot's Entra app id, a GUID)"],
  ["publicHost", "(the public host name Teams loads the tab from, e.g. eap.contoso.gov.uk)"],
  ["sharePointScope", "(set EAP_SITE_URL, from which it is derived, or EAP_SHAREPOINT_SCOPE)"],
];

export function loadPackageSettings(
  options: PackageOptions & { flagsUsed?: Partial<Record<PackageKey, string>> } = {},
  env: NodeJS.ProcessEnv = process.env,
  defaults: { appVersion: string },
): PackageSettings {
  const r: Reading<PackageKey> = gather("package", KEYS, { options, env, flagsUsed: options.flagsUsed });
  const site = r.given.siteUrl?.value;
  if (typeof site === "string" && URL.canParse(site)) withDefault(r, "sharePointScope", `${new URL(site).origin}/.default`);
  withDefault(r, "appVersion", defaults.appVersion);
  for (const key of KEYS) withDefault(r, key);
  const { values: v, problems } = validate(r, KEYS);
  // The site is optional here, but when given it is a real (https) SharePoint site: its origin is the tab's scope.
  if (typeof site === "string" && !site.startsWith("https://") && !problems.some((p) => p.setting === "EAP_SITE_URL"))
    problems.unshift(problem(r, "siteUrl", "must be an https:// URL (the council's SharePoint site)", "invalid"));
  for (const [key, what] of REQUIRED) problems.push(...need(r, key, what));
  // In the table's order, as an operator reads down their settings.
  const order = (setting: string) => KEYS.findIndex((k) => SETTINGS[k].env === setting);
  problems.sort((a, b) => order(a.setting) - order(b.setting));
  const warnings = settle("The app package settings are not valid", problems, r.warnings);
  // The developer pages default to the app's own host; a council sets its privacy notice and terms in production.
  const websiteUrl = v.websiteUrl ?? `https://${v.publicHost}/`;
  return {
    teamsAppId: v.teamsAppId!,
    tabClientId: v.tabClientId!,
    botId: v.botId!,
    publicHost: v.publicHost!,
    siteUrl: v.siteUrl,
    sharePointScope: v.sharePointScope!,
    appVersion: v.appVersion!,
    developerName: v.developerName!,
    websiteUrl,
    privacyUrl: v.privacyUrl ?? websiteUrl,
    termsUrl: v.termsUrl ?? websiteUrl,
    warnings,
  };
}

/** The template's ${{NAME}} placeholders and their values. */
export function placeholderValues(s: PackageSettings): Record<string, string> {
  return {
    TEAMS_APP_ID: s.teamsAppId,
    EAP_TAB_CLIENT_ID: s.tabClientId,
    EAP_BOT_ID: s.botId,
    EAP_PUBLIC_HOST: s.publicHost,
    EAP_SHAREPOINT_SCOPE: s.sharePointScope,
    EAP_APP_VERSION: s.appVersion,
    EAP_DEVELOPER_NAME: s.developerName,
    EAP_WEBSITE_URL: s.websiteUrl,
    EAP_PRIVACY_URL: s.privacyUrl,
    EAP_TERMS_URL: s.termsUrl,
  };
}
