/**
 * Item version history for lists with versioning on: every add and update stores a snapshot of the item's field
 * values under its version number (VersionLabel "N.0", VersionId N*512 as SharePoint numbers major versions).
 */
import { fromStored } from "../model/field-values";
import { restName } from "../model/field-model";
import type { ListMeta, Row } from "../model/list-model";
import type { SiteDb } from "./site-db";

export interface ItemVersion {
  version: number;
  modified: string;
  editor: number;
  data: Record<string, unknown>;
}

export class VersionStore {
  constructor(private readonly db: SiteDb) {
    db.sql.exec(`CREATE TABLE IF NOT EXISTS _versions (list_id TEXT NOT NULL, item_id INTEGER NOT NULL, version INTEGER NOT NULL,
      modified TEXT NOT NULL, editor INTEGER, data TEXT NOT NULL, PRIMARY KEY (list_id, item_id, version))`);
  }

  snapshot(list: ListMeta, row: Row): void {
    if (!list.enableVersioning) return;
    const data: Record<string, unknown> = {};
    for (const f of list.fields) {
      if (f.internalName === "ID" || f.internalName === "Editor" || f.internalName === "Author") continue;
      data[restName(f)] = fromStored(f, row[f.column]);
    }
    this.db
      .stmt("INSERT OR REPLACE INTO _versions (list_id, item_id, version, modified, editor, data) VALUES (?, ?, ?, ?, ?, ?)")
      .run(list.id, row.ID, row._version, row.f_Modified, row.f_Editor, JSON.stringify(data));
  }

  /** Newest first. */
  of(list: ListMeta, itemId: number): ItemVersion[] {
    return (this.db.stmt("SELECT * FROM _versions WHERE list_id = ? AND item_id = ? ORDER BY version DESC").all(list.id, itemId) as Record<string, unknown>[]).map(
      (r) => ({ version: Number(r.version), modified: String(r.modified), editor: Number(r.editor), data: JSON.parse(String(r.data)) }),
    );
  }

  forgetItem(list: ListMeta, itemId: number): void {
    this.db.stmt("DELETE FROM _versions WHERE list_id = ? AND item_id = ?").run(list.id, itemId);
  }

  forgetList(list: ListMeta): void {
    this.db.stmt("DELETE FROM _versions WHERE list_id = ?").run(list.id);
  }
}
