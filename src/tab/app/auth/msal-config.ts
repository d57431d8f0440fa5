/** MSAL's configuration for the tab, shared by the nested and the standard client. */
import type { Configuration } from "@azure/msal-browser";
import type { TabConfig } from "../../lib/config.ts";

/**
 * The redirect URI outside nested app authentication: the configured one, else index.html beside this page. Never
 * the bare origin: Entra compares it exactly with the registered URIs, and the registration names /index.html.
 */
export function redirectUriFor(config: Pick<TabConfig, "redirectUri">, location: Pick<Location, "origin" | "pathname">): string {
  if (config.redirectUri) return config.redirectUri;
  return `${location.origin}${location.pathname.replace(/[^/]*$/, "")}index.html`;
}

export function msalConfiguration(config: TabConfig, location: Pick<Location, "origin" | "pathname">): Configuration {
  return {
    auth: {
      clientId: config.clientId ?? "",
      authority: `https://login.microsoftonline.com/${config.tenantId ?? "organizations"}`,
      redirectUri: redirectUriFor(config, location),
    },
    // Tokens live for the browser session only (never in localStorage, which outlives it).
    cache: { cacheLocation: "sessionStorage" },
  };
}
