/**
 * `eap provision`: creates or updates the lists, columns, indexes and versioning of the schema (each entity's
 * fields.ts, gathered in schema/lists.ts) on a site.
 * Idempotent: it compares what exists with the schema and changes only the difference, so a second run reports
 * zero changes. It never deletes a column or a list (data could be lost); it reports extra ones instead.
 */
import "@pnp/sp/fields";
import type { SPFI } from "./create-sp.ts";
import { callSharePoint, DataError } from "./errors.ts";
import { LIST_ORDER, LISTS } from "./schema/lists.ts";
import { type FieldDef, type ListKey, MAX_INDEXES_PER_LIST } from "./schema/vocabulary.ts";

export interface ProvisionChange {
  list: string;
  what: string;
}

export interface ProvisionReport {
  changes: ProvisionChange[];
  lists: number;
  fields: number;
}

interface FieldInfo {
  InternalName: string;
  Title: string;
  TypeAsString: string;
  Indexed: boolean;
  EnforceUniqueValues: boolean;
  Required: boolean;
  MaxLength?: number;
  Choices?: string[] | { results: string[] };
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const bool = (b: boolean | undefined) => (b ? "TRUE" : "FALSE");

export function fieldXml(f: FieldDef, lookupListId?: string): string {
  const type = f.type;
  const attrs: string[] = [
    `Type="${type}"`,
    `Name="${f.name}"`,
    `StaticName="${f.name}"`,
    `DisplayName="${esc(f.title)}"`,
    `Required="${bool(f.required)}"`,
  ];
  if (f.indexed) attrs.push(`Indexed="TRUE"`);
  if (f.unique) attrs.push(`EnforceUniqueValues="TRUE"`);
  if (type === "Text") attrs.push(`MaxLength="${f.maxLength ?? 255}"`);
  if (type === "Note") attrs.push(`NumLines="6"`, `RichText="FALSE"`, `AppendOnly="FALSE"`);
  if (type === "DateTime") attrs.push(`Format="${f.dateOnly ? "DateOnly" : "DateTime"}"`);
  if (type === "User") attrs.push(`UserSelectionMode="PeopleOnly"`);
  if (type === "UserMulti") attrs.push(`UserSelectionMode="PeopleOnly"`, `Mult="TRUE"`);
  if (type === "Lookup") attrs.push(`List="{${lookupListId}}"`, `ShowField="Title"`);
  if (type === "Choice" || type === "MultiChoice") {
    const choices = (f.choices ?? []).map((c) => `<CHOICE>${esc(c)}</CHOICE>`).join("");
    return `<Field ${attrs.join(" ")}><CHOICES>${choices}</CHOICES></Field>`;
  }
  if (type === "Boolean") return `<Field ${attrs.join(" ")}><Default>0</Default></Field>`;
  return `<Field ${attrs.join(" ")} />`;
}

function choicesOf(f: FieldInfo): string[] {
  const c = f.Choices;
  return Array.isArray(c) ? c : (c?.results ?? []);
}

/** Checks the schema itself against SharePoint's limits before touching a site. */
export function checkSchema(): void {
  for (const key of LIST_ORDER) {
    const def = LISTS[key];
    const indexed = def.fields.filter((f) => f.indexed).length;
    if (indexed > MAX_INDEXES_PER_LIST) throw new DataError("invalid", `${def.title} would need ${indexed} indexes (SharePoint allows ${MAX_INDEXES_PER_LIST}).`);
    for (const f of def.fields) {
      if (f.unique && !f.indexed) throw new DataError("invalid", `${def.title}.${f.name}: unique columns must be indexed.`);
      if (f.indexed && (f.type === "Note" || f.type === "UserMulti" || f.type === "MultiChoice"))
        throw new DataError("invalid", `${def.title}.${f.name}: ${f.type} columns cannot be indexed.`);
    }
  }
}

export async function provision(sp: SPFI, onProgress?: (list: string) => void): Promise<ProvisionReport> {
  checkSchema();
  const changes: ProvisionChange[] = [];
  const listIds = new Map<ListKey, string>();
  let fieldCount = 0;

  for (const key of LIST_ORDER) {
    const def = LISTS[key];
    onProgress?.(def.title);
    const existing = await callSharePoint(`Reading list ${def.title}`, async () => {
      try {
        return (await sp.web.lists.getByTitle(def.title).select("Id", "Title", "EnableVersioning")()) as { Id: string; EnableVersioning: boolean };
      } catch (err) {
        if ((err as { status?: number }).status === 404) return null;
        throw err;
      }
    });
    let listId: string;
    if (!existing) {
      const created = await callSharePoint(`Creating list ${def.title}`, () =>
        sp.web.lists.add(def.title, def.description, 100, false, { EnableVersioning: def.versioning }),
      );
      listId = (created as unknown as { Id: string }).Id;
      changes.push({ list: def.title, what: "created the list" });
    } else {
      listId = existing.Id;
      if (existing.EnableVersioning !== def.versioning) {
        await callSharePoint(`Setting versioning on ${def.title}`, () => sp.web.lists.getByTitle(def.title).update({ EnableVersioning: def.versioning }));
        changes.push({ list: def.title, what: `versioning ${def.versioning ? "on" : "off"}` });
      }
    }
    listIds.set(key, listId);

    const l = sp.web.lists.getByTitle(def.title);
    // No $select: type-specific properties (Choices, MaxLength) exist only on derived field types, and SharePoint
    // refuses to select them on the SP.Field collection; without $select each field comes with its own.
    const fields = (await callSharePoint(`Reading columns of ${def.title}`, () => l.fields())) as FieldInfo[];
    const byName = new Map(fields.map((f) => [f.InternalName, f]));

    const titleField = byName.get("Title");
    if (titleField && titleField.Title !== def.titleLabel) {
      await callSharePoint(`Naming the Title column of ${def.title}`, () => l.fields.getByInternalNameOrTitle("Title").update({ Title: def.titleLabel }));
      changes.push({ list: def.title, what: `Title column shown as "${def.titleLabel}"` });
    }

    for (const f of def.fields) {
      fieldCount++;
      const have = byName.get(f.name);
      if (!have) {
        const target = f.lookupList ? (f.lookupList === key ? listId : listIds.get(f.lookupList)) : undefined;
        await callSharePoint(`Adding column ${def.title}.${f.name}`, () => l.fields.createFieldAsXml({ SchemaXml: fieldXml(f, target), Options: 8 } as never));
        changes.push({ list: def.title, what: `added column ${f.name} (${f.type}${f.indexed ? ", indexed" : ""}${f.unique ? ", unique" : ""})` });
        continue;
      }
      const patch: Record<string, unknown> = {};
      if (have.Title !== f.title) patch.Title = f.title;
      if (Boolean(have.Indexed) !== Boolean(f.indexed)) patch.Indexed = Boolean(f.indexed);
      if (Boolean(have.EnforceUniqueValues) !== Boolean(f.unique)) patch.EnforceUniqueValues = Boolean(f.unique);
      if (f.choices && choicesOf(have).join("|") !== f.choices.join("|")) patch.Choices = [...f.choices];
      if (Object.keys(patch).length > 0) {
        // Unique needs the index first, and the index must outlive uniqueness when both are removed.
        const ordered = patch.EnforceUniqueValues === false ? { EnforceUniqueValues: false, ...patch } : patch;
        await callSharePoint(`Updating column ${def.title}.${f.name}`, () => l.fields.getByInternalNameOrTitle(f.name).update(ordered));
        changes.push({ list: def.title, what: `updated column ${f.name}: ${Object.keys(patch).join(", ")}` });
      }
    }
  }
  return { changes, lists: LIST_ORDER.length, fields: fieldCount };
}
