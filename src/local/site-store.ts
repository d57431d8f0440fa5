/**
 * One site = one SQLite database (WAL) under dataDir. Lists are real tables with one column per field so that
 * $filter becomes an indexed SQL WHERE; list and field definitions live in small metadata tables and are cached
 * in memory. Every write runs in a transaction: a refused write leaves nothing behind.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { Sqlite, type Statement } from "./sqlite";
import { Codes, Errors, SpError } from "./errors";
import type { Caller } from "./auth/claims";
import {
  type FieldDef,
  fromStored,
  isMultiValued,
  isRef,
  newField,
  restName,
  sqlType,
  toStored,
} from "./field-model";
import { andChain, type FilterNode, firstClause, isoSeconds, parseFilter, parseOrderBy } from "./odata-filter";
import { q, type Resolved, SqlBuilder } from "./sql-builder";

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
}

export interface SiteUser {
  id: number;
  title: string;
  email: string;
  loginName: string;
  upn: string;
  isSiteAdmin: boolean;
  oid: string;
}

export type Row = Record<string, unknown> & { ID: number; _version: number; _guid: string };

export interface ItemQuery {
  filter?: string;
  orderby?: string;
  top?: string;
  skiptoken?: string;
}

/** SharePoint's "System Account": the author of writes made without any identity (anonymous mode). */
export const SYSTEM_USER_ID = 1073741823;
const MAX_INDEXES = 20;

const BUILTIN_FIELDS = (): FieldDef[] => [
  newField({ internalName: "ID", title: "ID", kind: "Counter", readOnly: true, builtin: true, indexed: true, column: "ID" }),
  newField({ internalName: "Title", title: "Title", kind: "Text", maxLength: 255, builtin: true }),
  newField({ internalName: "Created", title: "Created", kind: "DateTime", readOnly: true, builtin: true, displayFormat: 1 }),
  newField({ internalName: "Modified", title: "Modified", kind: "DateTime", readOnly: true, builtin: true, displayFormat: 1 }),
  newField({ internalName: "Author", title: "Created By", kind: "User", readOnly: true, builtin: true, selectionMode: 0 }),
  newField({ internalName: "Editor", title: "Modified By", kind: "User", readOnly: true, builtin: true, selectionMode: 0 }),
];

const nowIso = () => isoSeconds(new Date());

export function entityTypeName(list: ListMeta): string {
  const base = list.title.replace(/[^A-Za-z0-9_]/g, (c) => (c === " " ? "_x0020_" : ""));
  return `${base.charAt(0).toUpperCase()}${base.slice(1)}ListItem`;
}
export const itemTypeName = (list: ListMeta) => `SP.Data.${entityTypeName(list)}`;

export function parseEtag(v: string | undefined): number | "*" | undefined {
  if (v === undefined || v.trim() === "") return undefined;
  const s = v.trim();
  if (s === "*") return "*";
  const m = /^(?:W\/)?"?(?:[0-9a-f-]{36},)?(\d+)"?$/i.exec(s);
  return m ? Number(m[1]) : -1;
}

export class SiteStore {
  readonly db: Sqlite;
  readonly lists = new Map<string, ListMeta>();
  readonly users = new Map<number, SiteUser>();
  webId = "";
  created = "";
  /** Signs request digests, so they stay valid across restarts (as SharePoint's do) and only for this site. */
  private digestSecret = "";
  private readonly stmts = new Map<string, Statement>();

