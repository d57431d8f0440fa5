/**
 * Lists: real SQLite tables with one column per field, so that $filter becomes an indexed SQL WHERE. List and
 * field definitions live in `_lists` and `_fields` and are cached in memory.
 */
import { randomUUID } from "node:crypto";
import { Codes, SpError } from "../errors";
import { sqlType } from "../model/field-model";
import { builtinFields, type ListMeta, nowIso } from "../model/list-model";
import { q } from "./sql-builder";
import type { SiteDb } from "./site-db";
import type { RoleStore } from "./role-store";
import type { VersionStore } from "./version-store";

const titleExists = () =>
  new SpError(500, Codes.listExists, "A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.");
const emptyTitle = () => new SpError(400, Codes.argument, "The parameter 'Title' cannot be empty.");
/** A list title is at most 255 characters, as SharePoint's title fields are. */
const MAX_TITLE = 255;
const titleTooLong = () => new SpError(400, Codes.argument, `The list title is longer than ${MAX_TITLE} characters.`);

export class ListStore {
  private readonly lists = new Map<string, ListMeta>();

  constructor(
    private readonly db: SiteDb,
    private readonly versions: VersionStore,
    private readonly roles: RoleStore,
  ) {
    db.sql.exec(`
      CREATE TABLE IF NOT EXISTS _lists (id TEXT PRIMARY KEY, tbl TEXT NOT NULL, props TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS _fields (list_id TEXT NOT NULL, position INTEGER NOT NULL, def TEXT NOT NULL, PRIMARY KEY (list_id, position));
    `);
    for (const r of db.stmt("SELECT id, tbl, props FROM _lists").all() as { id: string; tbl: string; props: string }[]) {
      const list = { ...JSON.parse(r.props), id: r.id, table: r.tbl, fields: [] } as ListMeta;
      list.fields = (db.stmt("SELECT def FROM _fields WHERE list_id = ? ORDER BY position").all(r.id) as { def: string }[]).map((f) => JSON.parse(f.def));
      list.itemCount = (db.sql.prepare(`SELECT COUNT(*) AS n FROM ${q(list.table)}`).get() as { n: number }).n;
      this.lists.set(list.id, list);
    }
  }

  all(): ListMeta[] {
    return [...this.lists.values()];
  }

  byTitle(title: string): ListMeta | undefined {
    const t = title.toLowerCase();
    for (const l of this.lists.values()) if (l.title.toLowerCase() === t) return l;
    return undefined;
  }

  byId(id: string): ListMeta | undefined {
    return this.lists.get(id.replace(/[{}]/g, "").toLowerCase());
  }

  save(list: ListMeta): void {
    const { fields: _f, table, id, itemCount: _c, ...props } = list;
    this.db.stmt("INSERT INTO _lists (id, tbl, props) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET props = excluded.props").run(id, table, JSON.stringify(props));
  }

  /** The default view's columns. */
  setViewFields(list: ListMeta, names: string[]): void {
    list.viewFields = names;
    this.save(list);
  }

  saveFields(list: ListMeta): void {
    this.db.stmt("DELETE FROM _fields WHERE list_id = ?").run(list.id);
    const ins = this.db.stmt("INSERT INTO _fields (list_id, position, def) VALUES (?, ?, ?)");
    list.fields.forEach((f, i) => {
      ins.run(list.id, i, JSON.stringify(f));
    });
  }

  add(props: Record<string, unknown>): ListMeta {
    const title = typeof props.Title === "string" ? props.Title.trim() : "";
    if (!title) throw emptyTitle();
    if (title.length > MAX_TITLE) throw titleTooLong();
    if (this.byTitle(title)) throw titleExists();
    const id = randomUUID();
    const list: ListMeta = {
      id,
      title,
      description: typeof props.Description === "string" ? props.Description : "",
      baseTemplate: props.BaseTemplate === undefined ? 100 : Number(props.BaseTemplate),
      enableVersioning: props.EnableVersioning === true,
      hidden: props.Hidden === true,
      // A custom list's "All Items" view shows the title, as a link to the item.
      viewFields: ["LinkTitle"],
      created: nowIso(),
      lastItemModified: nowIso(),
      table: `list_${id.replace(/-/g, "")}`,
      itemCount: 0,
      version: 1,
      fields: builtinFields(),
    };
    const cols = list.fields
      .filter((f) => f.column !== "ID")
      .map((f) => `${q(f.column)} ${sqlType(f)}`)
      .join(", ");
    this.db.transaction(() => {
      this.db.sql.exec(`CREATE TABLE ${q(list.table)} (ID INTEGER PRIMARY KEY AUTOINCREMENT, _guid TEXT NOT NULL, _version INTEGER NOT NULL DEFAULT 1, ${cols})`);
      this.save(list);
      this.saveFields(list);
    });
    this.lists.set(id, list);
    return list;
  }

  update(list: ListMeta, props: Record<string, unknown>): void {
    const next = { ...list };
    for (const [k, v] of Object.entries(props)) {
      if (k === "__metadata" || k.startsWith("odata.")) continue;
      switch (k) {
        case "Title":
          if (typeof v !== "string" || !v.trim()) throw emptyTitle();
          if (v.trim().length > MAX_TITLE) throw titleTooLong();
          if (v.toLowerCase() !== list.title.toLowerCase() && this.byTitle(v)) throw titleExists();
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
        case "ReadSecurity":
          if (v !== 1 && v !== 2) throw new SpError(400, Codes.argument, "ReadSecurity must be 1 (read all items) or 2 (read only their own items).");
          next.readSecurity = v;
          break;
        case "WriteSecurity":
          if (v !== 1 && v !== 2 && v !== 4) throw new SpError(400, Codes.argument, "WriteSecurity must be 1 (edit all items), 2 (edit only their own items) or 4 (none).");
          next.writeSecurity = v;
          break;
        default:
          // Other SP.List settings (OnQuickLaunch, EnableAttachments, ...) have no behaviour here; accept them, as
          // refusing a valid SharePoint property would break lists.ensure().
          break;
      }
    }
    next.version = list.version + 1;
    Object.assign(list, next);
    this.save(list);
  }

  delete(list: ListMeta): void {
    this.db.transaction(() => {
      this.db.sql.exec(`DROP TABLE ${q(list.table)}`);
      this.db.stmt("DELETE FROM _lists WHERE id = ?").run(list.id);
      this.db.stmt("DELETE FROM _fields WHERE list_id = ?").run(list.id);
      this.versions.forgetList(list);
      this.roles.forgetList(list.id);
    });
    this.lists.delete(list.id);
    this.db.forgetStatements();
  }
}
