/**
 * The vocabulary of the list schema as code. Each entity folder defines its own list with these types; provisioning
 * creates exactly that, and repositories read and write only those internal names. Design inputs (see
 * docs/data-design.md): the 5,000-item list view threshold (every query filters first on an indexed column), at
 * most 20 indexes per list, 255 characters in single-line text, multi-line text and multi-value person columns
 * not indexable, versioning on where history matters.
 */

export type FieldType =
  | "Text"
  | "Note"
  | "Number"
  | "DateTime"
  | "Boolean"
  | "Choice"
  | "MultiChoice"
  | "User"
  | "UserMulti"
  | "Lookup";

/** Our lists, by key. A new list is added here, in its entity folder and in schema/lists.ts. */
export type ListKey =
  | "plans"
  | "roles"
  | "objectives"
  | "commitments"
  | "actions"
  | "updates"
  | "coverReports"
  | "conversations"
  | "ledger"
  | "indicators"
  | "indicatorValues"
  | "evidence"
  | "eqias"
  | "eqiaLinks";

export interface FieldDef {
  /** Internal (static) name; never changes once provisioned. */
  name: string;
  /** Display name shown in SharePoint's own list UI. */
  title: string;
  type: FieldType;
  required?: boolean;
  indexed?: boolean;
  unique?: boolean;
  maxLength?: number;
  choices?: readonly string[];
  /** Lookup target: key of the list in LISTS. */
  lookupList?: ListKey;
  /** DateTime columns that hold civil dates only. */
  dateOnly?: boolean;
  /** Bookkeeping that people never read (keys): left out of the list's default view. Every other column is in it. */
  hiddenFromView?: boolean;
}

export interface ListDef {
  key: ListKey;
  title: string;
  description: string;
  versioning: boolean;
  /** The built-in Title column's display name (it stays the internal name "Title"). */
  titleLabel: string;
  fields: FieldDef[];
}

/** SharePoint allows at most 20 indexed columns per list. */
export const MAX_INDEXES_PER_LIST = 20;

/** Every item a seed, an import or a rollover writes carries its key here, so a re-run finishes without duplicates. */
export const importKeyField: FieldDef = { name: "ImportKey", title: "Import key", type: "Text", indexed: true, unique: true, maxLength: 255, hiddenFromView: true };
export const sortOrderField: FieldDef = { name: "SortOrder", title: "Order", type: "Number" };
/** The plan an item belongs to: indexed, so every per-plan read is index-first. */
export const planLookupField: FieldDef = { name: "Plan", title: "Plan", type: "Lookup", lookupList: "plans", indexed: true, required: true };
