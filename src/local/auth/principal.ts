/**
 * Who is calling, from the bearer token's claims. Without a directory (the open mode) a token's claims are taken
 * at their word, as before. With a directory, a person is the directory user the token's `oid` names, and a token
 * for anyone absent, disabled or deleted gets SharePoint's 401; app-only tokens are the app principal.
 */
import type { Directory, DirectoryUser } from "../directory/directory";
import { Errors } from "../errors";
import { type Claims, isAppOnly, readBearer, text, userNameOf } from "./claims";

export type Principal =
  /** No token, in anonymous mode: SharePoint's System Account. */
  | { kind: "system" }
  /** A signed-in person. `person` is their directory entry when the server has a directory. */
  | { kind: "person"; oid: string; upn: string; name: string; mail: string | null; person?: DirectoryUser }
  /** An application with its own identity (client credentials); its rights come from a site grant. */
  | { kind: "app"; appId: string; name: string };

function appPrincipal(c: Claims): Principal {
  const appId = (text(c.appid) ?? text(c.azp) ?? "").toLowerCase();
  if (!appId) throw Errors.unauthorized("Invalid JWT token. An app-only token must carry 'appid' or 'azp'.");
  return { kind: "app", appId, name: text(c.app_displayname) ?? appId };
}

function openPerson(c: Claims): Principal {
  const upn = userNameOf(c);
  if (!upn) throw Errors.unauthorized("The token carries no 'upn' or 'preferred_username' claim.");
  return { kind: "person", oid: text(c.oid) ?? "", upn: upn.toLowerCase(), name: text(c.name) ?? upn, mail: upn.toLowerCase() };
}

function directoryPerson(c: Claims, directory: Directory): Principal {
  const oid = text(c.oid);
  if (!oid) throw Errors.unauthorized("Invalid JWT token. The token has no 'oid' claim naming the user.");
  const u = directory.byId(oid);
  if (!u) throw Errors.unauthorized(`Invalid JWT token. The user with object id '${oid}' does not exist in the tenant's directory.`);
  if (u.deleted) throw Errors.unauthorized(`Invalid JWT token. The user with object id '${oid}' has been deleted.`);
  if (!u.accountEnabled) throw Errors.unauthorized(`Invalid JWT token. The user account '${u.userPrincipalName}' is disabled.`);
  const claimed = text(c.upn) ?? text(c.preferred_username);
  if (claimed && claimed.toLowerCase() !== u.userPrincipalName.toLowerCase()) {
    throw Errors.unauthorized(`Invalid JWT token. The token's user name '${claimed}' does not match the user with object id '${oid}'.`);
  }
  return { kind: "person", oid: u.id, upn: u.userPrincipalName, name: u.displayName, mail: u.mail, person: u };
}

export interface PrincipalOptions {
  directory?: Directory;
  anonymous: boolean;
}

/** The caller of a request, or a 401 (SharePoint's shape) when the token does not name a valid caller. */
export function principalOf(authorization: string | undefined, o: PrincipalOptions): Principal {
  const claims = readBearer(authorization);
  if (!claims) {
    if (o.anonymous) return { kind: "system" };
    throw Errors.unauthorized("Send 'Authorization: Bearer <token>'. The local SharePoint reads the token's claims without verifying its signature.");
  }
  if (isAppOnly(claims)) return appPrincipal(claims);
  return o.directory ? directoryPerson(claims, o.directory) : openPerson(claims);
}
