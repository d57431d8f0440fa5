/**
 * Microsoft Graph for the bot, from the same sign-in settings as its SharePoint access: the app's certificate (or
 * the bot's secret) for Graph's application permissions in a tenant; locally, an unsigned app-only token naming
 * those permissions, for the local server's Graph at the list server's origin. A person's sign-in (device code)
 * has no application permissions: no Graph then, and officers without a conversation are reported, not installed.
 */
import { type DevAppIdentity, mintDevAppToken } from "../data/auth/dev-token.ts";
import { GRAPH_ROLES, graphAppToken } from "../graph/index.ts";
import type { EmailMode, GraphOptions } from "./options.ts";

/** The parts of a site sign-in (src/config/site-access.ts) that Graph's sign-in shares. */
export interface SignInLike {
  kind: string;
  app?: DevAppIdentity;
  tenantId?: string;
  clientId?: string;
  privateKeyPath?: string;
  thumbprint?: string;
}

export function graphOptionsFor(signIn: SignInLike, siteUrl: string, secret?: { clientId?: string; clientSecret?: string; tenantId?: string }): GraphOptions | undefined {
  const app = signIn.app;
  if (signIn.kind === "dev-app" && app) {
    return { baseUrl: `${new URL(siteUrl).origin}/v1.0`, token: async () => mintDevAppToken({ ...app, roles: [...GRAPH_ROLES] }) };
  }
  if (signIn.kind === "certificate" && signIn.tenantId && signIn.clientId && signIn.privateKeyPath && signIn.thumbprint) {
    return { token: graphAppToken({ tenantId: signIn.tenantId, clientId: signIn.clientId, certificate: { privateKeyPath: signIn.privateKeyPath, thumbprint: signIn.thumbprint } }) };
  }
  if (secret?.clientId && secret.clientSecret && secret.tenantId) {
    return { token: graphAppToken({ tenantId: secret.tenantId, clientId: secret.clientId, clientSecret: secret.clientSecret }) };
  }
  return undefined;
}

/** The email setting as the bot takes it: in effect only with a sender and Graph. */
export function emailOptionsFor(mode: EmailMode, sender: string | undefined, graph: GraphOptions | undefined): { mode: EmailMode; sender?: string } {
  return sender && graph ? { mode, sender } : { mode: "off" };
}
