/**
 * SQLite through Node's built-in `node:sqlite` (Node 24 LTS): no native addon to build at install time. A thin
 * wrapper adds the two conveniences the stores use: pragmas and a transaction helper that rolls back on a throw
 * (nested calls join the outer transaction, as a savepoint-free store needs).
 */
import { DatabaseSync } from "node:sqlite";

/** The statement surface the stores use; values are checked by SQLite itself (an unbindable value throws). */
export interface Statement {
  run(...params: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

export class Sqlite {
  private readonly db: DatabaseSync;
  private depth = 0;

  constructor(file: string) {
    this.db = new DatabaseSync(file);
  }

  pragma(text: string): void {
    this.db.exec(`PRAGMA ${text}`);
  }

  exec(sql: string): void {
    this.db.exec(sql);
  }

  prepare(sql: string): Statement {
    return this.db.prepare(sql) as unknown as Statement;
  }

  /** Runs fn in one transaction: all of it is written, or (on a throw) none of it. */
  transaction<T>(fn: () => T): () => T {
    return () => {
      if (this.depth > 0) return fn();
      this.db.exec("BEGIN IMMEDIATE");
      this.depth++;
      try {
        const result = fn();
        this.db.exec("COMMIT");
        return result;
      } catch (e) {
        this.db.exec("ROLLBACK");
        throw e;
      } finally {
        this.depth--;
      }
    };
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
