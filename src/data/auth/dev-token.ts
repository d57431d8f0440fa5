/**
 * Development tokens for local mode. They are UNSIGNED (alg "none"): the local list server reads their claims to
 * know who is calling and verifies nothing. They are useless against real SharePoint, which is the point.
 */
import { type SpAuth, TokenAuth } from "./token-auth.ts";

export interface DevIdentity {
  upn: string;
  name: string;
  oid: string;
  tid?: string;
}

export const DEV_TENANT_ID = "00000000-0000-4000-8000-00000000da7a";

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

/** An unsigned JWT ({"alg":"none"}, empty signature) valid for 12 hours, with the claims given. */
function unsignedToken(claims: Record<string, unknown>, nowSeconds: number): string {
  const header = { alg: "none", typ: "JWT" };
  const times = { aud: "https://local.sharepoint.invalid", iss: "eap-local-dev", iat: nowSeconds, nbf: nowSeconds, exp: nowSeconds + 12 * 3600 };
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify({ ...times, ...claims }))}.`;
}

export function mintDevToken(who: DevIdentity, nowSeconds = Math.floor(Date.now() / 1000)): string {
  return unsignedToken({ upn: who.upn, preferred_username: who.upn, name: who.name, oid: who.oid, tid: who.tid ?? DEV_TENANT_ID }, nowSeconds);
}

export function DevTokenAuth(who: DevIdentity): SpAuth {
  return TokenAuth(async () => mintDevToken(who));
}

/** An application (client credentials) in local mode: its rights come from a Sites.Selected-style grant. */
export interface DevAppIdentity {
  appId: string;
  name: string;
  tid?: string;
  /** Application permissions (Graph roles); SharePoint itself needs only the site grant. */
  roles?: string[];
}

/** An unsigned app-only token as Entra shapes them: `idtyp: "app"`, `appid`/`azp`, `roles`, no user claims. */
export function mintDevAppToken(app: DevAppIdentity, nowSeconds = Math.floor(Date.now() / 1000)): string {
  return unsignedToken({ idtyp: "app", appid: app.appId, azp: app.appId, app_displayname: app.name, roles: app.roles ?? [], tid: app.tid ?? DEV_TENANT_ID }, nowSeconds);
}

export function DevAppAuth(app: DevAppIdentity): SpAuth {
  return TokenAuth(async () => mintDevAppToken(app));
}
