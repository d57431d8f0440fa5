/**
 * What a list column is and how SharePoint names its REST properties (a person column `Owner` is read and written
 * as `OwnerId`). How a column is described on creation is in field-definition.ts; how its values are checked and
 * stored is in field-values.ts.
 */
import { randomUUID } from "node:crypto";

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
  /** Choice columns: values outside `choices` are accepted only with FillInChoice. */
  fillIn?: boolean;
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

export const KIND_BY_NUMBER: Record<number, FieldKind> = {
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

/** SharePoint accepts TRUE/FALSE strings and numbers where a Boolean is meant. */
export function boolish(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (typeof v === "string") {
    const s = v.toUpperCase();
    if (s === "TRUE") return true;
    if (s === "FALSE") return false;
  }
  if (typeof v === "number") return v !== 0;
  return undefined;
}

/** A collection value: a plain array (minimal metadata) or `{results: [...]}` (verbose). */
export function resultsArray(v: unknown): unknown[] | undefined {
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

