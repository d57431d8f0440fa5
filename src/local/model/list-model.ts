/** What a list is (its settings and columns), what an item row is, and SharePoint's names for them. */
import { isoSeconds } from "../odata/filter-parser";
import { type FieldDef, newField } from "./field-model";

export interface ListMeta {
  id: string;
  title: string;
  description: string;
  baseTemplate: number;
  enableVersioning: boolean;
  hidden: boolean;
  created: string;
  lastItemModified: string;
  table: string;
  itemCount: number;
  version: number;
  fields: FieldDef[];
  /** 1 read all items; 2 read only items the reader created. Absent in lists made before the setting existed. */
  readSecurity?: number;
  /** 1 edit all; 2 edit only own items; 4 none. */
  writeSecurity?: number;
  /** The default view's columns, in order (absent in lists made before views existed here: the title only). */
  viewFields?: string[];
}

/** One item as stored: its columns (`f_<InternalName>`), plus the version (the ETag) and the GUID. */
export type Row = Record<string, unknown> & { ID: number; _version: number; _guid: string };

/** The columns every SharePoint list has. */
export const builtinFields = (): FieldDef[] => [
  newField({ internalName: "ID", title: "ID", kind: "Counter", readOnly: true, builtin: true, indexed: true, column: "ID" }),
  newField({ internalName: "Title", title: "Title", kind: "Text", maxLength: 255, builtin: true }),
  newField({ internalName: "Created", title: "Created", kind: "DateTime", readOnly: true, builtin: true, displayFormat: 1 }),
  newField({ internalName: "Modified", title: "Modified", kind: "DateTime", readOnly: true, builtin: true, displayFormat: 1 }),
  newField({ internalName: "Author", title: "Created By", kind: "User", readOnly: true, builtin: true, selectionMode: 0 }),
  newField({ internalName: "Editor", title: "Modified By", kind: "User", readOnly: true, builtin: true, selectionMode: 0 }),
];

export const nowIso = (): string => isoSeconds(new Date());

/** `Due Actions` -> `Due_x0020_ActionsListItem`, as SharePoint names a list's item entity type. */
export function entityTypeName(list: ListMeta): string {
  const base = list.title.replace(/[^A-Za-z0-9_]/g, (c) => (c === " " ? "_x0020_" : ""));
  return `${base.charAt(0).toUpperCase()}${base.slice(1)}ListItem`;
}
export const itemTypeName = (list: ListMeta): string => `SP.Data.${entityTypeName(list)}`;

/** An `IF-Match` value: undefined when absent, "*" for any, the version number, or -1 when it matches nothing. */
export function parseEtag(v: string | undefined): number | "*" | undefined {
  if (v === undefined || v.trim() === "") return undefined;
  const s = v.trim();
  if (s === "*") return "*";
  const m = /^(?:W\/)?"?(?:[0-9a-f-]{36},)?(\d+)"?$/i.exec(s);
  return m ? Number(m[1]) : -1;
}