  constructor(
    file: string,
    readonly name: string,
    readonly threshold: number,
  ) {
    this.db = new Sqlite(file);
    this.db.pragma("journal_mode = WAL");
    // NORMAL keeps WAL durable across process crashes (not power loss) and makes single-item writes cheap.
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS _meta (key TEXT PRIMARY KEY, value TEXT);
      CREATE TABLE IF NOT EXISTS _lists (id TEXT PRIMARY KEY, tbl TEXT NOT NULL, props TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS _fields (list_id TEXT NOT NULL, position INTEGER NOT NULL, def TEXT NOT NULL,
        PRIMARY KEY (list_id, position));
      CREATE TABLE IF NOT EXISTS _users (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT COLLATE NOCASE, email TEXT COLLATE NOCASE,
        login_name TEXT COLLATE NOCASE UNIQUE, upn TEXT COLLATE NOCASE, is_site_admin INTEGER NOT NULL DEFAULT 0, oid TEXT);
      CREATE TABLE IF NOT EXISTS _versions (list_id TEXT NOT NULL, item_id INTEGER NOT NULL, version INTEGER NOT NULL,
        modified TEXT NOT NULL, editor INTEGER, data TEXT NOT NULL, PRIMARY KEY (list_id, item_id, version));
    `);
    const meta = new Map((this.db.prepare("SELECT key, value FROM _meta").all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
    this.webId = meta.get("webId") ?? randomUUID();
    this.created = meta.get("created") ?? nowIso();
    this.digestSecret = meta.get("digestSecret") ?? randomBytes(32).toString("hex");
    const putMeta = this.db.prepare("INSERT OR IGNORE INTO _meta (key, value) VALUES (?, ?)");
    putMeta.run("webId", this.webId);
    putMeta.run("created", this.created);
    putMeta.run("digestSecret", this.digestSecret);
    for (const r of this.db.prepare("SELECT id, tbl, props FROM _lists").all() as { id: string; tbl: string; props: string }[]) {
      const list = { ...JSON.parse(r.props), id: r.id, table: r.tbl, fields: [] } as ListMeta;
      list.fields = (this.db.prepare("SELECT def FROM _fields WHERE list_id = ? ORDER BY position").all(r.id) as { def: string }[]).map(
        (f) => JSON.parse(f.def) as FieldDef,
      );
      list.itemCount = (this.db.prepare(`SELECT COUNT(*) AS n FROM ${q(list.table)}`).get() as { n: number }).n;
      this.lists.set(list.id, list);
    }
    for (const u of this.db.prepare("SELECT * FROM _users").all() as Record<string, unknown>[]) this.cacheUser(u);
    if (!this.users.has(SYSTEM_USER_ID)) {
      this.db
        .prepare("INSERT OR IGNORE INTO _users (id, title, email, login_name, upn, is_site_admin, oid) VALUES (?, ?, '', ?, '', 1, '')")
        .run(SYSTEM_USER_ID, "System Account", "SHAREPOINT\\system");
      this.cacheUser(this.db.prepare("SELECT * FROM _users WHERE id = ?").get(SYSTEM_USER_ID) as Record<string, unknown>);
    }
  }

  close(): void {
    this.db.close();
  }

  /** Prepared statements are cached by SQL text; the text only ever varies with the list's own column names. */
  stmt(sql: string): Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  // ---- users -------------------------------------------------------------------------------------------------

  private cacheUser(u: Record<string, unknown>): SiteUser {
    const user: SiteUser = {
      id: Number(u.id),
      title: String(u.title ?? ""),
      email: String(u.email ?? ""),
      loginName: String(u.login_name ?? ""),
      upn: String(u.upn ?? ""),
      isSiteAdmin: u.is_site_admin === 1,
      oid: String(u.oid ?? ""),
    };
    this.users.set(user.id, user);
    return user;
  }

  userByEmail(email: string): SiteUser | undefined {
    const e = email.trim().toLowerCase();
    if (!e) return undefined;
    for (const u of this.users.values()) if (u.email.toLowerCase() === e || u.upn.toLowerCase() === e) return u;
    return undefined;
  }

  private insertUser(title: string, email: string, oid: string): SiteUser {
    // The first real person on a site is its owner (site collection administrator), as the creator would be.
    const admin = [...this.users.values()].every((u) => u.id === SYSTEM_USER_ID) ? 1 : 0;
    // Ids 1-6 are taken by built-in principals on a real site, so people start at 7; the System Account's
    // fixed id sits far above and must not drive the sequence.
    const next = (this.db.prepare("SELECT MAX(id) AS m FROM _users WHERE id < ?").get(SYSTEM_USER_ID) as { m: number | null }).m;
    const info = this.db
      .prepare("INSERT INTO _users (id, title, email, login_name, upn, is_site_admin, oid) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run(Math.max(7, (next ?? 0) + 1), title, email, `i:0#.f|membership|${email}`, email, admin, oid);
    return this.cacheUser(this.db.prepare("SELECT * FROM _users WHERE id = ?").get(info.lastInsertRowid) as Record<string, unknown>);
  }

  /** The caller's site user, created from the token's claims the first time they reach the site. */
  userForCaller(caller: Caller | null): SiteUser {
    if (!caller) return this.users.get(SYSTEM_USER_ID)!;
    const existing = this.userByEmail(caller.upn);
    if (existing) {
      // A user first added by ensureuser gets their real name once they sign in themselves.
      if ((caller.name && existing.title !== caller.name) || (caller.oid && existing.oid !== caller.oid)) {
        this.db.prepare("UPDATE _users SET title = ?, oid = ? WHERE id = ?").run(caller.name || existing.title, caller.oid, existing.id);
        existing.title = caller.name || existing.title;
        existing.oid = caller.oid;
      }
      return existing;
    }
    return this.insertUser(caller.name || caller.upn, caller.upn, caller.oid);
  }

  /** web.ensureUser(logonName): an email or a claims login `i:0#.f|membership|x@y`. */
  ensureUser(logonName: string): SiteUser {
    const raw = logonName.trim();
    const email = (raw.includes("|") ? raw.slice(raw.lastIndexOf("|") + 1) : raw).toLowerCase();
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
      throw new SpError(500, Codes.spException, `The specified user ${logonName} could not be found.`);
    }
    const existing = this.userByEmail(email);
    if (existing) return existing;
    // Without a directory to ask, derive a display name from the address: jane.doe@x -> "Jane Doe".
    const title = email
      .split("@")[0]
      .split(/[._-]+/)
      .filter(Boolean)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(" ");
    return this.insertUser(title || email, email, "");
  }

