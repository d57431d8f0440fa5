/**
 * A new column's definition from what PnPjs sends: the REST body of fields.add*() / addField(), or the CAML
 * `<Field/>` XML of createFieldAsXml().
 */
import { Codes, SpError } from "../errors";
import { boolish, type FieldDef, type FieldKind, KIND_BY_NUMBER, newField, resultsArray } from "./field-model";

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
    fillIn: boolish(body.FillInChoice) ?? false,
    description: typeof body.Description === "string" ? body.Description : "",
    hidden: boolish(body.Hidden) ?? false,
  });
  if (kind === "Text") f.maxLength = body.MaxLength === undefined ? 255 : Number(body.MaxLength);
  if (kind === "User") f.selectionMode = body.SelectionMode === undefined ? 1 : Number(body.SelectionMode);
  // Without a DisplayFormat SharePoint makes a date-and-time column (SP.DateTimeFieldFormatType: 0 DateOnly, 1 DateTime).
  if (kind === "DateTime") f.displayFormat = body.DisplayFormat === undefined ? 1 : Number(body.DisplayFormat);
  if (kind === "Lookup") {
    f.lookupList = typeof body.LookupListId === "string" ? body.LookupListId : typeof body.LookupList === "string" ? body.LookupList : undefined;
    f.lookupField = typeof body.LookupFieldName === "string" ? body.LookupFieldName : typeof body.LookupField === "string" ? body.LookupField : "Title";
    if (!f.lookupList) throw new SpError(400, Codes.argument, "A lookup column needs LookupListId.");
  }
  return f;
}

export function xmlAttrs(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(/([A-Za-z_:][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    attrs[m[1]] = unescapeXml(m[3] ?? m[4] ?? "");
  }
  return attrs;
}
export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

export const XML_KIND: Record<string, FieldKind> = {
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
    fillIn: t(a.FillInChoice),
  });
  if (a.ID) f.id = a.ID.replace(/[{}]/g, "");
  if (kind === "Text") f.maxLength = a.MaxLength ? Number(a.MaxLength) : 255;
  if (kind === "User") f.selectionMode = (a.UserSelectionMode ?? "").toLowerCase() === "peopleonly" || a.UserSelectionMode === "0" ? 0 : 1;
  // Format defaults to DateTime; only Format="DateOnly" makes a date-only column.
  if (kind === "DateTime") f.displayFormat = (a.Format ?? "").toLowerCase() === "dateonly" ? 0 : 1;
  if (kind === "Lookup") {
    f.lookupList = (a.List ?? "").replace(/[{}]/g, "") || undefined;
    f.lookupField = a.ShowField || "Title";
    if (!f.lookupList) throw new SpError(400, Codes.argument, "A lookup <Field> needs a List attribute.");
  }
  const def = /<Default>([\s\S]*?)<\/Default>/i.exec(xml);
  if (def) f.defaultValue = unescapeXml(def[1]);
  return f;
}

