/**
 * `GET /v1.0/users/{id | userPrincipalName}` and `GET /v1.0/me`, from the directory, in Graph's shape: the default
 * properties unless `$select`; `accountEnabled` only when selected; `mail` null for someone without a mailbox;
 * deleted or unknown people are 404 Request_ResourceNotFound. Also resolves `{id | upn}` for the routes under a user
 * (teamwork, sendMail), including the `users('$x@y')` form and `%23EXT%23` in guest UPNs.
 */
import type { ApiResponse } from "../api/context";
import type { DirectoryUser } from "../directory/directory";
import { type GraphContext, GraphError, type GraphRequest, graphJson } from "./graph-context";
import { granted, type Required } from "./scopes";

const DEFAULT_PROPS = ["businessPhones", "displayName", "givenName", "id", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName"];
const KNOWN_PROPS = new Set([...DEFAULT_PROPS, "accountEnabled", "userType", "deletedDateTime"]);

const READ_USERS: Required = {
  app: ["User.Read.All", "User.ReadWrite.All", "User.ReadBasic.All", "Directory.Read.All", "Directory.ReadWrite.All"],
  delegated: ["User.Read.All", "User.ReadWrite.All", "User.ReadBasic.All", "Directory.Read.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All"],
};

export const userNotFound = (ref: string) =>
  new GraphError(404, "Request_ResourceNotFound", `Resource '${ref}' does not exist or one of its queried reference-property objects are not present.`);

/** `abc` from `abc`, `('abc')` or `'abc'`. */
export function userRef(segment: string): string {
  const m = /^\(?'(.*)'\)?$/.exec(segment);
  return decodeURIComponent(m ? m[1] : segment);
}

/** A present (not deleted) directory user by object id or UPN; Graph does not find deleted people here. */
export function findUser(ctx: GraphContext, ref: string): DirectoryUser {
  const directory = ctx.directory;
  if (!directory) throw new GraphError(400, "Request_BadRequest", "The local Graph answers from a directory: start the server with --directory.");
  const u = directory.byId(ref) ?? directory.byUpn(ref);
  if (!u || u.deleted) throw userNotFound(ref);
  return u;
}

function shape(ctx: GraphContext, u: DirectoryUser, select: string | null): Record<string, unknown> {
  const [given, ...rest] = u.displayName.split(" ");
  const all: Record<string, unknown> = {
    businessPhones: [],
    displayName: u.displayName,
    givenName: given ?? null,
    id: u.id,
    jobTitle: null,
    mail: u.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: rest.join(" ") || null,
    userPrincipalName: u.userPrincipalName,
    accountEnabled: u.accountEnabled,
    userType: /#ext#@/i.test(u.userPrincipalName) ? "Guest" : "Member",
    deletedDateTime: null,
  };
  if (!select) {
    const out: Record<string, unknown> = { "@odata.context": `${ctx.graphBase}/$metadata#users/$entity` };
    for (const p of DEFAULT_PROPS) out[p] = all[p];
    return out;
  }
  const names = select.split(",").map((s) => s.trim()).filter(Boolean);
  for (const n of names) {
    if (!KNOWN_PROPS.has(n)) throw new GraphError(400, "Request_BadRequest", `Could not find a property named '${n}' on type 'microsoft.graph.user'.`);
  }
  const out: Record<string, unknown> = { "@odata.context": `${ctx.graphBase}/$metadata#users(${names.join(",")})/$entity` };
  for (const n of names) out[n] = all[n];
  return out;
}

export function userRoute(ctx: GraphContext, req: GraphRequest, ref: string | "me"): ApiResponse {
  if (req.method !== "GET") throw new GraphError(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
  const self = ref === "me" || (req.principal.kind === "person" && (ref.toLowerCase() === req.principal.oid.toLowerCase() || ref.toLowerCase() === req.principal.upn.toLowerCase()));
  if (ref === "me" && req.principal.kind !== "person") throw new GraphError(400, "BadRequest", "/me request is only valid with delegated authentication flow.");
  // Reading oneself takes User.Read; anyone else, one of the directory-reading permissions.
  const need = self ? { app: READ_USERS.app, delegated: [...READ_USERS.delegated, "User.Read", "User.ReadWrite"] } : READ_USERS;
  if (granted(req.principal, req.claims, need).length === 0) throw new GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
  const u = findUser(ctx, ref === "me" && req.principal.kind === "person" ? req.principal.oid : ref);
  return graphJson(200, shape(ctx, u, req.url.searchParams.get("$select")), "graph-users");
}
