/**
 * Microsoft 365 mode: nested app authentication (NAA) through @azure/msal-browser, for a delegated SharePoint token.
 * teams-js is initialised first (detectHost); `createNestablePublicClientApplication` then brokers through the host
 * when it supports NAA and falls back to a standard browser client otherwise. Silent first, popup when interaction
 * is needed. Tokens stay in MSAL's memory/sessionStorage cache only. Loaded lazily: local mode never pays for MSAL.
 */
import {
  type AccountInfo,
  createNestablePublicClientApplication,
  type IPublicClientApplication,
  InteractionRequiredAuthError,
} from "@azure/msal-browser";
import type { TokenProvider } from "../../../data/auth/token-auth.ts";
import { DataError } from "../../../data/errors.ts";

export interface M365AuthOptions {
  clientId: string;
  tenantId?: string;
  siteUrl: string;
  loginHint?: string | null;
}

/** SharePoint's delegated scopes as consented on the app registration (`.default` = what the admin granted). */
export function sharePointScopes(siteUrl: string): string[] {
  return [`${new URL(siteUrl).origin}/.default`];
}

export async function createM365TokenProvider(o: M365AuthOptions): Promise<TokenProvider> {
  const pca: IPublicClientApplication = await createNestablePublicClientApplication({
    auth: {
      clientId: o.clientId,
      authority: `https://login.microsoftonline.com/${o.tenantId ?? "organizations"}`,
      redirectUri: window.location.origin,
    },
    cache: { cacheLocation: "sessionStorage" },
  });
  const scopes = sharePointScopes(o.siteUrl);
  let account: AccountInfo | null = pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;
  return async () => {
    try {
      const res = account
        ? await pca.acquireTokenSilent({ scopes, account })
        : await pca.ssoSilent({ scopes, loginHint: o.loginHint ?? undefined });
      account = res.account;
      return res.accessToken;
    } catch (err) {
      if (!(err instanceof InteractionRequiredAuthError) && account) throw new DataError("unauthorized", `Sign-in failed: ${(err as Error).message}`);
      try {
        const res = await pca.acquireTokenPopup({ scopes, loginHint: o.loginHint ?? undefined });
        account = res.account;
        pca.setActiveAccount(res.account);
        return res.accessToken;
      } catch (popupErr) {
        throw new DataError("unauthorized", `Sign-in was not completed: ${(popupErr as Error).message}`);
      }
    }
  };
}
