/** Lists: `web/lists` (GET, POST), `getbytitle('X')`, `lists(guid'...')`, `getbyid('...')`, and one list's own verbs. */
import { Errors } from "../errors";
import { collection, entity, primitive, single } from "../odata/serialize";
import { argInt, argString, type Seg } from "../odata/segments";
import { entityTypeName, itemTypeName, type ListMeta, parseEtag } from "../model/list-model";
import { Perm } from "../security/permissions";
import { listScope } from "../store/role-store";
import { type ApiResponse, type Call, filtered, parseBody, pick, type Reply, selectOf } from "./context";
import { fieldsRoute } from "./field-routes";
import { itemRoute, itemsRoute } from "./item-routes";
import { isSecurityVerb, securityRoute } from "./security-routes";
import { newRecycleId } from "./items-view";
import { defaultViewRoute } from "./view-routes";

export function listEntity(call: Call, r: Reply, l: ListMeta): Record<string, unknown> {
  const uri = `${call.ctx.siteUrl}/_api/Web/Lists(guid'${l.id}')`;
  return entity(r.format, { type: "SP.List", uri, etag: `"${l.version}"`, editLink: `Web/Lists(guid'${l.id}')` }, {
    AllowContentTypes: true,
    BaseTemplate: l.baseTemplate,
    BaseType: 0,
    ContentTypesEnabled: false,
    Created: l.created,
    Description: l.description,
    EnableAttachments: true,
    EnableFolderCreation: false,
    EnableMinorVersions: false,
    EnableVersioning: l.enableVersioning,
    HasUniqueRoleAssignments: call.ctx.site.roles.hasUnique(listScope(l.id)),
    EntityTypeName: entityTypeName(l).replace(/ListItem$/, "List"),
    Hidden: l.hidden,
    Id: l.id,
    ItemCount: l.itemCount,
    LastItemModifiedDate: l.lastItemModified,
    ListItemEntityTypeFullName: itemTypeName(l),
    MajorVersionLimit: l.enableVersioning ? 50 : 0,
    ParentWebUrl: call.ctx.sitePath,
    ReadSecurity: l.readSecurity ?? 1,
    Title: l.title,
    WriteSecurity: l.writeSecurity ?? 1,
  });
}

export function listsRoute(call: Call, segs: Seg[]): ApiResponse {
  const { r, method, req, ctx } = call;
  const lists = ctx.site.lists;
  const head = segs.shift()!;
  // Lists the caller cannot view do not exist for them (security trimming).
  const visible = (l: ListMeta | undefined) => (l && call.access.seesList(l) ? l : undefined);
  let list: ListMeta | undefined;
  if (head.args !== undefined) {
    list = visible(lists.byId(argString(head.args)));
    if (!list) throw Errors.listIdNotFound();
  } else {
    const next = segs.shift();
    if (!next) {
      if (method === "GET") {
        const visibleLists = lists.all().filter((l) => call.access.seesList(l));
        const items = filtered(call, visibleLists, (rr, l) => listEntity(call, rr, l), "SP.List");
        return r.json(200, collection(r.format, items, r.meta("SP.ApiData.Lists")), "lists");
      }
      if (method === "POST") {
        call.access.require(Perm.ManageLists);
        const l = lists.add(parseBody(req.body));
        return r.json(201, single(r.format, listEntity(call, r, l), r.meta("SP.ApiData.Lists/@Element")), "lists");
      }
      throw Errors.method();
    }
    if (next.name === "getbytitle") {
      const title = argString(next.args);
      list = visible(lists.byTitle(title));
      if (!list) throw Errors.listNotFound(title, ctx.siteUrl);
    } else if (next.name === "getbyid") {
      list = visible(lists.byId(argString(next.args)));
      if (!list) throw Errors.listIdNotFound();
    } else throw Errors.resource(next.raw);
  }
  return listRoute(call, list, segs);
}

export function listRoute(call: Call, list: ListMeta, segs: Seg[]): ApiResponse {
  const { r, method, req, ctx } = call;
  const lists = ctx.site.lists;
  const next = segs.shift();
  if (!next) {
    if (method === "GET") {
      const body = single(r.format, pick(listEntity(call, r, list), selectOf(call), "SP.List"), r.meta("SP.ApiData.Lists/@Element"));
      return r.json(200, body, "lists", { ETag: `"${list.version}"` });
    }
    if (method === "MERGE") {
      call.access.require(Perm.ManageLists, list);
      const want = parseEtag(req.headers["if-match"]);
      if (typeof want === "number" && want !== list.version) throw Errors.etag(req.headers["if-match"]!, `"${list.version}"`);
      lists.update(list, parseBody(req.body));
      return r.empty(204, "lists", { ETag: `"${list.version}"` });
    }
    if (method === "DELETE") {
      call.access.require(Perm.ManageLists, list);
      lists.delete(list);
      return r.empty(200, "lists");
    }
    throw Errors.method();
  }
  switch (next.name) {
    case "items":
      if (next.args !== undefined) return itemRoute(call, list, argInt(next.args), segs);
      if (segs.length) throw Errors.resource(segs[0].raw);
      return itemsRoute(call, list);
    case "getitembyid":
      return itemRoute(call, list, argInt(next.args), segs);
    case "fields":
      return fieldsRoute(call, list, next, segs);
    case "defaultview":
      return defaultViewRoute(call, list, segs);
    case "itemcount":
      return r.json(200, primitive(r.format, "ItemCount", list.itemCount, r.meta("Edm.Int32")), "lists");
    case "recycle": {
      if (method !== "POST") throw Errors.method();
      call.access.require(Perm.ManageLists, list);
      lists.delete(list);
      return r.json(200, primitive(r.format, "Recycle", newRecycleId(), r.meta("Edm.Guid")), "lists");
    }
    default:
      if (isSecurityVerb(next.name)) return securityRoute(call, { list }, next, segs);
      throw Errors.resource(next.raw);
  }
}
