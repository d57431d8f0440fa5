/**
 * Graph's view of the SharePoint sites on this server and the Sites.Selected grants on them:
 * `GET /v1.0/sites/{hostname}:/sites/{name}` (and `/sites/{site-id}`), and `/sites/{site-id}/permissions` (GET, POST
 * `{roles, grantedToIdentities: [{application: {id, displayName}}]}`, GET/DELETE one). As in a real tenant only an
 * administrator may grant: here the site collection administrator, with a delegated token.
 */
import type { ApiResponse } from "../api/context";
import { Directory } from "../directory/directory";
import { GRANT_ROLES, type GrantRole, isGrantRole } from "../security/permissions";
import type { Site } from "../site/site";
import type { AppGrant } from "../store/grant-store";
import { accessDenied, type GraphContext, GraphError, type GraphRequest, graphEmpty, graphJson, notFound, parseGraphBody } from "./graph-context";

/** Graph's composite site id: `<hostname>,<site collection id>,<web id>` (one web per site collection here). */
export const siteIdOf = (ctx: GraphContext, site: Site): string => `${ctx.hostname},${site.db.webId},${site.db.webId}`;

function siteResource(ctx: GraphContext, site: Site): Record<string, unknown> {
  return {
    "@odata.context": `${ctx.graphBase}/$metadata#sites/$entity`,
    createdDateTime: site.db.created,
    description: "",
    id: siteIdOf(ctx, site),
    lastModifiedDateTime: site.db.created,
    name: site.name,
    webUrl: ctx.siteUrl(site.name),
    displayName: site.name,
    siteCollection: { hostname: ctx.hostname },
  };
}

function grantResource(g: AppGrant): Record<string, unknown> {
  const identity = { application: { id: g.appId, displayName: g.displayName } };
  return { id: g.id, roles: g.roles, grantedToIdentities: [identity], grantedToIdentitiesV2: [identity] };
}

/** The site a Graph path names: `{hostname}:/sites/{name}` or a composite id. */
function resolveSite(ctx: GraphContext, ref: string): Site {
  const byPath = /^([^:]+):\/sites\/([^/:]+):?$/.exec(ref);
  if (byPath) {
    const site = byPath[1].toLowerCase() === ctx.hostname.toLowerCase() ? ctx.sites.get(byPath[2]) : undefined;
    if (!site) throw new GraphError(404, "itemNotFound", "Requested site could not be found");
    return site;
  }
  const parts = ref.split(",");
  const site = ctx.sites.all().find((s) => parts.length >= 2 && parts[0].toLowerCase() === ctx.hostname.toLowerCase() && parts[1] === s.db.webId);
  if (!site) throw new GraphError(404, "itemNotFound", "Requested site could not be found");
  return site;
}

function isSiteAdmin(ctx: GraphContext, req: GraphRequest, site: Site): boolean {
  if (req.principal.kind !== "person") return false;
  const user = site.users.find(req.principal);
  if (ctx.directory) return Directory.active(req.principal.person) && req.principal.oid === ctx.directory.admin.id;
  return user?.isSiteAdmin === true;
}

/** Reading a site: a person who can enter it, or an app granted on it. */
function canRead(ctx: GraphContext, req: GraphRequest, site: Site): boolean {
  if (isSiteAdmin(ctx, req, site)) return true;
  if (req.principal.kind === "app") return site.grants.roleOf(req.principal.appId) !== undefined;
  if (req.principal.kind !== "person") return false;
  return !ctx.directory || site.users.find(req.principal) !== undefined;
}

function parseGrant(body: Record<string, unknown>): { appId: string; displayName: string; roles: GrantRole[] } {
  const roles = body.roles;
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every((r) => typeof r === "string" && isGrantRole(r))) {
    throw new GraphError(400, "invalidRequest", `Invalid value for 'roles': use one or more of ${Object.keys(GRANT_ROLES).join(", ")}.`);
  }
  const identities = (body.grantedToIdentitiesV2 ?? body.grantedToIdentities) as { application?: { id?: unknown; displayName?: unknown } }[] | undefined;
  const app = Array.isArray(identities) && identities.length === 1 ? identities[0]?.application : undefined;
  if (!app || typeof app.id !== "string" || !/^[0-9a-f-]{36}$/i.test(app.id)) {
    throw new GraphError(400, "invalidRequest", "A site permission needs exactly one grantedToIdentities entry naming an application by its id.");
  }
  return { appId: app.id, displayName: typeof app.displayName === "string" ? app.displayName : app.id, roles: roles as GrantRole[] };
}

export function sitesRoute(ctx: GraphContext, req: GraphRequest, rest: string): ApiResponse {
  // `{ref}` or `{ref}/permissions[/{id}]`; a path-addressed ref ends with ':' before a sub-resource.
  const m = /^([^/]+(?::\/sites\/[^/:]+:?)?)(?:\/permissions(?:\/([^/]+))?)?$/.exec(rest);
  if (!m) throw notFound(rest);
  const site = resolveSite(ctx, decodeURIComponent(m[1]));
  const isPermissions = /\/permissions(\/|$)/.test(rest);
  if (!isPermissions) {
    if (req.method !== "GET") throw new GraphError(405, "BadRequest", "The HTTP method is not allowed for this resource.");
    if (!canRead(ctx, req, site)) throw accessDenied();
    return graphJson(200, siteResource(ctx, site));
  }
  // Permissions on a site are an administrator's business, as in a real tenant.
  if (!isSiteAdmin(ctx, req, site)) throw accessDenied();
  const id = m[2] ? decodeURIComponent(m[2]) : undefined;
  if (!id) {
    if (req.method === "GET") return graphJson(200, { "@odata.context": `${ctx.graphBase}/$metadata#sites('${siteIdOf(ctx, site)}')/permissions`, value: site.grants.all().map(grantResource) });
    if (req.method !== "POST") throw new GraphError(405, "BadRequest", "The HTTP method is not allowed for this resource.");
    const g = parseGrant(parseGraphBody(req.body));
    return graphJson(201, { "@odata.context": `${ctx.graphBase}/$metadata#sites('${siteIdOf(ctx, site)}')/permissions/$entity`, ...grantResource(site.grants.grant(g.appId, g.displayName, g.roles)) });
  }
  const grant = site.grants.get(id);
  if (!grant) throw notFound(id);
  if (req.method === "GET") return graphJson(200, grantResource(grant));
  if (req.method === "DELETE") {
    site.grants.revoke(id);
    return graphEmpty(204);
  }
  if (req.method === "PATCH") {
    const roles = parseGraphBody(req.body).roles;
    if (!Array.isArray(roles) || !roles.every((r) => typeof r === "string" && isGrantRole(r))) throw new GraphError(400, "invalidRequest", "Invalid value for 'roles'.");
    return graphJson(200, grantResource(site.grants.grant(grant.appId, grant.displayName, roles as GrantRole[])));
  }
  throw new GraphError(405, "BadRequest", "The HTTP method is not allowed for this resource.");
}
