/**
 * `eap provision`: creates or updates the lists, columns, indexes, versioning and default views of the schema (each
 * entity's fields.ts, gathered in schema/lists.ts) on a site, then the permission model (permissions/).
 * Idempotent: it compares what exists with the schema (site-schema.ts) and changes only the difference, so a second
 * run reports zero changes. It never deletes a column or a list (data could be lost).
 *
 * What SharePoint accepts, not what PnPjs sends: `field.update()` in PnPjs v4 looks the field's type up and then
 * sends the body without it, so SharePoint reads it as SP.Field and refuses a type's own property (400 "The property
 * 'Choices' does not exist on type 'SP.Field'"). Column changes are therefore sent in two bodies: SP.Field's own
 * properties as they are, and Choices/MaxLength in a verbose body that declares the field's type.
 */
import { body, headers } from "@pnp/queryable";
import { spPostMerge } from "@pnp/sp";
import type { SPFI } from "./create-sp.ts";
import { callSharePoint, DataError } from "./errors.ts";
import { obsoleteMembersListWarning, provisionPermissions, requireFullControl } from "./permissions/provision-permissions.ts";
import { LIST_ORDER, LISTS } from "./schema/lists.ts";
import { type FieldDef, type ListKey, MAX_INDEXES_PER_LIST } from "./schema/vocabulary.ts";
import { type Difference, differences, FIELD_ODATA_TYPE, readListState } from "./site-schema.ts";
import { COUNCIL_TIME_ZONE, siteDates } from "./site-time-zone.ts";

export interface ProvisionChange {
  list: string;
  what: string;
}

export interface ProvisionReport {
  changes: ProvisionChange[];
  lists: number;
  fields: number;
  /** Things provisioning cannot change but someone should know (the site's time zone, the obsolete members list). */
  warnings: string[];
}

/** SP.AddFieldOptions: take the internal name from the XML, and (16) put the column in the default view. */
const ADD_FIELD_INTERNAL_NAME_HINT = 8;
const ADD_FIELD_TO_DEFAULT_VIEW = 16;

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

/** A verbose body that declares the field's type, so SharePoint reads Choices/MaxLength as that type's. */
function typedFieldBody(f: FieldDef, props: Record<string, unknown>) {
  const type = FIELD_ODATA_TYPE[f.type];
  if (!type) throw new DataError("invalid", `Column ${f.name}: no typed update is known for ${f.type} columns.`);
  const verbose = Object.fromEntries(
    Object.entries(props).map(([k, v]) => [k, Array.isArray(v) ? { __metadata: { type: "Collection(Edm.String)" }, results: v } : v]),
  );
  return body({ __metadata: { type }, ...verbose }, headers({ "Content-Type": "application/json;odata=verbose", Accept: "application/json;odata=verbose" }));
}

/** The site's time zone, when it is not the council's: dates still work, but SharePoint's own pages show its days. */
export async function timeZoneWarning(sp: SPFI): Promise<string | null> {
  const dates = await siteDates(sp);
  if (dates.isCouncilZone) return null;
  return `The site's regional time zone is ${dates.zone.description} (SharePoint zone ${dates.zone.id}, ${dates.zone.iana}${dates.zone.approximate ? ", followed without daylight saving" : ""}), not ${COUNCIL_TIME_ZONE}. Due dates are written and read in the site's zone, so they stay right; set the site's zone to "(UTC) Dublin, Edinburgh, Lisbon, London" in Site settings > Regional settings so that SharePoint's own pages and exports show the council's days too.`;
}

