/** List items: `items` (GET with $select/$expand/$filter/$orderby/$top/$skiptoken, POST), `items(n)` and its verbs. */
import { Errors } from "../errors";
import { entityTypeName, type ListMeta } from "../model/list-model";
import { collection, primitive, single } from "../odata/serialize";
import type { Seg } from "../odata/segments";
import { type ApiResponse, type Call, parseBody } from "./context";
import { itemUri, newRecycleId, parseProjection, projectItems, viewOf } from "./items-view";
import { versionsRoute } from "./version-routes";
import { isSecurityVerb, securityRoute } from "./security-routes";
import { Perm } from "../security/permissions";

const itemsMeta = (call: Call, list: ListMeta) => call.r.meta(`SP.Data.${entityTypeName(list).replace(/ListItem$/, "")}ListItems`);

export function itemsRoute(call: Call, list: ListMeta): ApiResponse {
  const { r, method, req, ctx } = call;
  const site = ctx.site;
  const qs = req.url.searchParams;
  const meta = itemsMeta(call, list);
  if (method === "GET") {
    const proj = parseProjection(site, list, qs.get("$select") ?? undefined, qs.get("$expand") ?? undefined);
    const page = site.query.run(list, {
      filter: qs.get("$filter") ?? undefined,
      orderby: qs.get("$orderby") ?? undefined,
      top: qs.get("$top") ?? undefined,
      skiptoken: qs.get("$skiptoken") ?? undefined,
      lookups: proj.lookups,
      expanded: new Set(proj.expansions.keys()),
      visible: call.access.visibleItemsSql(list),
    });
    const items = projectItems(viewOf(call), list, page.rows, proj);
    let next: string | undefined;
    if (page.nextSkiptoken) {
      const u = new URL(req.url.toString());
      u.searchParams.set("$skiptoken", page.nextSkiptoken);
      if (!u.searchParams.has("$top")) u.searchParams.set("$top", "100");
      next = u.toString();
    }
    return r.json(200, collection(r.format, items, meta, next), "get-items");
  }
  if (method === "POST") {
    call.access.requireAdd(list);
    const row = site.items.add(list, parseBody(req.body), site.users.forPrincipal(req.principal));
    const [item] = projectItems(viewOf(call), list, [row], parseProjection(site, list, undefined, undefined));
    return r.json(201, single(r.format, item, `${meta}/@Element`), "add-item", { ETag: `"${row._version}"`, Location: itemUri(viewOf(call), list, row.ID) });
  }
  throw Errors.method();
}

export function itemRoute(call: Call, list: ListMeta, id: number, segs: Seg[]): ApiResponse {
  const { r, method, req, ctx } = call;
  const site = ctx.site;
  const next = segs.shift();
  // An item the caller may not see does not exist for them (security trimming): 404, never 403.
  const row = site.items.getRow(list, id);
  if (!row || !call.access.seesItem(list, row)) throw Errors.itemNotFound();
  if (next) {
    if (next.name === "recycle") {
      if (method !== "POST") throw Errors.method();
      call.access.requireWrite(Perm.DeleteListItems, list, row);
      site.items.delete(list, id, undefined);
      return r.json(200, primitive(r.format, "Recycle", newRecycleId(), r.meta("Edm.Guid")), "recycle-item");
    }
    if (next.name === "versions") return versionsRoute(call, list, id, next, segs);
    if (isSecurityVerb(next.name)) return securityRoute(call, { list, itemId: id }, next, segs);
    throw Errors.resource(next.raw);
  }
  if (method === "GET") {
    const qs = req.url.searchParams;
    const proj = parseProjection(site, list, qs.get("$select") ?? undefined, qs.get("$expand") ?? undefined);
    const [item] = projectItems(viewOf(call), list, [row], proj);
    return r.json(200, single(r.format, item, `${itemsMeta(call, list)}/@Element`), "get-item", { ETag: `"${row._version}"` });
  }
  if (method === "MERGE") {
    call.access.requireWrite(Perm.EditListItems, list, row);
    const updated = site.items.update(list, id, parseBody(req.body), req.headers["if-match"], site.users.forPrincipal(req.principal));
    return r.empty(204, "update-item", { ETag: `"${updated._version}"` });
  }
  if (method === "DELETE") {
    call.access.requireWrite(Perm.DeleteListItems, list, row);
    site.items.delete(list, id, req.headers["if-match"]);
    return r.empty(200, "delete-item");
  }
  throw Errors.method();
}