  // ---- lists -------------------------------------------------------------------------------------------------

  listByTitle(title: string): ListMeta | undefined {
    const t = title.toLowerCase();
    for (const l of this.lists.values()) if (l.title.toLowerCase() === t) return l;
    return undefined;
  }

  listById(id: string): ListMeta | undefined {
    return this.lists.get(id.replace(/[{}]/g, "").toLowerCase());
  }

  private saveList(list: ListMeta): void {
    const { fields: _f, table, id, itemCount: _c, ...props } = list;
    this.stmt("INSERT INTO _lists (id, tbl, props) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET props = excluded.props").run(
      id,
      table,
      JSON.stringify(props),
    );
  }

  private saveFields(list: ListMeta): void {
    this.stmt("DELETE FROM _fields WHERE list_id = ?").run(list.id);
    const ins = this.stmt("INSERT INTO _fields (list_id, position, def) VALUES (?, ?, ?)");
    list.fields.forEach((f, i) => {
      ins.run(list.id, i, JSON.stringify(f));
    });
  }

  addList(props: Record<string, unknown>): ListMeta {
    const title = typeof props.Title === "string" ? props.Title.trim() : "";
    if (!title) throw new SpError(400, Codes.argument, "The parameter 'Title' cannot be empty.");
    if (this.listByTitle(title)) {
      throw new SpError(500, Codes.listExists, `A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.`);
    }
    const id = randomUUID();
    const list: ListMeta = {
      id,
      title,
      description: typeof props.Description === "string" ? props.Description : "",
      baseTemplate: props.BaseTemplate === undefined ? 100 : Number(props.BaseTemplate),
      enableVersioning: props.EnableVersioning === true,
      hidden: props.Hidden === true,
      created: nowIso(),
      lastItemModified: nowIso(),
      table: `list_${id.replace(/-/g, "")}`,
      itemCount: 0,
      version: 1,
      fields: BUILTIN_FIELDS(),
    };
    const cols = list.fields
      .filter((f) => f.column !== "ID")
      .map((f) => `${q(f.column)} ${sqlType(f)}`)
      .join(", ");
    this.db.transaction(() => {
      this.db.exec(
        `CREATE TABLE ${q(list.table)} (ID INTEGER PRIMARY KEY AUTOINCREMENT, _guid TEXT NOT NULL, _version INTEGER NOT NULL DEFAULT 1, ${cols})`,
      );
      this.saveList(list);
      this.saveFields(list);
    })();
    this.lists.set(id, list);
    return list;
  }

  updateList(list: ListMeta, props: Record<string, unknown>): void {
    const next = { ...list };
    for (const [k, v] of Object.entries(props)) {
      if (k === "__metadata" || k.startsWith("odata.")) continue;
      switch (k) {
        case "Title":
          if (typeof v !== "string" || !v.trim()) throw new SpError(400, Codes.argument, "The parameter 'Title' cannot be empty.");
          if (v.toLowerCase() !== list.title.toLowerCase() && this.listByTitle(v)) {
            throw new SpError(500, Codes.listExists, "A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.");
          }
          next.title = v;
          break;
        case "Description":
          next.description = String(v ?? "");
          break;
        case "EnableVersioning":
          next.enableVersioning = v === true;
          break;
        case "Hidden":
          next.hidden = v === true;
          break;
        default:
          // Other SP.List settings (OnQuickLaunch, EnableAttachments, ...) have no behaviour here; accept them, as
          // refusing a valid SharePoint property would break lists.ensure().
          break;
      }
    }
    next.version = list.version + 1;
    Object.assign(list, next);
    this.saveList(list);
  }

  deleteList(list: ListMeta): void {
    this.db.transaction(() => {
      this.db.exec(`DROP TABLE ${q(list.table)}`);
      this.stmt("DELETE FROM _lists WHERE id = ?").run(list.id);
      this.stmt("DELETE FROM _fields WHERE list_id = ?").run(list.id);
      this.stmt("DELETE FROM _versions WHERE list_id = ?").run(list.id);
    })();
    this.lists.delete(list.id);
    this.stmts.clear();
  }

