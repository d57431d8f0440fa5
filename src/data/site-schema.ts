/**
 * What a site has, list by list, against what the schema says: read once, compared without writing. Provisioning
 * applies the differences; `eap doctor` reports them. Reads only.
 */
import "@pnp/sp/fields";
import "@pnp/sp/views";
import type { SPFI } from "./create-sp.ts";
import { callSharePoint } from "./errors.ts";
import type { FieldDef, ListDef, ListKey } from "./schema/vocabulary.ts";

/** A column as SharePoint describes it (no $select: derived types bring their own properties). */
export interface FieldInfo {
  InternalName: string;
  Title: string;
  TypeAsString: string;
  Indexed: boolean;
  EnforceUniqueValues: boolean;
  Required: boolean;
  MaxLength?: number;
  Choices?: string[] | { results: string[] };
}

export interface ListState {
  def: ListDef;
  /** null when the list does not exist. */
  id: string | null;
  versioning: boolean;
  itemCount: number;
  fields: Map<string, FieldInfo>;
  /** The default view's columns (internal names), in order. */
  viewFields: string[];
}

/** SharePoint's field type for a typed update of type-specific properties (Choices, MaxLength). */
export const FIELD_ODATA_TYPE: Partial<Record<FieldDef["type"], string>> = {
  Text: "SP.FieldText",
  Choice: "SP.FieldChoice",
  MultiChoice: "SP.FieldMultiChoice",
};

export type Difference =
  | { list: ListKey; kind: "missing-list" }
  | { list: ListKey; kind: "versioning"; want: boolean }
  | { list: ListKey; kind: "title-label"; want: string }
  | { list: ListKey; kind: "missing-field"; field: FieldDef }
  /**
   * `plain`: SP.Field's own properties (Title, Indexed, EnforceUniqueValues), sent as they are; `typed`: properties
   * of the field's own type (Choices, MaxLength), which SharePoint accepts only in a body that declares that type.
   */
  | { list: ListKey; kind: "field"; field: FieldDef; plain: Record<string, unknown>; typed: Record<string, unknown>; what: string[] }
  | { list: ListKey; kind: "not-in-view"; field: string };

const choicesOf = (f: FieldInfo): string[] => (Array.isArray(f.Choices) ? f.Choices : (f.Choices?.results ?? []));

export async function readListState(sp: SPFI, def: ListDef): Promise<ListState> {
  const l = sp.web.lists.getByTitle(def.title);
  const info = await callSharePoint(`Reading list ${def.title}`, async () => {
    try {
      return (await l.select("Id", "Title", "EnableVersioning", "ItemCount")()) as { Id: string; EnableVersioning: boolean; ItemCount: number };
    } catch (err) {
      if ((err as { status?: number }).status === 404) return null;
      throw err;
    }
  });
  if (!info) return { def, id: null, versioning: false, itemCount: 0, fields: new Map(), viewFields: [] };
  const [fields, view] = await Promise.all([
    callSharePoint(`Reading columns of ${def.title}`, () => l.fields() as Promise<FieldInfo[]>),
    callSharePoint(`Reading the default view of ${def.title}`, () => l.defaultView.fields() as Promise<{ Items: string[] | { results: string[] } }>),
  ]);
  const items = Array.isArray(view.Items) ? view.Items : (view.Items?.results ?? []);
  return { def, id: info.Id, versioning: info.EnableVersioning, itemCount: info.ItemCount ?? 0, fields: new Map(fields.map((f) => [f.InternalName, f])), viewFields: items };
}

/** The changes that would make the list what the schema says, in the order they can be made. Pure. */
export function differences(state: ListState): Difference[] {
  const { def } = state;
  const list = def.key;
  if (!state.id) return [{ list, kind: "missing-list" }];
  const out: Difference[] = [];
  if (state.versioning !== def.versioning) out.push({ list, kind: "versioning", want: def.versioning });
  const title = state.fields.get("Title");
  if (title && title.Title !== def.titleLabel) out.push({ list, kind: "title-label", want: def.titleLabel });
  for (const f of def.fields) {
    const have = state.fields.get(f.name);
    if (!have) {
      out.push({ list, kind: "missing-field", field: f });
      continue;
    }
    const plain: Record<string, unknown> = {};
    const typed: Record<string, unknown> = {};
    // Unique needs the index first, and the index must outlive uniqueness when both are removed.
    if (have.EnforceUniqueValues && !f.unique) plain.EnforceUniqueValues = false;
    if (have.Title !== f.title) plain.Title = f.title;
    if (Boolean(have.Indexed) !== Boolean(f.indexed)) plain.Indexed = Boolean(f.indexed);
    if (!have.EnforceUniqueValues && f.unique) plain.EnforceUniqueValues = true;
    if (f.choices && choicesOf(have).join("|") !== f.choices.join("|")) typed.Choices = [...f.choices];
    if (f.type === "Text" && f.maxLength !== undefined && have.MaxLength !== undefined && Number(have.MaxLength) !== f.maxLength) typed.MaxLength = f.maxLength;
    const what = [...Object.keys(plain), ...Object.keys(typed)];
    if (what.length) out.push({ list, kind: "field", field: f, plain, typed, what });
  }
  for (const f of def.fields) {
    if (!f.hiddenFromView && !state.viewFields.includes(f.name) && state.fields.has(f.name)) out.push({ list, kind: "not-in-view", field: f.name });
  }
  return out;
}

export function describeDifference(d: Difference): string {
  switch (d.kind) {
    case "missing-list":
      return "the list does not exist";
    case "versioning":
      return `versioning should be ${d.want ? "on" : "off"}`;
    case "title-label":
      return `the Title column should be shown as "${d.want}"`;
    case "missing-field":
      return `column ${d.field.name} (${d.field.type}${d.field.indexed ? ", indexed" : ""}${d.field.unique ? ", unique" : ""}) is missing`;
    case "field":
      return `column ${d.field.name} differs: ${d.what.join(", ")}`;
    case "not-in-view":
      return `column ${d.field} is not in the default view`;
  }
}
