/**
 * The app's token for Microsoft Graph, beside the data layer's for SharePoint: client credentials with the
 * certificate (or the bot's secret) for `https://graph.microsoft.com/.default`, i.e. the application permissions
 * granted to the app (TeamsAppInstallation.ReadWriteSelfForUser.All, AppCatalog.Read.All, User.Read.All, and
 * Mail.Send limited to one mailbox). Locally, an unsigned development token naming the same roles.
 */
import { readFileSync } from "node:fs";
import { ConfidentialClientApplication } from "@azure/msal-node";
import { GraphError } from "./errors.ts";

export type GraphTokenProvider = () => Promise<string>;

export const GRAPH_SCOPE = "https://graph.microsoft.com/.default";
export const GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0";

/** The application permissions the bot's app needs in Graph (docs/bot.md "Permissions"). */
export const GRAPH_ROLES = ["TeamsAppInstallation.ReadWriteSelfForUser.All", "AppCatalog.Read.All", "User.Read.All"] as const;

export interface GraphAppCredentials {
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  certificate?: { privateKeyPath: string; thumbprint: string };
}

export function graphAppToken(c: GraphAppCredentials): GraphTokenProvider {
  const privateKey = c.certificate ? readFileSync(c.certificate.privateKeyPath, "utf8") : undefined;
  const cert = c.certificate && privateKey ? (c.certificate.thumbprint.length > 40 ? { thumbprintSha256: c.certificate.thumbprint, privateKey } : { thumbprint: c.certificate.thumbprint, privateKey }) : undefined;
  const app = new ConfidentialClientApplication({
    auth: { clientId: c.clientId, authority: `https://login.microsoftonline.com/${c.tenantId}`, ...(cert ? { clientCertificate: cert } : { clientSecret: c.clientSecret }) },
  });
  return async () => {
    const res = await app.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
    if (!res?.accessToken) throw new GraphError("unauthorized", "App-only sign-in to Microsoft Graph did not return a token.");
    return res.accessToken;
  };
}