  // ---- fields ------------------------------------------------------------------------------------------------

  fieldByNameOrTitle(list: ListMeta, name: string): FieldDef | undefined {
    return (
      list.fields.find((f) => f.internalName === name) ??
      list.fields.find((f) => f.title === name) ??
      list.fields.find((f) => f.internalName.toLowerCase() === name.toLowerCase() || f.title.toLowerCase() === name.toLowerCase())
    );
  }

  addField(list: ListMeta, def: FieldDef): FieldDef {
    let name = def.internalName;
    // SharePoint makes internal names unique by appending a digit.
    for (let i = 0; list.fields.some((f) => f.internalName.toLowerCase() === name.toLowerCase()); i++) name = `${def.internalName}${i}`;
    if (list.fields.some((f) => f.title.toLowerCase() === def.title.toLowerCase())) {
      throw new SpError(500, Codes.fieldExists, `A duplicate field name "${def.title}" was found.`);
    }
    const f: FieldDef = { ...def, internalName: name, column: `f_${name}` };
    if (f.kind === "Lookup") {
      const target = f.lookupList ? this.listById(f.lookupList) : undefined;
      if (!target) throw Errors.listIdNotFound();
      f.lookupList = target.id;
      if (f.lookupField !== "ID" && f.lookupField !== "Id" && !target.fields.some((t) => t.internalName === f.lookupField)) {
        throw Errors.fieldNotFound(f.lookupField ?? "");
      }
    }
    if ((f.indexed || f.unique) && isMultiValued(f)) throw this.cannotIndex(f);
    try {
      this.db.transaction(() => {
        this.db.exec(`ALTER TABLE ${q(list.table)} ADD COLUMN ${q(f.column)} ${sqlType(f)}`);
        list.fields.push(f);
        this.applyIndex(list, f);
        this.saveFields(list);
      })();
    } catch (e) {
      // The transaction rolled the table back; keep the cached definition in step with it.
      list.fields = list.fields.filter((x) => x !== f);
      throw e;
    } finally {
      this.stmts.clear();
    }
    return f;
  }

  private cannotIndex(f: FieldDef): SpError {
    return new SpError(400, Codes.spException, `The column '${f.internalName}' cannot be indexed: multiple lines of text and multi-value columns cannot be indexed.`);
  }

  private applyIndex(list: ListMeta, f: FieldDef): void {
    const ix = q(`ix_${list.table}_${f.column}`);
    const ux = q(`ux_${list.table}_${f.column}`);
    if (f.indexed) {
      const count = list.fields.filter((x) => x.indexed && !x.builtin).length;
      if (count > MAX_INDEXES) throw new SpError(400, Codes.spException, `A list can have at most ${MAX_INDEXES} indexed columns.`);
      this.db.exec(`CREATE INDEX IF NOT EXISTS ${ix} ON ${q(list.table)} (${q(f.column)})`);
    } else this.db.exec(`DROP INDEX IF EXISTS ${ix}`);
    if (f.unique) {
      try {
        this.db.exec(`CREATE UNIQUE INDEX IF NOT EXISTS ${ux} ON ${q(list.table)} (${q(f.column)})`);
      } catch {
        throw new SpError(500, Codes.spException, "This field contains duplicate values. Remove all duplicate values and try the operation again.");
      }
    } else this.db.exec(`DROP INDEX IF EXISTS ${ux}`);
  }

