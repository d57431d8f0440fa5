/**
 * The `/_api/...` surface of one site: reads the verb and the first path segment and hands the call to the route
 * module for that resource. Transport concerns (auth, digest, faults, CORS, $batch framing) live in http/.
 */
import { Errors } from "../errors";
import { Access } from "../security/access";
import { entity, formatFromAccept, single } from "../odata/serialize";
import { parseSegments } from "../odata/segments";
import { contextInfo } from "./contextinfo-route";
import { type ApiRequest, type ApiResponse, type Call, Reply, type SiteContext } from "./context";
import { listsRoute } from "./list-routes";
import { webRoute } from "./web-routes";

export function handleApi(ctx: SiteContext, req: ApiRequest, apiPath: string): ApiResponse {
  const r = new Reply(formatFromAccept(req.headers.accept), ctx.siteUrl);
  let method = req.method.toUpperCase();
  const override = req.headers["x-http-method"];
  if (method === "POST" && override) method = override.toUpperCase();
  if (method === "PATCH" || method === "PUT") method = "MERGE";
  const call: Call = { ctx, req, method, r, access: new Access(ctx.site, req.principal, ctx.enforce) };
  // Someone with no permission anywhere in the site is turned away at the door, whatever they ask for.
  if (!call.access.entersSite) throw Errors.accessDenied();
  const segs = parseSegments(apiPath);
  // Aliased parameters: PnPjs sends `siteusers('!@v::x')` as `siteusers(@v)?@v='x'`.
  for (const s of segs) {
    const alias = s.args !== undefined ? /^\s*(@\w+)\s*$/.exec(s.args) : null;
    if (alias) s.args = req.url.searchParams.get(alias[1]) ?? "''";
  }
  const first = segs.shift();
  if (!first) throw Errors.resource("_api");
  switch (first.name) {
    case "contextinfo":
      if (method !== "POST") throw Errors.method();
      return contextInfo(call);
    case "web":
      return webRoute(call, segs);
    case "lists":
      return listsRoute(call, [first, ...segs]);
    case "site":
      if (segs.length === 0 && method === "GET") {
        const props = { Id: ctx.site.db.webId, Url: ctx.siteUrl, ServerRelativeUrl: ctx.sitePath };
        return r.json(200, single(r.format, entity(r.format, { type: "SP.Site", uri: `${ctx.siteUrl}/_api/site` }, props), r.meta("SP.Site")), "web");
      }
      throw Errors.resource(first.raw);
    default:
      throw Errors.resource(first.raw);
  }
}
