/**
 * Reads the caller from an `Authorization: Bearer` token WITHOUT verifying it. The local server is a development
 * stand-in: tokens are decoded only to learn who the caller claims to be, so unsigned development tokens
 * (`{"alg":"none"}`) and real Entra tokens both work. Never expose this server beyond loopback.
 */
import { SpError, Errors } from "../errors";

export interface Caller {
  upn: string;
  name: string;
  oid: string;
}

function b64urlJson(part: string): unknown {
  const text = Buffer.from(part.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  return JSON.parse(text);
}

/** Returns the caller, null when there is no Authorization header, or throws a 401 for a malformed one. */
export function callerFromAuthorization(header: string | undefined): Caller | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!m) throw Errors.unauthorized("Unsupported authorization scheme; send 'Authorization: Bearer <token>'.");
  const parts = m[1].split(".");
  if (parts.length < 2) throw Errors.unauthorized("Invalid JWT token. The token is malformed.");
  let claims: Record<string, unknown>;
  try {
    claims = b64urlJson(parts[1]) as Record<string, unknown>;
  } catch {
    throw Errors.unauthorized("Invalid JWT token. The token payload is not base64url JSON.");
  }
  if (!claims || typeof claims !== "object") throw Errors.unauthorized("Invalid JWT token.");
  const upn = [claims.upn, claims.preferred_username, claims.email, claims.unique_name].find(
    (v): v is string => typeof v === "string" && v.length > 0,
  );
  if (!upn) throw Errors.unauthorized("The token carries no 'upn' or 'preferred_username' claim.");
  const exp = typeof claims.exp === "number" ? claims.exp : undefined;
  if (exp !== undefined && exp * 1000 < Date.now()) {
    throw new SpError(401, "-2147024891, System.UnauthorizedAccessException", "Invalid JWT token. The token is expired.");
  }
  return {
    upn: upn.toLowerCase(),
    name: typeof claims.name === "string" && claims.name ? claims.name : upn,
    oid: typeof claims.oid === "string" ? claims.oid : "",
  };
}
