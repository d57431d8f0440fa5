/**
 * List items: reads by id, and writes that check the body against the list's columns (unknown properties, wrong
 * types, lengths, required columns, unique values) and the ETag. Every write is one transaction, so a refused
 * write leaves nothing behind.
 */
import { randomUUID } from "node:crypto";
import { Codes, Errors, SpError } from "../errors";
import { type FieldDef, restName } from "../model/field-model";
import { toStored } from "../model/field-values";
import { itemTypeName, type ListMeta, nowIso, parseEtag, type Row } from "../model/list-model";
import type { SiteTimeZone } from "../model/time-zones";
import type { RoleStore } from "./role-store";
import type { SiteDb } from "./site-db";
import { q } from "./sql-builder";
import type { SiteUser, UserStore } from "./user-store";
import type { VersionStore } from "./version-store";

/** Body properties SharePoint accepts on an item write and ignores. */
const IGNORED = new Set(["ContentTypeId", "FileSystemObjectType", "Id", "ID", "GUID", "OData__UIVersionString", "Attachments"]);

export class ItemStore {
  constructor(
    private readonly db: SiteDb,
    private readonly users: UserStore,
    private readonly versions: VersionStore,
    private readonly timeZone: SiteTimeZone,
    private readonly roles: RoleStore,
  ) {}

  getRow(list: ListMeta, id: number): Row | undefined {
    return this.db.stmt(`SELECT * FROM ${q(list.table)} WHERE ID = ?`).get(id) as Row | undefined;
  }

  /** Rows by id, fetched in chunks (for expanding a page's lookups at once). */
  rowsById(list: ListMeta, ids: number[]): Map<number, Row> {
    const out = new Map<number, Row>();
    const uniq = [...new Set(ids)];
    for (let i = 0; i < uniq.length; i += 500) {
      const chunk = uniq.slice(i, i + 500);
      const rows = this.db.sql.prepare(`SELECT * FROM ${q(list.table)} WHERE ID IN (${chunk.map(() => "?").join(",")})`).all(...chunk) as Row[];
      for (const r of rows) out.set(r.ID, r);
    }
    return out;
  }

  /** Maps a REST write body to column values, refusing unknown properties and wrong types (400 naming them). */
  private columnsFromBody(list: ListMeta, body: Record<string, unknown>, isAdd: boolean): Map<FieldDef, unknown> {
    const out = new Map<FieldDef, unknown>();
    const typeName = itemTypeName(list);
    const ctx = { typeName, userAssignable: (id: number) => this.users.assignable(id), timeZone: this.timeZone };
    // A body that names its type must name this list's item type.
    const declared = (body.__metadata as { type?: unknown } | undefined)?.type ?? body["odata.type"];
    if (declared !== undefined && declared !== typeName) {
      throw new SpError(400, Codes.invalidQuery, `A type named '${String(declared)}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`);
    }
    for (const [prop, value] of Object.entries(body)) {
      if (prop === "__metadata" || prop.startsWith("odata.")) continue;
      let field = list.fields.find((f) => restName(f) === prop);
      // `OwnerStringId` is SharePoint's string twin of `OwnerId`.
      if (!field && prop.endsWith("StringId")) field = list.fields.find((f) => f.kind === "User" && `${f.internalName}StringId` === prop);
      if (!field && IGNORED.has(prop)) continue;
      if (!field) throw Errors.noProperty(prop, typeName);
      // Read-only columns (Created, Modified, Author, Editor) are silently ignored, as SharePoint does on REST writes.
      if (field.readOnly) continue;
      out.set(field, toStored(field, prop, value, ctx));
    }
    for (const f of list.fields) {
      if (f.builtin || f.readOnly) continue;
      const has = out.has(f);
      if (isAdd && !has && f.defaultValue !== undefined && f.defaultValue !== null && f.defaultValue !== "") {
        try {
          out.set(f, toStored(f, f.internalName, f.kind === "Boolean" ? f.defaultValue === "1" : f.kind === "Number" ? Number(f.defaultValue) : f.defaultValue, ctx));
        } catch {
          /* a default that does not fit the type is ignored */
        }
      }
      const v = out.get(f);
      const empty = v === null || v === undefined || v === "" || v === "[]";
      if (f.required && ((isAdd && empty) || (!isAdd && has && empty))) {
        throw new SpError(400, Codes.fieldValidation, `The field '${f.internalName}' is required and cannot be empty.`);
      }
    }
    return out;
  }

