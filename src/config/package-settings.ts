/**
 * Settings for `eap package`: the ids and host names that make the manifest template a tenant's app package.
 * Options > environment > defaults; every missing or invalid setting is reported at once. Names follow the
 * Microsoft 365 Agents Toolkit's env files (TEAMS_APP_ID is what its teamsApp/create action writes).
 */
import { z } from "zod";
import { ConfigError, envValue, GUID, problemsFrom } from "./config-error.ts";

export interface PackageOptions {
  teamsAppId?: string;
  clientId?: string;
  botId?: string;
  publicHost?: string;
  siteUrl?: string;
  sharePointScope?: string;
  appVersion?: string;
  developerName?: string;
  websiteUrl?: string;
  privacyUrl?: string;
  termsUrl?: string;
}

/** Option key -> the template placeholder / environment variable it fills. */
export const PACKAGE_ENV: Record<keyof PackageOptions, string> = {
  teamsAppId: "TEAMS_APP_ID",
  clientId: "EAP_CLIENT_ID",
  botId: "EAP_BOT_ID",
  publicHost: "EAP_PUBLIC_HOST",
  siteUrl: "EAP_SITE_URL",
  sharePointScope: "EAP_SHAREPOINT_SCOPE",
  appVersion: "EAP_APP_VERSION",
  developerName: "EAP_DEVELOPER_NAME",
  websiteUrl: "EAP_WEBSITE_URL",
  privacyUrl: "EAP_PRIVACY_URL",
  termsUrl: "EAP_TERMS_URL",
};

const guid = (what: string) => z.string({ error: `is required (the ${what}, a GUID)` }).regex(GUID, `must be a GUID (the ${what})`);
const https = (what: string) => z.string().regex(/^https:\/\/[^\s/]+(\/\S*)?$/i, `must be an https:// URL (${what})`);

const schema = z.object({
  teamsAppId: guid("Teams app id"),
  clientId: guid("tab's Entra app client id"),
  botId: guid("bot's Entra app id"),
  publicHost: z
    .string({ error: "is required: the public host name Teams loads the tab from, e.g. eap.contoso.gov.uk" })
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, "must be a public DNS host name without scheme, port or path, e.g. eap.contoso.gov.uk"),
  siteUrl: https("the council's SharePoint site").optional(),
  sharePointScope: z.string({ error: "is required: set EAP_SITE_URL (the scope is derived from it) or EAP_SHAREPOINT_SCOPE" }).regex(/^https:\/\/\S+$/, "must be a scope URI such as https://contoso.sharepoint.com/.default"),
  // Lengths and formats the Teams schema itself checks are left to it, so its errors reach the operator as-is.
  appVersion: z.string().regex(/^\d+\.\d+\.\d+$/, "must be a version like 1.2.3 (Teams accepts only three numbers)"),
  developerName: z.string().min(1),
  websiteUrl: https("the developer's website").optional(),
  privacyUrl: https("the privacy notice").optional(),
  termsUrl: https("the terms of use").optional(),
});
export type PackageSettings = z.infer<typeof schema> & { websiteUrl: string; privacyUrl: string; termsUrl: string };

export function loadPackageSettings(options: PackageOptions = {}, env: NodeJS.ProcessEnv = process.env, defaults: { appVersion: string }): PackageSettings {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(PACKAGE_ENV) as [keyof PackageOptions, string][]) {
    const o = options[key];
    raw[key] = o !== undefined && o !== "" ? o : envValue(env, name);
  }
  if (raw.sharePointScope === undefined && typeof raw.siteUrl === "string" && URL.canParse(raw.siteUrl)) raw.sharePointScope = `${new URL(raw.siteUrl).origin}/.default`;
  raw.appVersion ??= defaults.appVersion;
  raw.developerName ??= "Equality Action Plan";

  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ConfigError("The app package settings are not valid", problemsFrom(parsed.error.issues, (k) => (PACKAGE_ENV as Record<string, string>)[k] ?? k, raw));
  // The developer pages default to the app's own host; a council sets its privacy notice and terms in production.
  const websiteUrl = parsed.data.websiteUrl ?? `https://${parsed.data.publicHost}/`;
  return { ...parsed.data, websiteUrl, privacyUrl: parsed.data.privacyUrl ?? websiteUrl, termsUrl: parsed.data.termsUrl ?? websiteUrl };
}

/** The template's ${{NAME}} placeholders and their values. */
export function placeholderValues(s: PackageSettings): Record<string, string> {
  return {
    TEAMS_APP_ID: s.teamsAppId,
    EAP_CLIENT_ID: s.clientId,
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
