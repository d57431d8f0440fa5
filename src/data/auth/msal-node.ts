/**
 * Token providers for a real SharePoint Online site from Node (operator CLI, bot):
 * - device code, for an administrator at a terminal (delegated: the admin's own rights);
 * - certificate, for app-only access (least privilege: Sites.Selected granted on the council's one site).
 * SharePoint's resource scope is "<tenant>.sharepoint.com/.default".
 */
import { readFileSync } from "node:fs";
import { ConfidentialClientApplication, PublicClientApplication } from "@azure/msal-node";
import { DataError } from "../errors.ts";
import type { TokenProvider } from "./token-auth.ts";

export function sharePointScope(siteUrl: string): string {
  return `${new URL(siteUrl).origin}/.default`;
}

export interface DeviceCodeOptions {
  tenantId: string;
  clientId: string;
  siteUrl: string;
  /** Where the "go to https://microsoft.com/devicelogin and enter ..." message goes. */
  say: (message: string) => void;
}

export function deviceCodeProvider(o: DeviceCodeOptions): TokenProvider {
  const app = new PublicClientApplication({ auth: { clientId: o.clientId, authority: `https://login.microsoftonline.com/${o.tenantId}` } });
  const scopes = [sharePointScope(o.siteUrl)];
  return async () => {
    const [account] = await app.getTokenCache().getAllAccounts();
    if (account) {
      try {
        const silent = await app.acquireTokenSilent({ account, scopes });
        if (silent?.accessToken) return silent.accessToken;
      } catch {
        // fall through to device code
      }
    }
    const res = await app.acquireTokenByDeviceCode({ scopes, deviceCodeCallback: (r) => o.say(r.message) });
    if (!res?.accessToken) throw new DataError("unauthorized", "Device code sign-in did not return a token.");
    return res.accessToken;
  };
}

export interface CertificateOptions {
  tenantId: string;
  clientId: string;
  siteUrl: string;
  /** PEM file holding the private key (and optionally the certificate). */
  privateKeyPath: string;
  /** SHA-1 (x5t) or SHA-256 thumbprint of the certificate registered on the app. */
  thumbprint: string;
}

export function certificateProvider(o: CertificateOptions): TokenProvider {
  const privateKey = readFileSync(o.privateKeyPath, "utf8");
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: o.clientId,
      authority: `https://login.microsoftonline.com/${o.tenantId}`,
      clientCertificate: o.thumbprint.length > 40 ? { thumbprintSha256: o.thumbprint, privateKey } : { thumbprint: o.thumbprint, privateKey },
    },
  });
  const scopes = [sharePointScope(o.siteUrl)];
  return async () => {
    const res = await app.acquireTokenByClientCredential({ scopes });
    if (!res?.accessToken) throw new DataError("unauthorized", "App-only sign-in did not return a token.");
    return res.accessToken;
  };
}
