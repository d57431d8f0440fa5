/**
 * The sign-in's rules over an MSAL client (here a scripted one, standing in for MSAL, which is not ours): silent
 * first with the account or the host's login hint, "sign in required" instead of a popup when the person must act,
 * and the popup only when asked.
 */
import type { AccountInfo, AuthenticationResult } from "@azure/msal-browser";
import { describe, expect, it } from "vitest";
import { SignInRequired, sharePointScopes, signInWith, type TokenClient } from "../../../../src/tab/app/auth/sign-in.ts";

const account = { homeAccountId: "oid-1.tid", environment: "login.microsoftonline.com", tenantId: "tid", username: "sam@contoso.gov.uk", localAccountId: "oid-1" } as AccountInfo;
const result = (token: string): AuthenticationResult => ({ accessToken: token, account }) as AuthenticationResult;

function scripted(answers: { silent?: () => Promise<AuthenticationResult>; sso?: () => Promise<AuthenticationResult>; popup?: () => Promise<AuthenticationResult> }, known: AccountInfo | null = null) {
  const calls: string[] = [];
  let active = known;
  const client: TokenClient = {
    acquireTokenSilent: async (r) => {
      calls.push(`silent:${r.account.localAccountId}:${r.scopes.join(" ")}`);
      return (answers.silent ?? (async () => result("silent")))();
    },
    ssoSilent: async (r) => {
      calls.push(`sso:${r.loginHint}`);
      return (answers.sso ?? (async () => result("sso")))();
    },
    acquireTokenPopup: async (r) => {
      calls.push(`popup:${r.loginHint}`);
      return (answers.popup ?? (async () => result("popup")))();
    },
    getActiveAccount: () => active,
    getAllAccounts: () => (active ? [active] : []),
    setActiveAccount: (a) => {
      active = a;
    },
  };
  return { client, calls };
}

const interactionRequired = () => Object.assign(new Error("AADSTS65001: consent required"), { name: "InteractionRequiredAuthError", errorCode: "consent_required" });
const SCOPES = sharePointScopes("https://contoso.sharepoint.com/sites/edi");

describe("sign-in", () => {
  it("asks for SharePoint's delegated permissions as consented (.default on the site's origin)", () => {
    expect(SCOPES).toEqual(["https://contoso.sharepoint.com/.default"]);
  });

  it("signs in silently with the host's login hint, then renews silently with the account", async () => {
    const { client, calls } = scripted({});
    const s = signInWith(client, "nested", SCOPES, "sam@contoso.gov.uk");
    expect(await s.token()).toBe("sso");
    expect(s.account()).toEqual({ oid: "oid-1", username: "sam@contoso.gov.uk" });
    expect(await s.token()).toBe("silent");
    expect(calls).toEqual(["sso:sam@contoso.gov.uk", "silent:oid-1:https://contoso.sharepoint.com/.default"]);
  });

  it("says sign-in is required, and opens nothing, when the person must act", async () => {
    const { client, calls } = scripted({ sso: async () => Promise.reject(interactionRequired()) });
    const s = signInWith(client, "browser", SCOPES, null);
    const err = await s.token().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignInRequired);
    expect((err as SignInRequired).reason).toBe("unauthorized");
    expect(calls.some((c) => c.startsWith("popup"))).toBe(false);
  });

  it("reports any other failure as a failed sign-in, not as a prompt", async () => {
    const { client } = scripted({ silent: async () => Promise.reject(Object.assign(new Error("network down"), { errorCode: "network_error" })) }, account);
    const err = await signInWith(client, "browser", SCOPES, null).token().catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(SignInRequired);
    expect(err).toMatchObject({ reason: "unauthorized", message: "Sign-in failed: network down" });
  });

  it("opens the popup only when asked, and then has an account for silent renewals", async () => {
    const { client, calls } = scripted({ sso: async () => Promise.reject(interactionRequired()) });
    const s = signInWith(client, "browser", SCOPES, "sam@contoso.gov.uk");
    await s.token().catch(() => undefined);
    await s.signInInteractively();
    expect(await s.token()).toBe("silent");
    expect(calls).toEqual(["sso:sam@contoso.gov.uk", "popup:sam@contoso.gov.uk", "silent:oid-1:https://contoso.sharepoint.com/.default"]);
  });

  it("says so when the person closes the popup", async () => {
    const { client } = scripted({ popup: async () => Promise.reject(Object.assign(new Error("User cancelled the flow."), { errorCode: "user_cancelled" })) });
    await expect(signInWith(client, "browser", SCOPES, null).signInInteractively()).rejects.toMatchObject({
      reason: "unauthorized",
      message: "Sign-in was not completed: User cancelled the flow.",
    });
  });
});
