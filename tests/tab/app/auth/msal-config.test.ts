/** MSAL's configuration: the registered redirect URI (index.html, or the configured one), the tenant, the cache. */
import { describe, expect, it } from "vitest";
import { msalConfiguration, redirectUriFor } from "../../../../src/tab/app/auth/msal-config.ts";

describe("redirect URI", () => {
  it("is index.html beside the tab's page, never the bare origin", () => {
    expect(redirectUriFor({}, { origin: "https://eap.contoso.gov.uk", pathname: "/" })).toBe("https://eap.contoso.gov.uk/index.html");
    expect(redirectUriFor({}, { origin: "https://eap.contoso.gov.uk", pathname: "/index.html" })).toBe("https://eap.contoso.gov.uk/index.html");
    expect(redirectUriFor({}, { origin: "https://contoso.gov.uk", pathname: "/apps/eap/index.html" })).toBe("https://contoso.gov.uk/apps/eap/index.html");
  });

  it("is the configured one, exactly as registered, when the deployment names it", () => {
    expect(redirectUriFor({ redirectUri: "https://eap.contoso.gov.uk/auth/done.html" }, { origin: "https://eap.contoso.gov.uk", pathname: "/" })).toBe(
      "https://eap.contoso.gov.uk/auth/done.html",
    );
  });

  it("goes into MSAL's configuration with the tenant's authority and a session-only token cache", () => {
    const c = msalConfiguration({ mode: "m365", siteUrl: "https://contoso.sharepoint.com/sites/edi", clientId: "app", tenantId: "tenant" }, { origin: "https://eap.contoso.gov.uk", pathname: "/" });
    expect(c.auth).toMatchObject({ clientId: "app", authority: "https://login.microsoftonline.com/tenant", redirectUri: "https://eap.contoso.gov.uk/index.html" });
    expect(c.cache?.cacheLocation).toBe("sessionStorage");
  });
});
