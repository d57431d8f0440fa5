/**
 * What a list column is, how PnPjs describes one when creating it (REST body or CAML `<Field/>` XML), how its
 * values are validated on write and how SharePoint names its REST properties (a person column `Owner` is
 * read and written as `OwnerId`).
 */
import { randomUUID } from "node:crypto";
import { Errors, SpError, Codes } from "./errors";
import { isoSeconds } from "./odata-filter";

export type FieldKind =
  | "Counter"
  | "Integer"
  | "Text"
  | "Note"
  | "DateTime"
  | "Choice"
  | "MultiChoice"
  | "Lookup"
  | "User"
  | "Boolean"
  | "Number"
  | "Currency"
  | "Guid"
  | "Computed";

export interface FieldDef {
  id: string;
  internalName: string;
  title: string;
  kind: FieldKind;
  multi: boolean;
  required: boolean;
  indexed: boolean;
  unique: boolean;
  maxLength?: number;
  choices: string[];
  lookupList?: string;
  lookupField?: string;
  hidden: boolean;
  readOnly: boolean;
  builtin: boolean;
  description: string;
  selectionMode?: number;
  displayFormat?: number;
  defaultValue?: string | null;
  /** Name of the SQL column holding the value. */
  column: string;
}

const KIND_BY_NUMBER: Record<number, FieldKind> = {
  1: "Integer",
  2: "Text",
  3: "Note",
  4: "DateTime",
  5: "Counter",
  6: "Choice",
  7: "Lookup",
  8: "Boolean",
  9: "Number",
  10: "Currency",
  12: "Computed",
  14: "Guid",
  15: "MultiChoice",
  20: "User",
};
export const NUMBER_BY_KIND: Record<FieldKind, number> = Object.fromEntries(
  Object.entries(KIND_BY_NUMBER).map(([n, k]) => [k, Number(n)]),
) as Record<FieldKind, number>;

const ODATA_TYPE: Partial<Record<FieldKind, string>> = {
  Text: "SP.FieldText",
  Note: "SP.FieldMultiLineText",
  DateTime: "SP.FieldDateTime",
  Choice: "SP.FieldChoice",
  MultiChoice: "SP.FieldMultiChoice",
  Lookup: "SP.FieldLookup",
  User: "SP.FieldUser",
  Boolean: "SP.Field",
  Number: "SP.FieldNumber",
  Currency: "SP.FieldCurrency",
  Integer: "SP.FieldNumber",
  Computed: "SP.FieldComputed",
  Guid: "SP.FieldGuid",
};
export const fieldODataType = (f: FieldDef): string => ODATA_TYPE[f.kind] ?? "SP.Field";

export function typeAsString(f: FieldDef): string {
  if (f.kind === "User" && f.multi) return "UserMulti";
  if (f.kind === "Lookup" && f.multi) return "LookupMulti";
  return f.kind;
}

/** Person and lookup columns are read and written through `<Name>Id`. */
export const isRef = (f: FieldDef): boolean => f.kind === "User" || f.kind === "Lookup";
export const isMultiValued = (f: FieldDef): boolean => f.multi || f.kind === "MultiChoice";
export const restName = (f: FieldDef): string => (isRef(f) ? `${f.internalName}Id` : f.internalName);

/** SQLite column type; text compares case-insensitively as SharePoint does. */
export function sqlType(f: FieldDef): string {
  if (isMultiValued(f)) return "TEXT";
  switch (f.kind) {
    case "Text":
    case "Note":
    case "Choice":
    case "Guid":
    case "Computed":
      return "TEXT COLLATE NOCASE";
    case "DateTime":
      return "TEXT";
    case "Boolean":
    case "Integer":
    case "Counter":
    case "User":
    case "Lookup":
      return "INTEGER";
    default:
      return "REAL";
  }
}

/**
 * SharePoint derives a new column's internal name from its title, escaping every character that is not a
 * letter or digit as _xHHHH_ (so "Due Date" becomes "Due_x0020_Date"), and truncates it to 32 characters.
 */
export function internalNameFromTitle(title: string): string {
  let out = "";
  for (const ch of title) {
    if (/[A-Za-z0-9_]/.test(ch)) out += ch;
    else out += `_x${ch.codePointAt(0)!.toString(16).padStart(4, "0")}_`;
  }
  if (out.length > 32) {
    out = out.slice(0, 32);
    const cut = out.lastIndexOf("_x");
    if (cut >= 0 && !/_x[0-9a-f]{4}_/.test(out.slice(cut))) out = out.slice(0, cut);
  }
  return out || "Field";
}

function boolish(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (typeof v === "string") {
    const s = v.toUpperCase();
    if (s === "TRUE") return true;
    if (s === "FALSE") return false;
  }
  if (typeof v === "number") return v !== 0;
  return undefined;
}

