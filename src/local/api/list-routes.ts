/** Lists: `web/lists` (GET, POST), `getbytitle('X')`, `lists(guid'...')`, `getbyid('...')`, and one list's own verbs. */
import { Errors } from "../errors";
import { evalFilter } from "../odata/entity-filter";
import { parseFilter } from "../odata/filter-parser";
import { collection, entity, primitive, single } from "../odata/serialize";
import { argInt, argString, type Seg } from "../odata/segments";
import { entityTypeName, itemTypeName, type ListMeta, parseEtag } from "../model/list-model";
import { type ApiResponse, type Call, parseBody, pick, Reply, selectOf } from "./context";
import { fieldsRoute } from "./field-routes";
import { itemRoute, itemsRoute } from "./item-routes";
import { newRecycleId } from "./items-view";

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
    EntityTypeName: entityTypeName(l).replace(/ListItem$/, "List"),
    Hidden: l.hidden,
    Id: l.id,
    ItemCount: l.itemCount,
    LastItemModifiedDate: l.lastItemModified,
    ListItemEntityTypeFullName: itemTypeName(l),
    MajorVersionLimit: l.enableVersioning ? 50 : 0,
    ParentWebUrl: call.ctx.sitePath,
    Title: l.title,
  });
}

export function listsRoute(call: Call, segs: Seg[]): ApiResponse {
  const { r, method, req, ctx } = call;
  const lists = ctx.site.lists;
  const head = segs.shift()!;
  let list: ListMeta | undefined;
  if (head.args !== undefined) {
    list = lists.byId(argString(head.args));
    if (!list) throw Errors.listIdNotFound();
  } else {
    const next = segs.shift();
    if (!next) {
      if (method === "GET") {
        let all = lists.all().map((l) => listEntity(call, new Reply("nometadata", ctx.siteUrl), l));
        const filter = req.url.searchParams.get("$filter");
        if (filter) {
          const ast = parseFilter(filter);
          all = all.filter((x) => evalFilter(ast, x));
        }
        const items = all.map((x) => pick(listEntity(call, r, lists.byId(String(x.Id))!), selectOf(call), "SP.List"));
        return r.json(200, collection(r.format, items, r.meta("SP.ApiData.Lists")), "lists");
      }
      if (method === "POST") {
        const l = lists.add(parseBody(req.body));
        return r.json(201, single(r.format, listEntity(call, r, l), r.meta("SP.ApiData.Lists/@Element")), "lists");
      }
      throw Errors.method();
    }
    if (next.name === "getbytitle") {
      const title = argString(next.args);
      list = lists.byTitle(title);
      if (!list) throw Errors.listNotFound(title, ctx.siteUrl);
    } else if (next.name === "getbyid") {
      list = lists.byId(argString(next.args));
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
      const want = parseEtag(req.headers["if-match"]);
      if (typeof want === "number" && want !== list.version) throw Errors.etag(req.headers["if-match"]!, `"${list.version}"`);
      lists.update(list, parseBody(req.body));
      return r.empty(204, "lists", { ETag: `"${list.version}"` });
    }
    if (method === "DELETE") {
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
    case "itemcount":
      return r.json(200, primitive(r.format, "ItemCount", list.itemCount, r.meta("Edm.Int32")), "lists");
    case "recycle": {
      if (method !== "POST") throw Errors.method();
      lists.delete(list);
      return r.json(200, primitive(r.format, "Recycle", newRecycleId(), r.meta("Edm.Guid")), "lists");
    }
    default:
      throw Errors.resource(next.raw);
  }
}
