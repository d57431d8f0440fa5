/**
 * Who is calling the write API. Two ways, chosen by the server's mode, never by the request:
 *
 * - m365: an Entra access token for the app's own API (the tab acquires it through nested app authentication for
 *   `api://<host>/<client-id>/access_as_user`). Its signature is checked against Entra's published keys (JWKS, by
 *   the token's `kid`, RS256 only), its issuer is the tenant's v2.0 issuer, its audience the app's API (client id
 *   or application id URI), it has not expired, and its `scp` carries `access_as_user`. The caller is its `oid` and
 *   `preferred_username` (or `upn`).
 * - local: the unsigned development tokens of the local stand-in, accepted ONLY from a loopback peer; the caller
 *   must be a present, enabled person of the directory the local SharePoint uses, which that server itself decides
 *   (the token is shown to it, as the tab shows it: `web/currentuser` answers 401 for anyone absent, disabled or
 *   deleted, or whose token's user name is not their own).
 */
import type { IncomingMessage } from "node:http";
import jwt, { type JwtPayload } from "jsonwebtoken";
import { JwksClient } from "jwks-rsa";
import type { Caller } from "../../commands/index.ts";
import { isLoopbackHost } from "../../config/loopback.ts";
import { TokenAuth } from "../../data/auth/token-auth.ts";
import { createSp } from "../../data/create-sp.ts";
import { DataError } from "../../data/errors.ts";
import { getCurrentPerson } from "../../data/people/repository.ts";
import { unauthenticated } from "./api-error.ts";

export type Authenticate = (req: IncomingMessage) => Promise<Caller>;

export const API_SCOPE = "access_as_user";

function bearerOf(req: IncomingMessage): string {
  const header = req.headers.authorization;
  if (!header) throw unauthenticated("Sign in first: send 'Authorization: Bearer <token>' for the app's API.");
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!m) throw unauthenticated("Send the token as 'Authorization: Bearer <token>'.");
  return m[1];
}

const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : "");

function callerOf(claims: JwtPayload): Caller {
  const oid = text(claims.oid);
  const upn = (text(claims.preferred_username) || text(claims.upn)).toLowerCase();
  if (!oid || !upn) throw unauthenticated("The token does not name a person (it needs 'oid' and 'preferred_username').");
  return { oid, upn, name: text(claims.name) || upn };
}

export interface EntraOptions {
  tenantId: string;
  /** The app's API: its client id, and its application id URI (`api://<host>/<client-id>`). */
  audiences: string[];
  /** Entra's keys for the tenant; a test points this at its own. */
  jwksUri?: string;
  /** Seconds of clock skew tolerated (Microsoft's libraries allow five minutes). */
  clockToleranceSec?: number;
}

export function entraAuthenticator(o: EntraOptions): Authenticate {
  const keys = new JwksClient({
    jwksUri: o.jwksUri ?? `https://login.microsoftonline.com/${o.tenantId}/discovery/v2.0/keys`,
    cache: true,
    cacheMaxAge: 24 * 3600_000,
    // A token naming an unknown key refetches the keys (Entra rolls them), but at most this often.
    rateLimit: true,
    jwksRequestsPerMinute: 10,
    timeout: 10_000,
  });
  const issuer = `https://login.microsoftonline.com/${o.tenantId}/v2.0`;
  return async (req) => {
    const token = bearerOf(req);
    let claims: JwtPayload;
    try {
      claims = await new Promise<JwtPayload>((resolve, reject) =>
        jwt.verify(
          token,
          (header, done) => {
            if (!header.kid) return done(new Error("the token names no signing key (kid)"));
            keys.getSigningKey(header.kid).then(
              (k) => done(null, k.getPublicKey()),
              (e: unknown) => done(e as Error),
            );
          },
          { algorithms: ["RS256"], issuer, audience: o.audiences as [string, ...string[]], clockTolerance: o.clockToleranceSec ?? 300 },
          (err, decoded) => (err ? reject(err) : resolve(decoded as JwtPayload)),
        ),
      );
    } catch (err) {
      throw unauthenticated(`The token was refused: ${(err as Error).message}.`);
    }
    const scopes = text(claims.scp).split(" ");
    if (!scopes.includes(API_SCOPE)) throw unauthenticated(`The token was not issued for the app's API: its scopes do not include '${API_SCOPE}'.`);
    return callerOf(claims);
  };
}

/** A peer on this machine: 127.0.0.0/8 or ::1, also as IPv4-mapped IPv6 (::ffff:127.0.0.1). */
export function fromLoopback(req: IncomingMessage): boolean {
  const a = (req.socket.remoteAddress ?? "").replace(/^::ffff:/i, "");
  return a !== "" && isLoopbackHost(a);
}

export function localAuthenticator(o: { siteUrl: string }): Authenticate {
  return async (req) => {
    if (!fromLoopback(req)) throw unauthenticated("Development tokens are accepted only from this machine.");
    const token = bearerOf(req);
    const claims = jwt.decode(token);
    if (!claims || typeof claims !== "object") throw unauthenticated("The token is not a JWT.");
    if (typeof claims.exp === "number" && claims.exp * 1000 < Date.now()) throw unauthenticated("The token has expired: sign in again.");
    const caller = callerOf(claims);
    // The local SharePoint decides, with its directory, whether this token names a person who may sign in.
    try {
      const me = await getCurrentPerson(createSp(o.siteUrl, TokenAuth(async () => token), { retryIntervalMs: 50 }));
      if (me.upn && me.upn !== caller.upn) throw unauthenticated("The token's user name is not the signed-in person's.");
      return { ...caller, siteUserId: me.id, name: me.name || caller.name };
    } catch (err) {
      if (err instanceof DataError && (err.reason === "unauthorized" || err.reason === "forbidden")) throw unauthenticated(`The token was refused: ${err.message}`);
      throw err;
    }
  };
}
