/**
 * Microsoft 365 mode's sign-in: nested app authentication when a host brokers tokens (Teams, Outlook, the
 * Microsoft 365 app), else the standard MSAL client in this page, loaded only then. teams-js is initialised first
 * (host.ts), as nested app authentication requires. Either way: silent first, interactive on a click.
 */
import type { TabConfig } from "../../lib/config.ts";
import { msalConfiguration } from "./msal-config.ts";
import { createNestedClient } from "./nested-msal.ts";
import { apiScopes, type SignIn, sharePointScopes, signInWith } from "./sign-in.ts";

export async function createM365SignIn(config: TabConfig, loginHint: string | null, inHost: boolean): Promise<SignIn> {
  const configuration = msalConfiguration(config, window.location);
  const scopes = sharePointScopes(config.siteUrl);
  const api = apiScopes(config, window.location.origin);
  const nested = inHost ? await createNestedClient(configuration) : null;
  if (nested) return signInWith(nested, "nested", scopes, loginHint, api);
  const { createStandardClient } = await import("./standard-msal.ts");
  return signInWith(await createStandardClient(configuration), "browser", scopes, loginHint, api);
}
