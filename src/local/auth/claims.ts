/**
 * Reads the claims of an `Authorization: Bearer` token WITHOUT verifying its signature. The local server is a
 * development stand-in: tokens are decoded only to learn who the caller claims to be, so unsigned development
 * tokens (`{"alg":"none"}`) and real Entra tokens both work. Never expose this server beyond loopback.
 */
import { Errors } from "../errors";

export type Claims = Record<string, unknown>;

function b64urlJson(part: string): unknown {
  const text = Buffer.from(part.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  return JSON.parse(text);
}

/** The token's claims, null when there is no Authorization header, or a 401 for a malformed or expired token. */
export function readBearer(header: string | undefined, now = Date.now()): Claims | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!m) throw Errors.unauthorized("Unsupported authorization scheme; send 'Authorization: Bearer <token>'.");
  const parts = m[1].split(".");
  if (parts.length < 2) throw Errors.unauthorized("Invalid JWT token. The token is malformed.");
  let claims: unknown;
  try {
    claims = b64urlJson(parts[1]);
  } catch {
    throw Errors.unauthorized("Invalid JWT token. The token payload is not base64url JSON.");
  }
  if (!claims || typeof claims !== "object" || Array.isArray(claims)) throw Errors.unauthorized("Invalid JWT token.");
  const c = claims as Claims;
  if (typeof c.exp === "number" && c.exp * 1000 < now) throw Errors.unauthorized("Invalid JWT token. The token is expired.");
  if (typeof c.nbf === "number" && c.nbf * 1000 > now + 300_000) throw Errors.unauthorized("Invalid JWT token. The token is not valid yet.");
  return c;
}

export const text = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

/** The user name a token carries: `upn`, else `preferred_username`, else `email`/`unique_name`. */
export const userNameOf = (c: Claims): string | undefined => text(c.upn) ?? text(c.preferred_username) ?? text(c.email) ?? text(c.unique_name);

/** App-only tokens (client credentials): `idtyp: "app"`, or an app id without any user claim. */
export function isAppOnly(c: Claims): boolean {
  if (c.idtyp === "app") return true;
  return !text(c.oid) && !userNameOf(c) && (text(c.appid) ?? text(c.azp)) !== undefined;
}