function resultsArray(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (v && typeof v === "object" && Array.isArray((v as { results?: unknown }).results)) {
    return (v as { results: unknown[] }).results;
  }
  return undefined;
}

export function newField(partial: Partial<FieldDef> & { internalName: string; title: string; kind: FieldKind }): FieldDef {
  return {
    id: randomUUID(),
    multi: false,
    required: false,
    indexed: false,
    unique: false,
    choices: [],
    hidden: false,
    readOnly: false,
    builtin: false,
    description: "",
    column: `f_${partial.internalName}`,
    ...partial,
  };
}

/** Field definition from the REST body PnPjs sends for fields.add*() and fields.addField() (parameters). */
export function fieldFromRest(body: Record<string, unknown>): FieldDef {
  const title = typeof body.Title === "string" ? body.Title.trim() : "";
  if (!title) throw new SpError(400, Codes.argument, "The parameter 'Title' cannot be empty.");
  const kindNum = Number(body.FieldTypeKind);
  const kind = KIND_BY_NUMBER[kindNum];
  if (!kind || kind === "Counter" || kind === "Computed") {
    throw new SpError(400, Codes.argument, `FieldTypeKind '${String(body.FieldTypeKind)}' is not supported by the local SharePoint.`);
  }
  const choices = resultsArray(body.Choices)?.map(String) ?? [];
  const allowMulti = boolish(body.AllowMultipleValues) ?? false;
  const indexed = boolish(body.Indexed) ?? false;
  const unique = boolish(body.EnforceUniqueValues) ?? false;
  const f = newField({
    internalName: typeof body.StaticName === "string" && body.StaticName ? body.StaticName : internalNameFromTitle(title),
    title,
    kind,
    multi: (kind === "User" || kind === "Lookup") && allowMulti,
    required: boolish(body.Required) ?? false,
    indexed: indexed || unique,
    unique,
    choices,
    description: typeof body.Description === "string" ? body.Description : "",
    hidden: boolish(body.Hidden) ?? false,
  });
  if (kind === "Text") f.maxLength = body.MaxLength === undefined ? 255 : Number(body.MaxLength);
  if (kind === "User") f.selectionMode = body.SelectionMode === undefined ? 1 : Number(body.SelectionMode);
  if (kind === "DateTime") f.displayFormat = body.DisplayFormat === undefined ? 0 : Number(body.DisplayFormat);
  if (kind === "Lookup") {
    f.lookupList = typeof body.LookupListId === "string" ? body.LookupListId : typeof body.LookupList === "string" ? body.LookupList : undefined;
    f.lookupField = typeof body.LookupFieldName === "string" ? body.LookupFieldName : typeof body.LookupField === "string" ? body.LookupField : "Title";
    if (!f.lookupList) throw new SpError(400, Codes.argument, "A lookup column needs LookupListId.");
  }
  return f;
}

