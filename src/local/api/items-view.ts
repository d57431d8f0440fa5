/**
 * Shapes list items the way SharePoint does: the default property set without $select, `$select`/`$expand`
 * projections into person columns (`Owner/Title`) and lookups (`Plan/Title`), `<Name>Id` for references, arrays
 * (or verbose `results`) for multi-valued columns.
 */
import { randomUUID } from "node:crypto";
import { Codes, Errors, type ResponseFormat, SpError } from "../errors";
import { type FieldDef, isRef, restName } from "../model/field-model";
import { fromStored } from "../model/field-values";
import { itemTypeName, type ListMeta, type Row } from "../model/list-model";
import { entity, multi } from "../odata/serialize";
import type { Site } from "../site/site";
import { itemScope } from "../store/role-store";
import type { SiteUser } from "../store/user-store";
import type { Call } from "./context";

const SPECIAL = new Set([
  "Id",
  "ID",
  "GUID",
  "FileSystemObjectType",
  "ContentTypeId",
  "OData__UIVersionString",
  "Attachments",
  "ServerRedirectedEmbedUri",
  "ServerRedirectedEmbedUrl",
  "ComplianceAssetId",
  "HasUniqueRoleAssignments",
]);

const USER_PROPS: Record<string, (u: SiteUser) => unknown> = {
  Id: (u) => u.id,
  ID: (u) => u.id,
  Title: (u) => u.title,
  EMail: (u) => u.email,
  Name: (u) => u.loginName,
  UserName: (u) => u.upn,
  UserPrincipalName: (u) => u.upn,
};

interface Expansion {
  field: FieldDef;
  subs: string[];
}

export interface Projection {
  all: boolean;
  props: string[];
  expansions: Map<string, Expansion>;
  /** Person and lookup columns the projection joins (every one of them when all columns are projected). */
  lookups: Set<string>;
}

