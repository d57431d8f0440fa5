/** `/v1.0/...`: hands each Graph request to the module for its resource; any failure becomes Graph's error envelope. */
import type { ApiResponse } from "../api/context";
import { SpError } from "../errors";
import { type GraphContext, GraphError, type GraphRequest, graphErrorResponse, notFound } from "./graph-context";
import { sitesRoute } from "./site-routes";

export function handleGraph(ctx: GraphContext, req: GraphRequest): ApiResponse {
  try {
    const path = req.url.pathname.replace(/^\/v1\.0\/?/, "");
    const [head, ...rest] = path.split("/");
    switch (head.toLowerCase()) {
      case "sites":
        return sitesRoute(ctx, req, rest.join("/"));
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
    return new GraphError(401, "InvalidAuthenticationToken", `Access token validation failure. ${e.message}`, { "WWW-Authenticate": 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"' });
  }
  if (e instanceof SpError) return new GraphError(e.status, "generalException", e.message);
  return new GraphError(500, "generalException", `Unexpected error in the local Graph: ${e instanceof Error ? e.message : String(e)}`);
}
