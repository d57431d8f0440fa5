/**
 * How every site command says which site and how to sign in: the flags and loader of src/config/site-access.ts
 * (options > environment > defaults; every problem at once), and the SharePoint client for them through the data
 * layer's one auth function (spAuthFrom).
 */
import type { Command } from "commander";
import { SCOPE_SETTINGS } from "../config/settings.ts";
import { loadSiteAccess, type SiteAccess } from "../config/site-access.ts";
import { spAuthFrom } from "../data/auth/sp-auth.ts";
import { createSp, type SPFI, type SpAuth } from "../data/index.ts";
import { printWarnings } from "./say.ts";
import { addSettingOptions, typedSettings } from "./setting-options.ts";

export function addSiteOptions(cmd: Command): Command {
  return addSettingOptions(cmd, "site", SCOPE_SETTINGS.site);
}

/** The command's site and sign-in from what was typed and the environment; old names are warned about. */
export function siteAccess(cmd: Command, env = process.env): SiteAccess {
  const { access, warnings } = loadSiteAccess(typedSettings(cmd, SCOPE_SETTINGS.site).options, env);
  printWarnings(warnings);
  return access;
}

/** The auth behavior for a site's sign-in; a device code is shown where `say` writes (stderr by default). */
export function authFor(access: SiteAccess, say: (m: string) => void = (m) => process.stderr.write(`${m}\n`)): Promise<SpAuth> {
  const { signIn } = access;
  return spAuthFrom(signIn.kind === "device-code" ? { ...signIn, say } : signIn);
}

export async function connect(access: SiteAccess, say?: (m: string) => void): Promise<SPFI> {
  return createSp(access.siteUrl, await authFor(access, say));
}
