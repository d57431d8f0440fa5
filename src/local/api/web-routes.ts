/** `_api/web` and what hangs off it: title, current user, users, lists. */
import { Errors } from "../errors";
import { entity, primitive, single } from "../odata/serialize";
import { argString, type Seg } from "../odata/segments";
import { type ApiResponse, type Call, pick, selectOf } from "./context";
import { listRoute, listsRoute } from "./list-routes";
import { associatedGroupRoute, siteGroupsRoute } from "./group-routes";
import { regionalSettingsRoute } from "./regional-routes";
import { isSecurityVerb, securityRoute } from "./security-routes";
import { currentUser, ensureUser, getUserById, siteUsers } from "./user-routes";

function webProps(call: Call): Record<string, unknown> {
  const { site, sitePath, siteUrl } = call.ctx;
  return {
    Created: site.db.created,
    Description: "",
    Id: site.db.webId,
    Language: 1033,
    LastItemModifiedDate: site.db.created,
    ServerRelativeUrl: sitePath,
    Title: site.name,
    Url: siteUrl,
    WebTemplate: "STS",
    HasUniqueRoleAssignments: true,
  };
}

export function webRoute(call: Call, segs: Seg[]): ApiResponse {
  const { r, method, ctx } = call;
  const next = segs.shift();
  if (!next) {
    if (method !== "GET") throw Errors.method();
    const props = pick(webProps(call), selectOf(call), "SP.Web");
    return r.json(200, single(r.format, entity(r.format, { type: "SP.Web", uri: `${ctx.siteUrl}/_api/Web`, editLink: "Web" }, props), r.meta("SP.Web")), "web");
  }
  switch (next.name) {
    case "title":
      return r.json(200, primitive(r.format, "Title", ctx.site.name, r.meta("Edm.String")), "web");
    case "currentuser":
      return currentUser(call, segs);
    case "ensureuser":
      return ensureUser(call, next);
    case "getuserbyid":
      return getUserById(call, next);
    case "siteusers":
      return siteUsers(call, next, segs);
    case "regionalsettings":
      return regionalSettingsRoute(call, segs);
    case "sitegroups":
      return siteGroupsRoute(call, next, segs);
    case "associatedownergroup":
    case "associatedmembergroup":
    case "associatedvisitorgroup":
      return associatedGroupRoute(call, next, segs);
    case "lists":
      return listsRoute(call, [next, ...segs]);
    case "getlist":
    case "getlistbytitle": {
      const title = argString(next.args);
      const list = ctx.site.lists.byTitle(title.split("/").pop() ?? title);
      if (!list || !call.access.seesList(list)) throw Errors.listNotFound(title, ctx.siteUrl);
      return listRoute(call, list, segs);
    }
    default:
      if (isSecurityVerb(next.name)) return securityRoute(call, {}, next, segs);
      throw Errors.resource(next.raw);
  }
}
