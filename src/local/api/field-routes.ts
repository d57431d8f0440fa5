/** Columns of a list: `fields` (GET, POST), `addfield`, `createfieldasxml`, lookups by name/title/id, MERGE, DELETE. */
import { Errors } from "../errors";
import { fieldFromRest, fieldFromXml } from "../model/field-definition";
import { fieldUpdateProps } from "../model/field-update";
import { type FieldDef, fieldODataType, NUMBER_BY_KIND, typeAsString } from "../model/field-model";
import type { ListMeta } from "../model/list-model";
import { collection, entity, single } from "../odata/serialize";
import { argString, type Seg } from "../odata/segments";
import { Perm } from "../security/permissions";
import { type ApiResponse, type Call, filtered, parseBody, pick, type Reply, selectOf } from "./context";
import { ADD_TO_DEFAULT_VIEW, viewFieldsOf } from "./view-routes";

function fieldEntity(call: Call, r: Reply, list: ListMeta, f: FieldDef): Record<string, unknown> {
  const props: Record<string, unknown> = {
    CanBeDeleted: !f.builtin,
    DefaultValue: f.defaultValue ?? null,
    Description: f.description,
    EnforceUniqueValues: f.unique,
    FieldTypeKind: NUMBER_BY_KIND[f.kind],
    Filterable: f.kind !== "Note",
    Group: f.builtin ? "Core Columns" : "Custom Columns",
    Hidden: f.hidden,
    Id: f.id,
    Indexed: f.indexed,
    InternalName: f.internalName,
    ReadOnlyField: f.readOnly,
    Required: f.required,
    Sortable: f.kind !== "Note" && !f.multi && f.kind !== "MultiChoice",
    StaticName: f.internalName,
    Title: f.title,
    TypeAsString: typeAsString(f),
  };
  if (f.kind === "Text") props.MaxLength = f.maxLength ?? 255;
  if (f.kind === "Choice" || f.kind === "MultiChoice") {
    props.Choices = r.format === "verbose" ? { __metadata: { type: "Collection(Edm.String)" }, results: f.choices } : f.choices;
    props.FillInChoice = f.fillIn === true;
  }
  if (f.kind === "User" || f.kind === "Lookup") {
    props.AllowMultipleValues = f.multi;
    props.LookupList = f.kind === "User" ? "{00000000-0000-0000-0000-000000000000}" : `{${f.lookupList}}`;
    props.LookupField = f.kind === "User" ? "ImnName" : (f.lookupField ?? "Title");
  }
  if (f.kind === "User") props.SelectionMode = f.selectionMode ?? 1;
  if (f.kind === "DateTime") props.DisplayFormat = f.displayFormat ?? 0;
  const path = `Web/Lists(guid'${list.id}')/Fields(guid'${f.id}')`;
  return entity(r.format, { type: fieldODataType(f), uri: `${call.ctx.siteUrl}/_api/${path}`, editLink: path }, props);
}

function fieldCreated(call: Call, list: ListMeta, f: FieldDef): ApiResponse {
  const { r } = call;
  return r.json(201, single(r.format, fieldEntity(call, r, list, f), r.meta("SP.ApiData.Fields/@Element")), "fields");
}

function fieldCollection(call: Call, list: ListMeta): ApiResponse {
  const { r } = call;
  const items = filtered(call, list.fields, (rr, f) => fieldEntity(call, rr, list, f), "SP.Field");
  return r.json(200, collection(r.format, items, r.meta("SP.ApiData.Fields")), "fields");
}

export function fieldsRoute(call: Call, list: ListMeta, seg: Seg, segs: Seg[]): ApiResponse {
  const { r, method, req, ctx } = call;
  const fields = ctx.site.fields;
  let field: FieldDef | undefined;
  if (seg.args !== undefined) {
    const id = argString(seg.args).toLowerCase();
    field = list.fields.find((f) => f.id === id);
    if (!field) throw Errors.fieldNotFound(id);
  } else {
    const next = segs.shift();
    if (!next) {
      if (method === "GET") return fieldCollection(call, list);
      if (method !== "POST") throw Errors.method();
      call.access.require(Perm.ManageLists, list);
      return fieldCreated(call, list, fields.add(list, fieldFromRest(parseBody(req.body))));
    }
    if (next.name === "addfield" || next.name === "createfieldasxml") call.access.require(Perm.ManageLists, list);
    switch (next.name) {
      case "addfield": {
        const body = parseBody(req.body);
        const params = (body.parameters ?? body) as Record<string, unknown>;
        return fieldCreated(call, list, fields.add(list, fieldFromRest(params)));
      }
      case "createfieldasxml": {
        const params = (parseBody(req.body).parameters ?? {}) as Record<string, unknown>;
        const xml = typeof params.SchemaXml === "string" ? params.SchemaXml : "";
        const created = fields.add(list, fieldFromXml(xml));
        if ((Number(params.Options) & ADD_TO_DEFAULT_VIEW) !== 0) ctx.site.lists.setViewFields(list, [...viewFieldsOf(list), created.internalName]);
        return fieldCreated(call, list, created);
      }
      case "getbyinternalnameortitle":
      case "getbytitle": {
        const name = argString(next.args);
        field = next.name === "getbytitle" ? list.fields.find((f) => f.title.toLowerCase() === name.toLowerCase()) : fields.byNameOrTitle(list, name);
        if (!field) throw Errors.fieldNotFound(name);
        break;
      }
      case "getbyid": {
        const id = argString(next.args).toLowerCase();
        field = list.fields.find((f) => f.id === id);
        if (!field) throw Errors.fieldNotFound(id);
        break;
      }
      default:
        throw Errors.resource(next.raw);
    }
  }
  if (segs.length) throw Errors.resource(segs[0].raw);
  if (method === "GET") {
    return r.json(200, single(r.format, pick(fieldEntity(call, r, list, field), selectOf(call), "SP.Field"), r.meta("SP.ApiData.Fields/@Element")), "fields");
  }
  if (method === "MERGE" || method === "DELETE") call.access.require(Perm.ManageLists, list);
  if (method === "MERGE") {
    fields.update(list, field, fieldUpdateProps(field, parseBody(req.body)));
    return r.empty(204, "fields");
  }
  if (method === "DELETE") {
    fields.delete(list, field);
    return r.empty(200, "fields");
  }
  throw Errors.method();
}
