/** `/v1.0/...`: hands each Graph request to the module for its resource; any failure becomes Graph's error envelope. */
import type { ApiResponse } from "../api/context";
import { SpError } from "../errors";
import { type GraphContext, GraphError, type GraphRequest, graphErrorResponse, notFound } from "./graph-context";
import type { GraphStore } from "./graph-store";
import { sendMailRoute } from "./mail-routes";
import { sitesRoute } from "./site-routes";
import { type CatalogApp, catalogRoute, installedAppsRoute } from "./teams-routes";
import { userRef, userRoute } from "./user-routes";

export interface GraphServices extends GraphContext {
  catalog: CatalogApp[];
  store: GraphStore;
  /** Exchange RBAC for Applications: app id -> mailboxes it may send as. */
  mailSenders: Record<string, string[]>;
}

function usersRoute(ctx: GraphServices, req: GraphRequest, ref: string, rest: string[]): ApiResponse {
  const [first, second, ...more] = rest;
  if (first === undefined) return userRoute(ctx, req, ref);
  if (first.toLowerCase() === "sendmail" && second === undefined) return sendMailRoute(ctx, req, ref === "me" && req.principal.kind === "person" ? req.principal.oid : ref);
  if (first.toLowerCase() === "teamwork" && second?.toLowerCase() === "installedapps") {
    return installedAppsRoute(ctx, req, ref === "me" && req.principal.kind === "person" ? req.principal.oid : ref, more);
  }
  throw notFound(req.url.pathname);
}

export function handleGraph(ctx: GraphServices, req: GraphRequest): ApiResponse {
  try {
    const path = req.url.pathname.replace(/^\/v1\.0\/?/i, "");
    // `users('$x@y.com')` keeps its quotes (and any '/' inside them) in one segment.
    const byKey = /^users\('((?:[^']|'')*)'\)(?:\/(.*))?$/i.exec(path);
    if (byKey) return usersRoute(ctx, req, decodeURIComponent(byKey[1].replace(/''/g, "'")), byKey[2] ? byKey[2].split("/") : []);
    const [head, ...rest] = path.split("/");
    switch (head.toLowerCase()) {
      case "sites":
        return sitesRoute(ctx, req, rest.join("/"));
      case "users":
        if (!rest[0]) throw new GraphError(403, "Authorization_RequestDenied", "Listing users is not part of the local Graph.");
        return usersRoute(ctx, req, userRef(rest[0]), rest.slice(1));
      case "me":
        return usersRoute(ctx, req, "me", rest);
      case "appcatalogs":
        return catalogRoute(ctx, req, rest);
      default:
        throw notFound(req.url.pathname);
    }
  } catch (e) {
    return graphErrorResponse(toGraphError(e), req);
  }
}

/** SharePoint-shaped failures (a bad token) in Graph's words. */
export function toGraphError(e: unknown): GraphError {
  if (e instanceof GraphError) return e;
  if (e instanceof SpError && e.status === 401) {
    return new GraphError(401, "InvalidAuthenticationToken", `Access token validation failure. ${e.message}`, {
      "WWW-Authenticate": 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
    });
  }
  if (e instanceof SpError) return new GraphError(e.status, "generalException", e.message);
  return new GraphError(500, "generalException", `Unexpected error in the local Graph: ${e instanceof Error ? e.message : String(e)}`);
}