  updateField(list: ListMeta, field: FieldDef, props: Record<string, unknown>): void {
    const next: FieldDef = { ...field };
    for (const [k, v] of Object.entries(props)) {
      if (k === "__metadata" || k.startsWith("odata.")) continue;
      switch (k) {
        case "Title":
          next.title = String(v);
          break;
        case "Description":
          next.description = String(v ?? "");
          break;
        case "Required":
          next.required = v === true;
          break;
        case "Hidden":
          next.hidden = v === true;
          break;
        case "Indexed":
          next.indexed = v === true;
          break;
        case "EnforceUniqueValues":
          next.unique = v === true;
          break;
        case "MaxLength":
          next.maxLength = Number(v);
          break;
        case "Choices":
          next.choices = (Array.isArray(v) ? v : ((v as { results?: unknown[] })?.results ?? [])).map(String);
          break;
        case "DefaultValue":
          next.defaultValue = v === null ? null : String(v);
          break;
        case "SelectionMode":
          next.selectionMode = Number(v);
          break;
        case "AllowMultipleValues":
          if ((v === true) !== field.multi) throw new SpError(400, Codes.spException, "AllowMultipleValues cannot be changed on an existing column here.");
          break;
        default:
          // Other SP.Field properties (Group, ValidationFormula, ShowInNewForm, ...) have no behaviour here; accept
          // them rather than refuse a valid SharePoint request.
          break;
      }
    }
    if (field.builtin && field.internalName !== "Title" && (next.indexed !== field.indexed || next.unique !== field.unique)) {
      if (field.internalName !== "Created" && field.internalName !== "Modified" && field.internalName !== "Author" && field.internalName !== "Editor") {
        throw new SpError(400, Codes.spException, `The column '${field.internalName}' cannot be changed.`);
      }
    }
    // As in SharePoint: a column must be indexed before it can enforce unique values, and stays indexed while it does.
    if (next.unique && !next.indexed) {
      throw new SpError(400, Codes.spException, "The field must be indexed to enforce unique values. Index the column first, then enforce unique values.");
    }
    if ((next.indexed || next.unique) && (isMultiValued(next) || next.kind === "Note")) throw this.cannotIndex(next);
    const before = { ...field };
    try {
      this.db.transaction(() => {
        Object.assign(field, next);
        this.applyIndex(list, field);
        this.saveFields(list);
      })();
    } catch (e) {
      // DDL is transactional in SQLite, so only the cached definition needs restoring.
      Object.assign(field, before);
      throw e;
    }
  }

  deleteField(list: ListMeta, field: FieldDef): void {
    if (field.builtin) throw new SpError(400, Codes.spException, "You cannot delete a hidden column or a built-in column.");
    this.db.transaction(() => {
      this.db.exec(`DROP INDEX IF EXISTS ${q(`ix_${list.table}_${field.column}`)}`);
      this.db.exec(`DROP INDEX IF EXISTS ${q(`ux_${list.table}_${field.column}`)}`);
      this.db.exec(`ALTER TABLE ${q(list.table)} DROP COLUMN ${q(field.column)}`);
      list.fields = list.fields.filter((f) => f !== field);
      this.saveFields(list);
    })();
    this.stmts.clear();
  }

  // ---- items -------------------------------------------------------------------------------------------------

  getRow(list: ListMeta, id: number): Row | undefined {
    return this.stmt(`SELECT * FROM ${q(list.table)} WHERE ID = ?`).get(id) as Row | undefined;
  }