  /** Turns SQLite's unique-constraint failure into SharePoint's duplicate-values error naming the columns. */
  private mapUnique<T>(list: ListMeta, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      // node:sqlite reports the extended result code: 2067 is SQLITE_CONSTRAINT_UNIQUE.
      const err = e as { errcode?: number; message?: string };
      if (err.errcode === 2067) {
        const m = /: (.*)$/.exec(err.message ?? "");
        const cols = (m?.[1] ?? "").split(",").map((c) => c.trim().replace(/^.*\./, ""));
        const names = list.fields.filter((f) => cols.includes(f.column)).map((f) => f.internalName);
        throw Errors.duplicate(names.length ? names : cols);
      }
      throw e;
    }
  }

  add(list: ListMeta, body: Record<string, unknown>, user: SiteUser): Row {
    const cols = this.columnsFromBody(list, body, true);
    const now = nowIso();
    const names = ["_guid", "_version", "f_Created", "f_Modified", "f_Author", "f_Editor", ...[...cols.keys()].map((f) => f.column)];
    const values = [randomUUID(), 1, now, now, user.id, user.id, ...cols.values()];
    const sql = `INSERT INTO ${q(list.table)} (${names.map(q).join(", ")}) VALUES (${names.map(() => "?").join(", ")})`;
    return this.mapUnique(list, () =>
      this.db.transaction(() => {
        const info = this.db.stmt(sql).run(...values);
        const row = this.getRow(list, Number(info.lastInsertRowid))!;
        this.versions.snapshot(list, row);
        list.itemCount++;
        list.lastItemModified = now;
        return row;
      }),
    );
  }

  private checkEtag(row: Row, ifMatch: string | undefined): void {
    const want = parseEtag(ifMatch);
    if (want === undefined || want === "*") return;
    if (want !== row._version) throw Errors.etag(ifMatch!.trim(), `"${row._version}"`);
  }

  update(list: ListMeta, id: number, body: Record<string, unknown>, ifMatch: string | undefined, user: SiteUser): Row {
    const row = this.getRow(list, id);
    if (!row) throw Errors.itemNotFound();
    this.checkEtag(row, ifMatch);
    const cols = this.columnsFromBody(list, body, false);
    const now = nowIso();
    const sets = ["_version = _version + 1", "f_Modified = ?", "f_Editor = ?", ...[...cols.keys()].map((f) => `${q(f.column)} = ?`)];
    const sql = `UPDATE ${q(list.table)} SET ${sets.join(", ")} WHERE ID = ? AND _version = ?`;
    return this.mapUnique(list, () =>
      this.db.transaction(() => {
        const info = this.db.stmt(sql).run(now, user.id, ...cols.values(), id, row._version);
        if (info.changes !== 1) throw Errors.etag(ifMatch ?? "*", `"${row._version + 1}"`);
        const updated = this.getRow(list, id)!;
        this.versions.snapshot(list, updated);
        list.lastItemModified = now;
        return updated;
      }),
    );
  }

  delete(list: ListMeta, id: number, ifMatch: string | undefined): void {
    const row = this.getRow(list, id);
    if (!row) throw Errors.itemNotFound();
    this.checkEtag(row, ifMatch);
    this.db.transaction(() => {
      this.db.stmt(`DELETE FROM ${q(list.table)} WHERE ID = ?`).run(id);
      this.versions.forgetItem(list, id);
      this.roles.forgetItem(list.id, id);
    });
    list.itemCount--;
    list.lastItemModified = nowIso();
  }
}
