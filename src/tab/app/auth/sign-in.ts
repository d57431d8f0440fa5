/**
 * Signing in to Microsoft 365 with MSAL, the same way whether the host brokers the tokens (nested app
 * authentication) or MSAL runs in this page (a browser outside a host): silent first, every time a token is needed;
 * interactive only when the person clicks "Sign in", because a popup opened without a click is blocked by the
 * browser (and a prompt on load is unfriendly anyway).
 */
import type { AccountInfo, AuthenticationResult } from "@azure/msal-browser";
import { DataError } from "../../../data/errors.ts";

/** What the tab needs of an MSAL client: both the nested controller and the standard client have it. */
export interface TokenClient {
  acquireTokenSilent(request: { scopes: string[]; account: AccountInfo }): Promise<AuthenticationResult>;
  ssoSilent(request: { scopes: string[]; loginHint?: string }): Promise<AuthenticationResult>;
  acquireTokenPopup(request: { scopes: string[]; loginHint?: string }): Promise<AuthenticationResult>;
  getActiveAccount(): AccountInfo | null;
  getAllAccounts(): AccountInfo[];
  setActiveAccount(account: AccountInfo | null): void;
}

/** The person has to act (consent, MFA, no session): the tab shows a "Sign in" button and waits for the click. */
export class SignInRequired extends DataError {
  constructor(detail: string) {
    super("unauthorized", `Sign in to continue. ${detail}`.trim());
    this.name = "SignInRequired";
  }
}

export interface SignedInAccount {
  /** Entra object id: names the person, and their copy of the first view on this device. */
  oid: string;
  username: string;
}

export interface SignIn {
  /** "nested": the host (Teams, Outlook, Microsoft 365) brokers the tokens; "browser": MSAL in this page. */
  kind: "nested" | "browser";
  /** A SharePoint token, silently; rejects with SignInRequired when the person must act. */
  token(): Promise<string>;
  /** A token for the app's own API (the server's writes), silently, the same way. */
  apiToken(): Promise<string>;
  account(): SignedInAccount | null;
  /** The interactive sign-in. Call it from a click handler only. */
  signInInteractively(): Promise<void>;
}

/**
 * The app's own API (the server's write API): `api://<host>/<client-id>/access_as_user`, the host being where the
 * tab is served (the application id URI Teams' single sign-on requires).
 */
export function apiScopes(config: { clientId?: string; appBaseUrl?: string }, origin: string): string[] {
  return [`api://${new URL(config.appBaseUrl ?? origin).host}/${config.clientId ?? ""}/access_as_user`];
}

/** SharePoint's delegated scopes as consented on the app registration (`.default` = what the admin granted). */
export function sharePointScopes(siteUrl: string): string[] {
  return [`${new URL(siteUrl).origin}/.default`];
}

const INTERACTION_CODES = new Set(["interaction_required", "login_required", "consent_required", "no_account_error", "no_tokens_found", "native_account_unavailable"]);

export function needsInteraction(err: unknown): boolean {
  const e = err as { name?: string; errorCode?: string } | null;
  return e?.name === "InteractionRequiredAuthError" || INTERACTION_CODES.has(e?.errorCode ?? "");
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function signInWith(client: TokenClient, kind: SignIn["kind"], scopes: string[], loginHint?: string | null, forApi: string[] = []): SignIn {
  let account: AccountInfo | null = client.getActiveAccount() ?? client.getAllAccounts()[0] ?? null;
  const hint = loginHint ?? undefined;
  const remember = (r: AuthenticationResult) => {
    account = r.account;
    client.setActiveAccount(r.account);
    return r.accessToken;
  };
  const silently = async (wanted: string[]) => {
    try {
      return remember(account ? await client.acquireTokenSilent({ scopes: wanted, account }) : await client.ssoSilent({ scopes: wanted, loginHint: hint }));
    } catch (err) {
      if (needsInteraction(err)) throw new SignInRequired(messageOf(err));
      throw new DataError("unauthorized", `Sign-in failed: ${messageOf(err)}`, { cause: err });
    }
  };
  return {
    kind,
    account: () => (account ? { oid: account.localAccountId, username: account.username } : null),
    token: () => silently(scopes),
    apiToken: () => silently(forApi),
    async signInInteractively() {
      try {
        remember(await client.acquireTokenPopup({ scopes, loginHint: hint }));
      } catch (err) {
        throw new DataError("unauthorized", `Sign-in was not completed: ${messageOf(err)}`, { cause: err });
      }
    },
  };
}