  /** Maps a REST write body to column values, refusing unknown properties and wrong types (400 naming them). */
  private columnsFromBody(list: ListMeta, body: Record<string, unknown>, isAdd: boolean): Map<FieldDef, unknown> {
    const out = new Map<FieldDef, unknown>();
    const typeName = itemTypeName(list);
    const ctx = { typeName, userExists: (id: number) => this.users.has(id) };
    for (const [prop, value] of Object.entries(body)) {
      if (prop === "__metadata" || prop.startsWith("odata.") || prop === "ContentTypeId" || prop === "FileSystemObjectType") continue;
      let field = list.fields.find((f) => restName(f) === prop);
      // `OwnerStringId` is SharePoint's string twin of `OwnerId`.
      if (!field && prop.endsWith("StringId")) field = list.fields.find((f) => f.kind === "User" && `${f.internalName}StringId` === prop);
      if (!field && (prop === "Id" || prop === "ID" || prop === "GUID" || prop === "OData__UIVersionString" || prop === "Attachments")) continue;
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

  private snapshot(list: ListMeta, row: Row): void {
    if (!list.enableVersioning) return;
    const data: Record<string, unknown> = {};
    for (const f of list.fields) {
      if (f.internalName === "ID" || f.internalName === "Editor" || f.internalName === "Author") continue;
      data[restName(f)] = fromStored(f, row[f.column]);
    }
    this.stmt("INSERT OR REPLACE INTO _versions (list_id, item_id, version, modified, editor, data) VALUES (?, ?, ?, ?, ?, ?)").run(
      list.id,
      row.ID,
      row._version,
      row.f_Modified,
      row.f_Editor,
      JSON.stringify(data),
    );
  }

  addItem(list: ListMeta, body: Record<string, unknown>, user: SiteUser): Row {
    const cols = this.columnsFromBody(list, body, true);
    const now = nowIso();
    const names = ["_guid", "_version", "f_Created", "f_Modified", "f_Author", "f_Editor", ...[...cols.keys()].map((f) => f.column)];
    const values = [randomUUID(), 1, now, now, user.id, user.id, ...cols.values()];
    const sql = `INSERT INTO ${q(list.table)} (${names.map(q).join(", ")}) VALUES (${names.map(() => "?").join(", ")})`;
    return this.mapUnique(list, () =>
      this.db.transaction(() => {
        const info = this.stmt(sql).run(...values);
        const row = this.getRow(list, Number(info.lastInsertRowid))!;
        this.snapshot(list, row);
        list.itemCount++;
        list.lastItemModified = now;
        return row;
      })(),
    );
  }

  private checkEtag(row: Row, ifMatch: string | undefined): void {
    const want = parseEtag(ifMatch);
    if (want === undefined || want === "*") return;
    if (want !== row._version) throw Errors.etag(ifMatch!.trim(), `"${row._version}"`);
  }

  updateItem(list: ListMeta, id: number, body: Record<string, unknown>, ifMatch: string | undefined, user: SiteUser): Row {
    const row = this.getRow(list, id);
    if (!row) throw Errors.itemNotFound();
    this.checkEtag(row, ifMatch);
    const cols = this.columnsFromBody(list, body, false);
    const now = nowIso();
    const sets = ["_version = _version + 1", "f_Modified = ?", "f_Editor = ?", ...[...cols.keys()].map((f) => `${q(f.column)} = ?`)];
    const sql = `UPDATE ${q(list.table)} SET ${sets.join(", ")} WHERE ID = ? AND _version = ?`;
    return this.mapUnique(list, () =>
      this.db.transaction(() => {
        const info = this.stmt(sql).run(now, user.id, ...cols.values(), id, row._version);
        if (info.changes !== 1) throw Errors.etag(ifMatch ?? "*", `"${row._version + 1}"`);
        const updated = this.getRow(list, id)!;
        this.snapshot(list, updated);
        list.lastItemModified = now;
        return updated;
      })(),
    );
  }

  deleteItem(list: ListMeta, id: number, ifMatch: string | undefined): void {
    const row = this.getRow(list, id);
    if (!row) throw Errors.itemNotFound();
    this.checkEtag(row, ifMatch);
    this.db.transaction(() => {
      this.stmt(`DELETE FROM ${q(list.table)} WHERE ID = ?`).run(id);
      this.stmt("DELETE FROM _versions WHERE list_id = ? AND item_id = ?").run(list.id, id);
    })();
    list.itemCount--;
    list.lastItemModified = nowIso();
  }

  versions(list: ListMeta, id: number): { version: number; modified: string; editor: number; data: Record<string, unknown> }[] {
    if (!this.getRow(list, id)) throw Errors.itemNotFound();
    return (this.stmt("SELECT * FROM _versions WHERE list_id = ? AND item_id = ? ORDER BY version DESC").all(list.id, id) as Record<string, unknown>[]).map(
      (r) => ({ version: Number(r.version), modified: String(r.modified), editor: Number(r.editor), data: JSON.parse(String(r.data)) }),
    );
  }

  /** Resolves a property path of a query ($filter, $orderby) against a list's columns. */
  resolver(list: ListMeta) {
    return {
      resolve: (path: string[], src: string): Resolved => {
        const [head, sub] = path;
        if (path.length > 2) throw Errors.badExpression(src);
        if (path.length === 1) {
          if (head === "Id" || head === "ID") return { type: "column", field: list.fields[0], sql: "ID", indexed: true };
          const f =
            list.fields.find((x) => restName(x) === head) ??
            list.fields.find((x) => !isRef(x) && x.internalName.toLowerCase() === head.toLowerCase()) ??
            list.fields.find((x) => isRef(x) && restName(x).toLowerCase() === head.toLowerCase());
          if (!f) {
            const ref = list.fields.find((x) => isRef(x) && x.internalName === head);
            if (ref) throw Errors.badExpression(src, `Use '${head}Id' or '${head}/<property>' for the ${ref.kind.toLowerCase()} column '${head}'.`);
            throw Errors.columnInQuery(head);
          }
          return { type: "column", field: f, sql: q(f.column), indexed: f.indexed && !isMultiValued(f) };
        }
        const f = list.fields.find((x) => isRef(x) && x.internalName === head);
        if (!f) throw Errors.columnInQuery(head);
        if (f.kind === "User") {
          const map: Record<string, [string, "number" | "text"]> = {
            id: ["id", "number"],
            title: ["title", "text"],
            email: ["email", "text"],
            name: ["login_name", "text"],
            username: ["upn", "text"],
            userprincipalname: ["upn", "text"],
          };
          const m = map[sub.toLowerCase()];
          if (!m) throw Errors.columnInQuery(`${head}/${sub}`);
          if (m[0] === "id") return { type: "column", field: f, sql: q(f.column), indexed: f.indexed && !f.multi };
          return { type: "user", field: f, sql: q(f.column), userColumn: m[0], userKind: m[1] };
        }
        const target = this.listById(f.lookupList ?? "");
        if (!target) throw Errors.listIdNotFound();
        if (sub === "Id" || sub === "ID") return { type: "column", field: f, sql: q(f.column), indexed: f.indexed && !f.multi };
        const tf = target.fields.find((x) => x.internalName === sub);
        if (!tf || isRef(tf)) throw Errors.columnInQuery(`${head}/${sub}`);
        return { type: "lookup", field: f, sql: q(f.column), table: target.table, target: tf };
      },
    };
  }

  /**
   * Runs an item query with SharePoint's paging and list view threshold rules. Returns one page of rows and the
   * $skiptoken of the next page when there is one.
   */
  queryItems(list: ListMeta, opts: ItemQuery): { rows: Row[]; nextSkiptoken?: string } {
    const topRaw = opts.top === undefined ? 100 : Number(opts.top);
    if (!Number.isInteger(topRaw) || topRaw < 0) throw Errors.badExpression(opts.top ?? "", "$top must be a non-negative integer.");
    const top = Math.min(topRaw, 5000);
    const resolver = this.resolver(list);
    const builder = new SqlBuilder(resolver, opts.filter ?? "");
    const ast = opts.filter ? parseFilter(opts.filter) : undefined;
    const where: string[] = [];
    if (ast) where.push(builder.build(ast));
    const params = [...builder.params];
    const order = opts.orderby ? parseOrderBy(opts.orderby) : [];
    // Sort keys up to and including ID (unique, so later keys never matter); ID ascending breaks ties.
    const keys: { sql: string; field: FieldDef; desc: boolean }[] = [];
    for (const k of order) {
      const r = resolver.resolve(k.path, opts.orderby ?? "");
      if (r.type !== "column" || isMultiValued(r.field) || r.field.kind === "Note") {
        throw Errors.badExpression(opts.orderby ?? "", `The column '${k.path.join("/")}' cannot be used to sort.`);
      }
      keys.push({ sql: r.sql, field: r.field, desc: k.desc });
      if (r.sql === "ID") break;
    }
    if (!keys.some((k) => k.sql === "ID")) keys.push({ sql: "ID", field: list.fields[0], desc: false });
    this.enforceThreshold(list, ast, order, resolver, opts.filter ?? "");
    // Paging is keyset-based like SharePoint's: `$skiptoken=Paged=TRUE&p_ID=N` continues after item N, and for other
    // orders the token also carries the last row's sort values (`p_<Field>=value`).
    if (opts.skiptoken) {
      const token = new URLSearchParams(opts.skiptoken);
      if (!token.has("p_ID") || !/^\d+$/.test(token.get("p_ID") ?? "")) throw Errors.badExpression(opts.skiptoken, "Invalid $skiptoken.");
      const prev = token.get("PagedPrev")?.toUpperCase() === "TRUE";
      const clause = this.keysetAfter(keys, token, prev, params);
      if (clause) where.push(clause);
    }
    const orderSql = keys.map((k) => `${k.sql} ${k.desc ? "DESC" : "ASC"}`);
    const sql = `SELECT * FROM ${q(list.table)}${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY ${orderSql.join(", ")} LIMIT ?`;
    const rows = this.stmt(sql).all(...params, top + 1) as Row[];
    let nextSkiptoken: string | undefined;
    if (rows.length > top && top > 0) {
      rows.length = top;
      const last = rows[rows.length - 1];
      const t = new URLSearchParams({ Paged: "TRUE" });
      for (const k of keys) {
        if (k.sql === "ID") continue;
        const v = last[k.field.column];
        // A missing p_<Field> stands for an empty (null) sort value.
        if (v !== null && v !== undefined) t.set(`p_${k.field.internalName}`, String(v));
      }
      t.set("p_ID", String(last.ID));
      nextSkiptoken = t.toString().replace(/%3A/gi, ":");
    }
    return { rows, nextSkiptoken };
  }

  /**
   * WHERE clause selecting the rows after the token's position in the given order (SQLite sorts NULLs first in
   * ascending order and last in descending order): OR over i of (keys before i equal) AND (key i after its value).
   */
  private keysetAfter(keys: { sql: string; field: FieldDef; desc: boolean }[], token: URLSearchParams, prev: boolean, params: unknown[]): string {
    const value = (k: { sql: string; field: FieldDef }): unknown => {
      if (k.sql === "ID") return Number(token.get("p_ID"));
      const raw = token.get(`p_${k.field.internalName}`);
      if (raw === null) return null;
      return sqlType(k.field).startsWith("TEXT") ? raw : Number(raw);
    };
    const ors: string[] = [];
    const eqs: string[] = [];
    const eqParams: unknown[] = [];
    for (const k of keys) {
      const v = value(k);
      // PagedPrev walks backwards: the same comparison with the direction flipped.
      const desc = k.desc !== prev;
      let after: string | undefined;
      const afterParams: unknown[] = [];
      if (v === null) after = desc ? undefined : `${k.sql} IS NOT NULL`;
      else {
        after = desc ? `(${k.sql} < ? OR ${k.sql} IS NULL)` : `${k.sql} > ?`;
        afterParams.push(v);
      }
      if (after) {
        ors.push(`(${[...eqs, after].join(" AND ")})`);
        params.push(...eqParams, ...afterParams);
      }
      if (v === null) eqs.push(`${k.sql} IS NULL`);
      else {
        eqs.push(`${k.sql} = ?`);
        eqParams.push(v);
      }
    }
    return ors.length ? `(${ors.join(" OR ")})` : "0";
  }

  /**
   * The list view threshold, as SharePoint Online applies it: on a list holding more items than the threshold, a
   * query must be driven by an index. Its first filter clause (leftmost of an `and` chain) must compare an indexed
   * column and by itself select no more than the threshold; without a filter, only orders by ID or by an indexed
   * column are allowed.
   */
  private enforceThreshold(
    list: ListMeta,
    ast: ReturnType<typeof parseFilter> | undefined,
    order: ReturnType<typeof parseOrderBy>,
    resolver: ReturnType<SiteStore["resolver"]>,
    src: string,
  ): void {
    if (list.itemCount <= this.threshold) return;
    if (!ast) {
      for (const k of order) {
        const r = resolver.resolve(k.path, src);
        if (!(r.type === "column" && r.indexed)) throw Errors.throttled();
      }
      return;
    }
    const first = firstClause(ast);
    if (first.kind !== "cmp" || first.op === "ne") throw Errors.throttled();
    const prop = first.left.kind === "prop" ? first.left : first.right.kind === "prop" ? first.right : undefined;
    if (!prop) throw Errors.throttled();
    const r = resolver.resolve(prop.path, src);
    if (!(r.type === "column" && r.indexed)) throw Errors.throttled();
    // Clauses right after the first that compare the same indexed column bound the same index scan: an ID window
    // "ID gt 5000 and ID le 10000 and ..." is how large lists are read in SharePoint, and it scans one window.
    const key = prop.path.join("/");
    const range: FilterNode[] = [first];
    for (const c of andChain(ast).slice(1)) {
      if (c.kind !== "cmp" || c.op === "ne") break;
      const p = c.left.kind === "prop" ? c.left : c.right.kind === "prop" ? c.right : undefined;
      if (!p || p.path.join("/") !== key) break;
      range.push(c);
    }
    const narrowed = range.reduce((left, right) => ({ kind: "and", left, right }) as FilterNode);
    const b = new SqlBuilder(resolver, src);
    const clause = b.build(narrowed);
    const n = (
      this.stmt(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${q(list.table)} WHERE ${clause} LIMIT ?)`).get(...b.params, this.threshold + 1) as {
        n: number;
      }
    ).n;
    if (n > this.threshold) throw Errors.throttled();
  }

  lookupRows(list: ListMeta, ids: number[]): Map<number, Row> {
    const out = new Map<number, Row>();
    const uniq = [...new Set(ids)];
    for (let i = 0; i < uniq.length; i += 500) {
      const chunk = uniq.slice(i, i + 500);
      const rows = this.db.prepare(`SELECT * FROM ${q(list.table)} WHERE ID IN (${chunk.map(() => "?").join(",")})`).all(...chunk) as Row[];
      for (const r of rows) out.set(r.ID, r);
    }
    return out;
  }

  private digestMac(issued: string): Buffer {
    return createHmac("sha512", this.digestSecret).update(issued).digest();
  }

  /** A request digest in SharePoint's format: `0x<hex>,<issue time>`. */
  issueDigest(): string {
    const issued = new Date().toUTCString();
    return `0x${this.digestMac(issued).toString("hex").toUpperCase()},${issued}`;
  }

  /** True for a digest this site issued less than `maxAgeSeconds` ago. */
  validDigest(value: string | undefined, maxAgeSeconds: number): boolean {
    const m = /^0x([0-9A-Fa-f]+),(.+)$/.exec(value?.trim() ?? "");
    if (!m) return false;
    const age = Date.now() - Date.parse(m[2]);
    if (!(age >= -60_000 && age <= maxAgeSeconds * 1000)) return false;
    const want = this.digestMac(m[2]);
    const got = Buffer.from(m[1], "hex");
    return got.length === want.length && timingSafeEqual(got, want);
  }
}
