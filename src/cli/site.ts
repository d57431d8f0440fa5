/**
 * How every site command says which site and how to sign in: the flags and loader of src/config/site-access.ts
 * (options > environment > defaults; every problem at once), and the SharePoint client for those settings.
 */
import type { Command } from "commander";
import { devIdentity } from "../config/local-identities.ts";
import { SCOPE_SETTINGS } from "../config/settings.ts";
import { loadSiteAccess, type SiteAccess } from "../config/site-access.ts";
import { createSp, type SPFI, type SpAuth, TokenAuth } from "../data/index.ts";
import { DevTokenAuth } from "../data/auth/dev-token.ts";
import { printWarnings } from "./say.ts";
import { addSettingOptions, typedSettings } from "./setting-options.ts";

export function addSiteOptions(cmd: Command): Command {
  return addSettingOptions(cmd, "site", SCOPE_SETTINGS.site);
}

/** The settings as the sign-in below takes them. */
export interface SiteSettings {
  site: string;
  auth: "dev" | "device-code" | "certificate";
  as: string;
  tenantId?: string;
  clientId?: string;
  certKeyPath?: string;
  certThumbprint?: string;
}

/** The command's site and sign-in from what was typed and the environment; old names are warned about. */
export function siteSettings(cmd: Command, env = process.env): SiteSettings {
  const { access, warnings } = loadSiteAccess(typedSettings(cmd, SCOPE_SETTINGS.site).options, env);
  printWarnings(warnings);
  return siteSettingsOf(access);
}

export function siteSettingsOf(access: SiteAccess): SiteSettings {
  const { siteUrl: site, ...rest } = access;
  return { site, as: access.auth === "dev" ? access.devUser : "", ...rest } as SiteSettings;
}

/** The auth behavior for these settings: what createSp() and the bot's options take. */
export async function authFor(settings: SiteSettings, say: (m: string) => void = (m) => process.stderr.write(`${m}\n`)): Promise<SpAuth> {
  if (settings.auth === "dev") return DevTokenAuth(devIdentity(settings.as));
  // Loaded only for real sites: MSAL is not needed to run locally.
  const msal = await import("../data/auth/msal-node.ts");
  const provider =
    settings.auth === "device-code"
      ? msal.deviceCodeProvider({ tenantId: settings.tenantId!, clientId: settings.clientId!, siteUrl: settings.site, say })
      : msal.certificateProvider({
          tenantId: settings.tenantId!,
          clientId: settings.clientId!,
          siteUrl: settings.site,
          privateKeyPath: settings.certKeyPath!,
          thumbprint: settings.certThumbprint!,
        });
  return TokenAuth(provider);
}

export async function connect(settings: SiteSettings, say?: (m: string) => void): Promise<SPFI> {
  return createSp(settings.site, await authFor(settings, say));
}