async function apply(sp: SPFI, d: Difference, listIds: ReadonlyMap<ListKey, string>): Promise<void> {
  const def = LISTS[d.list];
  const l = sp.web.lists.getByTitle(def.title);
  switch (d.kind) {
    case "missing-list":
      await callSharePoint(`Creating list ${def.title}`, () => sp.web.lists.add(def.title, def.description, 100, false, { EnableVersioning: def.versioning }));
      return;
    case "versioning":
      await callSharePoint(`Setting versioning on ${def.title}`, () => l.update({ EnableVersioning: d.want }));
      return;
    case "title-label":
      await callSharePoint(`Naming the Title column of ${def.title}`, () => spPostMerge(l.fields.getByInternalNameOrTitle("Title"), body({ Title: d.want })));
      return;
    case "missing-field": {
      const f = d.field;
      const target = f.lookupList ? listIds.get(f.lookupList) : undefined;
      const options = ADD_FIELD_INTERNAL_NAME_HINT | (f.hiddenFromView ? 0 : ADD_FIELD_TO_DEFAULT_VIEW);
      await callSharePoint(`Adding column ${def.title}.${f.name}`, () => l.fields.createFieldAsXml({ SchemaXml: fieldXml(f, target), Options: options } as never));
      return;
    }
    case "field": {
      const field = () => l.fields.getByInternalNameOrTitle(d.field.name);
      if (Object.keys(d.plain).length) await callSharePoint(`Updating column ${def.title}.${d.field.name}`, () => spPostMerge(field(), body(d.plain)));
      if (Object.keys(d.typed).length) await callSharePoint(`Updating column ${def.title}.${d.field.name}`, () => spPostMerge(field(), typedFieldBody(d.field, d.typed)));
      return;
    }
    case "not-in-view":
      await callSharePoint(`Showing ${def.title}.${d.field} in the default view`, () => l.defaultView.fields.add(d.field));
      return;
  }
}

const sameDifference = (a: Difference, b: Difference) =>
  a.kind === b.kind && a.list === b.list && ("field" in a ? (typeof a.field === "string" ? a.field : a.field.name) : "") === ("field" in b ? (typeof b.field === "string" ? b.field : b.field.name) : "");

/**
 * Makes one change. When it fails, the list is read again: a change whose reply was lost (applied, then re-sent
 * and refused as "already exists") has left nothing to do, and only a change still needed is reported as failed.
 */
async function applyOnce(sp: SPFI, d: Difference, listIds: ReadonlyMap<ListKey, string>): Promise<string> {
  try {
    await apply(sp, d, listIds);
  } catch (err) {
    const now = await readListState(sp, LISTS[d.list]);
    const stillNeeded = d.kind === "missing-list" ? now.id === null : differences(now).some((x) => sameDifference(x, d));
    if (stillNeeded) throw err;
  }
  return describeApplied(d);
}

/** What a change made, for the report. */
function describeApplied(d: Difference): string {
  switch (d.kind) {
    case "missing-list":
      return "created the list";
    case "versioning":
      return `versioning ${d.want ? "on" : "off"}`;
    case "title-label":
      return `Title column shown as "${d.want}"`;
    case "missing-field":
      return `added column ${d.field.name} (${d.field.type}${d.field.indexed ? ", indexed" : ""}${d.field.unique ? ", unique" : ""})`;
    case "field":
      return `updated column ${d.field.name}: ${d.what.join(", ")}`;
    case "not-in-view":
      return `column ${d.field} shown in the default view`;
  }
}

/**
 * Lists first, then the permission model (the site groups and each list's own role assignments: docs/security.md).
 * Needs Full Control of the site, checked before anything is changed.
 */
export async function provision(sp: SPFI, onProgress?: (list: string) => void): Promise<ProvisionReport> {
  checkSchema();
  await requireFullControl(sp);
  const changes: ProvisionChange[] = [];
  const listIds = new Map<ListKey, string>();
  let fieldCount = 0;
  for (const key of LIST_ORDER) {
    const def = LISTS[key];
    onProgress?.(def.title);
    let state = await readListState(sp, def);
    if (!state.id) {
      changes.push({ list: def.title, what: await applyOnce(sp, { list: key, kind: "missing-list" }, listIds) });
      state = await readListState(sp, def);
    }
    if (!state.id) throw new DataError("sharepoint", `${def.title} was created but cannot be read back.`);
    // A lookup to this very list (an action carried from another) needs its id before its columns are added.
    listIds.set(key, state.id);
    for (const d of differences(state)) changes.push({ list: def.title, what: await applyOnce(sp, d, listIds) });
    fieldCount += def.fields.length;
  }
  onProgress?.("permissions");
  changes.push(...(await provisionPermissions(sp)));
  const warnings = [await timeZoneWarning(sp), await obsoleteMembersListWarning(sp)].filter((w): w is string => w !== null);
  return { changes, lists: LIST_ORDER.length, fields: fieldCount, warnings };
}
