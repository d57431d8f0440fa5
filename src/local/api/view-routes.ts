/**
 * A list's default view, just enough for provisioning to put its columns in it: `defaultview` (GET),
 * `defaultview/viewfields` (GET: `SchemaXml` and `Items`, the internal names in order), `addviewfield('X')`,
 * `removeviewfield('X')` and `removeallviewfields` (POST, ManageLists; void methods answer `{"odata.null": true}`).
 * A new list's default view ("All Items") shows `LinkTitle`, as a custom list's does; a column created with
 * `AddFieldToDefaultView` (Options & 16) is appended to it. Other views, view queries and CAML are not emulated.
 */
import { Errors } from "../errors";
import type { ListMeta } from "../model/list-model";
import { entity, single } from "../odata/serialize";
import { argString, type Seg } from "../odata/segments";
import { Perm } from "../security/permissions";
import { type ApiResponse, type Call, pick, selectOf } from "./context";
import { nullResult } from "./principal-entities";

/** SP.AddFieldOptions.AddFieldToDefaultView. */
export const ADD_TO_DEFAULT_VIEW = 16;

/** The default view's columns (lists made before views existed here show the title only). */
export const viewFieldsOf = (list: ListMeta): string[] => list.viewFields ?? ["LinkTitle"];

/** Names a view may show besides the list's columns: the title rendered as a link to the item, and the edit link. */
const COMPUTED = ["LinkTitle", "LinkTitleNoMenu", "Edit", "DocIcon"];

function viewFieldName(list: ListMeta, raw: string): string {
  const computed = COMPUTED.find((c) => c.toLowerCase() === raw.toLowerCase());
  if (computed) return computed;
  const f = list.fields.find((x) => x.internalName.toLowerCase() === raw.toLowerCase());
  if (!f) throw Errors.fieldNotFound(raw);
  return f.internalName;
}

export function defaultViewRoute(call: Call, list: ListMeta, segs: Seg[]): ApiResponse {
  const { r, method, ctx } = call;
  const uri = `${ctx.siteUrl}/_api/Web/Lists(guid'${list.id}')/DefaultView`;
  const next = segs.shift();
  if (!next) {
    if (method !== "GET") throw Errors.method();
    const props = { DefaultView: true, Hidden: false, Id: list.id, PersonalView: false, RowLimit: 30, ServerRelativeUrl: `${ctx.sitePath}/Lists/${list.title}/AllItems.aspx`, Title: "All Items" };
    return r.json(200, single(r.format, pick(entity(r.format, { type: "SP.View", uri }, props), selectOf(call), "SP.View"), r.meta("SP.ApiData.Views/@Element")), "lists");
  }
  if (next.name !== "viewfields") throw Errors.resource(next.raw);
  const verb = segs.shift();
  if (segs.length) throw Errors.resource(segs[0].raw);
  const names = viewFieldsOf(list);
  if (!verb) {
    if (method !== "GET") throw Errors.method();
    const schemaXml = names.map((n) => `<FieldRef Name="${n}" />`).join("");
    const items = r.format === "verbose" ? { __metadata: { type: "Collection(Edm.String)" }, results: names } : names;
    return r.json(200, single(r.format, entity(r.format, { type: "SP.ViewFieldCollection", uri: `${uri}/ViewFields` }, { SchemaXml: schemaXml, Items: items }), r.meta("SP.ApiData.ViewFieldCollections/@Element")), "lists");
  }
  if (method !== "POST") throw Errors.method();
  call.access.require(Perm.ManageLists, list);
  let next2: string[];
  switch (verb.name) {
    case "addviewfield": {
      const name = viewFieldName(list, argString(verb.args));
      next2 = names.includes(name) ? names : [...names, name];
      break;
    }
    case "removeviewfield": {
      const name = viewFieldName(list, argString(verb.args));
      next2 = names.filter((n) => n !== name);
      break;
    }
    case "removeallviewfields":
      next2 = [];
      break;
    default:
      throw Errors.resource(verb.raw);
  }
  ctx.site.lists.setViewFields(list, next2);
  return r.json(200, nullResult(r, verb.name), "lists");
}