function xmlAttrs(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(/([A-Za-z_:][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    attrs[m[1]] = unescapeXml(m[3] ?? m[4] ?? "");
  }
  return attrs;
}
function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

const XML_KIND: Record<string, FieldKind> = {
  text: "Text",
  note: "Note",
  datetime: "DateTime",
  choice: "Choice",
  multichoice: "MultiChoice",
  lookup: "Lookup",
  lookupmulti: "Lookup",
  user: "User",
  usermulti: "User",
  boolean: "Boolean",
  number: "Number",
  currency: "Currency",
  integer: "Integer",
};

/** Field definition from CAML `<Field Type="..." Name="..." .../>`, as sent by fields.createFieldAsXml(). */
export function fieldFromXml(xml: string): FieldDef {
  const open = /<Field\b([^>]*?)\/?>/i.exec(xml);
  if (!open) throw new SpError(400, Codes.argument, "The SchemaXml is not a valid <Field> element.");
  const a = xmlAttrs(open[1]);
  const type = (a.Type ?? "").toLowerCase();
  const kind = XML_KIND[type];
  if (!kind) throw new SpError(400, Codes.argument, `Field type '${a.Type ?? ""}' is not supported by the local SharePoint.`);
  const t = (v: string | undefined) => (v ?? "").toUpperCase() === "TRUE";
  const name = a.Name || a.StaticName || (a.DisplayName ? internalNameFromTitle(a.DisplayName) : "");
  if (!name) throw new SpError(400, Codes.argument, "The <Field> element needs a Name or DisplayName.");
  const unique = t(a.EnforceUniqueValues);
  const f = newField({
    internalName: name,
    title: a.DisplayName || name,
    kind,
    multi: type === "lookupmulti" || type === "usermulti" || ((kind === "User" || kind === "Lookup") && t(a.Mult)),
    required: t(a.Required),
    indexed: t(a.Indexed) || unique,
    unique,
    description: a.Description ?? "",
    hidden: t(a.Hidden),
    choices: [...xml.matchAll(/<CHOICE>([\s\S]*?)<\/CHOICE>/gi)].map((m) => unescapeXml(m[1])),
  });
  if (a.ID) f.id = a.ID.replace(/[{}]/g, "");
  if (kind === "Text") f.maxLength = a.MaxLength ? Number(a.MaxLength) : 255;
  if (kind === "User") f.selectionMode = (a.UserSelectionMode ?? "").toLowerCase() === "peopleonly" || a.UserSelectionMode === "0" ? 0 : 1;
  if (kind === "DateTime") f.displayFormat = (a.Format ?? "").toLowerCase() === "datetime" ? 1 : 0;
  if (kind === "Lookup") {
    f.lookupList = (a.List ?? "").replace(/[{}]/g, "") || undefined;
    f.lookupField = a.ShowField || "Title";
    if (!f.lookupList) throw new SpError(400, Codes.argument, "A lookup <Field> needs a List attribute.");
  }
  const def = /<Default>([\s\S]*?)<\/Default>/i.exec(xml);
  if (def) f.defaultValue = unescapeXml(def[1]);
  return f;
}

export interface WriteContext {
  typeName: string;
  userExists: (id: number) => boolean;
}

const wrongType = (prop: string, edm: string) =>
  new SpError(400, Codes.invalidQuery, `Cannot convert a primitive value to the expected type '${edm}' for property '${prop}'. See the inner exception for more details.`);

/** Converts a REST value to what the SQL column stores, or throws a 400 naming the property. */
export function toStored(f: FieldDef, prop: string, v: unknown, ctx: WriteContext): unknown {
  if (v === null || v === undefined) return null;
  if (isMultiValued(f)) {
    const arr = resultsArray(v);
    if (!arr) throw wrongType(prop, f.kind === "MultiChoice" ? "Collection(Edm.String)" : "Collection(Edm.Int32)");
    if (f.kind === "MultiChoice") {
      if (!arr.every((x) => typeof x === "string")) throw wrongType(prop, "Collection(Edm.String)");
      return JSON.stringify(arr);
    }
    const ids = arr.map((x) => (typeof x === "string" && /^\d+$/.test(x) ? Number(x) : x));
    if (!ids.every((x) => Number.isInteger(x))) throw wrongType(prop, "Collection(Edm.Int32)");
    if (f.kind === "User") for (const id of ids as number[]) checkUser(f, id, ctx);
    return JSON.stringify(ids);
  }
  switch (f.kind) {
    case "Text":
    case "Note":
    case "Choice": {
      if (typeof v !== "string") throw wrongType(prop, "Edm.String");
      // SharePoint stores an empty text value as no value: it reads back as null and matches `eq null`.
      if (v === "") return null;
      const max = f.kind === "Text" ? (f.maxLength ?? 255) : f.kind === "Note" ? 63999 : 255;
      if (v.length > max) {
        throw new SpError(400, Codes.fieldValidation, `The value of field '${f.internalName}' is ${v.length} characters long; it cannot exceed ${max} characters.`);
      }
      return v;
    }
    case "Number":
    case "Currency":
    case "Integer": {
      const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
      if (typeof n !== "number" || !Number.isFinite(n)) throw wrongType(prop, "Edm.Double");
      if (f.kind === "Integer" && !Number.isInteger(n)) throw wrongType(prop, "Edm.Int32");
      return n;
    }
    case "Boolean": {
      const b = boolish(v);
      if (b === undefined || typeof v === "string") {
        if (typeof v !== "boolean") throw wrongType(prop, "Edm.Boolean");
      }
      return b ? 1 : 0;
    }
    case "DateTime": {
      if (typeof v !== "string") throw wrongType(prop, "Edm.DateTime");
      const d = new Date(/T.*([zZ]|[+-]\d\d:?\d\d)$/.test(v) || !v.includes("T") ? v : `${v}Z`);
      if (Number.isNaN(d.getTime())) throw wrongType(prop, "Edm.DateTime");
      return isoSeconds(d);
    }
    case "User":
    case "Lookup": {
      const n = typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : v;
      if (typeof n !== "number" || !Number.isInteger(n)) throw wrongType(prop, "Edm.Int32");
      if (n <= 0) return null;
      if (f.kind === "User") checkUser(f, n, ctx);
      return n;
    }
    default:
      throw Errors.noProperty(prop, ctx.typeName);
  }
}

function checkUser(f: FieldDef, id: number, ctx: WriteContext) {
  if (!ctx.userExists(id)) {
    throw new SpError(400, Codes.spException, `The user with id ${id} given for field '${f.internalName}' does not exist or is not unique.`);
  }
}

/** Stored SQL value to its REST JSON value (arrays for multi-valued columns, booleans, numbers). */
export function fromStored(f: FieldDef, v: unknown): unknown {
  if (isMultiValued(f)) return v === null || v === undefined ? [] : JSON.parse(String(v));
  if (v === null || v === undefined) return null;
  if (f.kind === "Boolean") return v === 1 || v === true;
  return v;
}
