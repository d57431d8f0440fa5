/**
 * One site = one SQLite database (WAL) under the data directory. This is its connection, its small key/value
 * `_meta` table (web id, creation time, digest secret) and a cache of prepared statements. Each store creates the
 * tables it owns.
 */
import { randomUUID } from "node:crypto";
import { Sqlite, type Statement } from "./sqlite";
import { nowIso } from "../model/list-model";

export class SiteDb {
  readonly sql: Sqlite;
  readonly webId: string;
  readonly created: string;
  private readonly stmts = new Map<string, Statement>();

  constructor(file: string) {
    this.sql = new Sqlite(file);
    this.sql.pragma("journal_mode = WAL");
    // NORMAL keeps WAL durable across process crashes (not power loss) and makes single-item writes cheap.
    this.sql.pragma("synchronous = NORMAL");
    this.sql.exec("CREATE TABLE IF NOT EXISTS _meta (key TEXT PRIMARY KEY, value TEXT)");
    this.webId = this.metaOnce("webId", randomUUID);
    this.created = this.metaOnce("created", nowIso);
  }

  /** The stored value of `key`, written from `make()` the first time it is asked for. */
  metaOnce(key: string, make: () => string): string {
    const row = this.stmt("SELECT value FROM _meta WHERE key = ?").get(key) as { value: string } | undefined;
    if (row) return row.value;
    const value = make();
    this.stmt("INSERT INTO _meta (key, value) VALUES (?, ?)").run(key, value);
    return value;
  }

  /** Adds a column to a table created by an earlier version of the server. */
  ensureColumn(table: string, column: string, ddl: string): void {
    const cols = this.sql.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    if (!cols.some((c) => c.name === column)) this.sql.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${ddl}`);
  }

  /** Prepared statements are cached by SQL text; the text only ever varies with a list's own column names. */
  stmt(sql: string): Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.sql.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  /** After DDL (a table or column dropped) cached statements may point at what no longer exists. */
  forgetStatements(): void {
    this.stmts.clear();
  }

  transaction<T>(fn: () => T): T {
    return this.sql.transaction(fn)();
  }

  close(): void {
    this.sql.close();
  }
}