export function parseProjection(site: Site, list: ListMeta, select: string | undefined, expand: string | undefined): Projection {
  const expandNames = (expand ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const expansions = new Map<string, Expansion>();
  for (const name of expandNames) {
    const f = list.fields.find((x) => isRef(x) && x.internalName === name);
    if (!f) throw Errors.selectField(name);
    expansions.set(name, { field: f, subs: [] });
  }
  const parts = (select ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const all = parts.length === 0 || parts.includes("*");
  const props: string[] = [];
  for (const p of parts) {
    if (p === "*") continue;
    const slash = p.indexOf("/");
    if (slash >= 0) {
      const head = p.slice(0, slash);
      const sub = p.slice(slash + 1);
      const ex = expansions.get(head);
      if (!ex) {
        throw new SpError(400, Codes.invalidQuery, `The query to field '${head}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${head}.`);
      }
      if (ex.field.kind === "User" && !USER_PROPS[sub]) throw Errors.selectField(sub);
      if (ex.field.kind === "Lookup") {
        const target = site.lists.byId(ex.field.lookupList ?? "");
        if (!target) throw Errors.listIdNotFound();
        if (!SPECIAL.has(sub) && !target.fields.some((t) => restName(t) === sub)) throw Errors.selectField(sub);
      }
      ex.subs.push(sub);
      continue;
    }
    if (expansions.has(p)) continue;
    if (SPECIAL.has(p)) {
      props.push(p);
      continue;
    }
    const f = list.fields.find((x) => restName(x) === p || (x.kind === "User" && !x.multi && `${x.internalName}StringId` === p));
    if (!f) {
      const ref = list.fields.find((x) => isRef(x) && x.internalName === p);
      if (ref) {
        throw new SpError(400, Codes.invalidQuery, `The query to field '${p}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${p}.`);
      }
      throw Errors.selectField(p);
    }
    props.push(p);
  }
  const lookups = new Set<string>(expansions.keys());
  for (const f of list.fields) {
    if (!isRef(f)) continue;
    if (all || props.includes(restName(f)) || props.includes(`${f.internalName}StringId`)) lookups.add(f.internalName);
  }
  return { all, props, expansions, lookups };
}

export interface ViewContext {
  format: ResponseFormat;
  siteUrl: string;
  site: Site;
}

export const viewOf = (call: Call): ViewContext => ({ format: call.r.format, siteUrl: call.ctx.siteUrl, site: call.ctx.site });

export function itemUri(ctx: ViewContext, list: ListMeta, id: number): string {
  return `${ctx.siteUrl}/_api/Web/Lists(guid'${list.id}')/Items(${id})`;
}

function specialValue(ctx: ViewContext, list: ListMeta, row: Row, p: string): unknown {
  switch (p) {
    case "Id":
    case "ID":
      return row.ID;
    case "GUID":
      return row._guid;
    case "FileSystemObjectType":
      return 0;
    case "ContentTypeId":
      return `0x0100${list.id.replace(/-/g, "").toUpperCase()}`;
    case "OData__UIVersionString":
      return `${row._version}.0`;
    case "Attachments":
      return false;
    case "ServerRedirectedEmbedUri":
      return null;
    case "ServerRedirectedEmbedUrl":
      return "";
    case "HasUniqueRoleAssignments":
      return ctx.site.roles.hasUnique(itemScope(list.id, row.ID));
    default:
      return null;
  }
}

function fieldProps(ctx: ViewContext, f: FieldDef, row: Row, out: Record<string, unknown>, only?: string): void {
  const v = fromStored(f, row[f.column]);
  if (f.kind === "User" || f.kind === "Lookup") {
    if (f.multi) {
      const ids = v as number[];
      if (!only || only === restName(f)) out[restName(f)] = multi(ctx.format, ids, "Edm.Int32");
      if (f.kind === "User" && (!only || only === `${f.internalName}StringId`)) {
        out[`${f.internalName}StringId`] = multi(ctx.format, ids.map(String), "Edm.String");
      }
    } else {
      if (!only || only === restName(f)) out[restName(f)] = v;
      if (f.kind === "User" && (!only || only === `${f.internalName}StringId`)) out[`${f.internalName}StringId`] = v === null ? null : String(v);
    }
    return;
  }
  out[f.internalName] = f.kind === "MultiChoice" ? multi(ctx.format, v as unknown[], "Edm.String") : v;
}

/**
 * A multi-value person or lookup column projects a property only if every value in it has one: SharePoint fails
 * the whole query otherwise (e.g. EMail of a person without a mailbox; sp-dev-docs#4478, #10562, pnpjs#778).
 */
function projectedOrFail(field: FieldDef, entries: Record<string, unknown>[], subs: string[]): Record<string, unknown>[] {
  for (const s of subs) {
    if (entries.some((e) => e[s] === null || e[s] === undefined || e[s] === "")) {
      throw new SpError(500, Codes.spException, `Cannot get value for projected field ${field.internalName}_x005f_${s}.`);
    }
  }
  return entries;
}

function userObject(ctx: ViewContext, u: SiteUser | undefined, subs: string[]): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  const names = subs.length ? subs : Object.keys(USER_PROPS);
  for (const s of names) props[s] = u ? USER_PROPS[s](u) : null;
  return entity(ctx.format, { type: "SP.Data.UserInfoItem", uri: `${ctx.siteUrl}/_api/Web/GetUserById(${u?.id ?? 0})` }, props);
}

/** Projects rows; expansions are fetched for the whole page at once, not per row. */
export function projectItems(ctx: ViewContext, list: ListMeta, rows: Row[], proj: Projection): Record<string, unknown>[] {
  const lookupData = new Map<string, { list: ListMeta; rows: Map<number, Row> }>();
  for (const [name, ex] of proj.expansions) {
    if (ex.field.kind !== "Lookup") continue;
    const target = ctx.site.lists.byId(ex.field.lookupList ?? "");
    if (!target) throw Errors.listIdNotFound();
    const ids: number[] = [];
    for (const r of rows) {
      const v = fromStored(ex.field, r[ex.field.column]);
      if (Array.isArray(v)) ids.push(...(v as number[]));
      else if (typeof v === "number") ids.push(v);
    }
    lookupData.set(name, { list: target, rows: ctx.site.items.rowsById(target, ids) });
  }
  const typeName = itemTypeName(list);
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    if (proj.all) {
      out.FileSystemObjectType = 0;
      out.Id = row.ID;
      out.ServerRedirectedEmbedUri = null;
      out.ServerRedirectedEmbedUrl = "";
      out.ContentTypeId = specialValue(ctx, list, row, "ContentTypeId");
      for (const f of list.fields) {
        if (f.internalName === "ID" || f.hidden) continue;
        if (f.builtin && f.internalName !== "Title") continue;
        if (proj.expansions.has(f.internalName)) continue;
        fieldProps(ctx, f, row, out);
      }
      out.ID = row.ID;
      out.Modified = row.f_Modified;
      out.Created = row.f_Created;
      out.AuthorId = row.f_Author;
      out.EditorId = row.f_Editor;
      out.OData__UIVersionString = `${row._version}.0`;
      out.Attachments = false;
      out.GUID = row._guid;
    } else {
      for (const p of proj.props) {
        if (SPECIAL.has(p)) {
          out[p] = specialValue(ctx, list, row, p);
          continue;
        }
        const f = list.fields.find((x) => restName(x) === p || `${x.internalName}StringId` === p)!;
        fieldProps(ctx, f, row, out, p);
      }
    }
    for (const [name, ex] of proj.expansions) {
      const v = fromStored(ex.field, row[ex.field.column]);
      if (ex.field.kind === "User") {
        if (ex.field.multi) {
          const people = (v as number[]).map((id) => userObject(ctx, ctx.site.users.get(id), ex.subs));
          out[name] = multi(ctx.format, projectedOrFail(ex.field, people, ex.subs), "SP.Data.UserInfoItem");
        }
        else out[name] = v === null ? null : userObject(ctx, ctx.site.users.get(v as number), ex.subs);
        // Expanding a person column without picking properties: SharePoint returns the deferred link; we return all.
        continue;
      }
      const ld = lookupData.get(name)!;
      const make = (id: number): Record<string, unknown> => {
        const r = ld.rows.get(id);
        const props: Record<string, unknown> = {};
        const subs = ex.subs.length ? ex.subs : ["Id", ex.field.lookupField ?? "Title"];
        for (const s of subs) {
          if (!r) props[s] = null;
          else if (SPECIAL.has(s)) props[s] = specialValue(ctx, ld.list, r, s);
          else {
            const tf = ld.list.fields.find((t) => restName(t) === s)!;
            fieldProps(ctx, tf, r, props, s);
          }
        }
        return entity(ctx.format, { type: itemTypeName(ld.list), uri: itemUri(ctx, ld.list, id) }, props);
      };
      if (ex.field.multi) out[name] = multi(ctx.format, projectedOrFail(ex.field, (v as number[]).map(make), ex.subs), itemTypeName(ld.list));
      else out[name] = v === null ? null : make(v as number);
    }
    return entity(
      ctx.format,
      {
        type: typeName,
        uri: itemUri(ctx, list, row.ID),
        etag: `"${row._version}"`,
        editLink: `Web/Lists(guid'${list.id}')/Items(${row.ID})`,
      },
      out,
    );
  });
}

export function newRecycleId(): string {
  return randomUUID();
}

