/**
 * Role assignments on securable objects (the web, a list, an item). An object either inherits from its parent
 * (item -> list -> web) or has unique role assignments: a set of role definitions per principal. The web of a site
 * collection always has its own.
 */
import type { SiteDb } from "./site-db";

export type ScopeKey = string;
export const WEB_SCOPE: ScopeKey = "web";
export const listScope = (listId: string): ScopeKey => `list:${listId}`;
export const itemScope = (listId: string, itemId: number): ScopeKey => `item:${listId}:${itemId}`;

/** principal id -> role definition ids */
export type Assignments = Map<number, Set<number>>;

export class RoleStore {
  private readonly scopes = new Map<ScopeKey, Assignments>();

  constructor(private readonly db: SiteDb) {
    db.sql.exec(`
      CREATE TABLE IF NOT EXISTS _scopes (scope TEXT PRIMARY KEY);
      CREATE TABLE IF NOT EXISTS _role_assignments (scope TEXT NOT NULL, principal_id INTEGER NOT NULL, role_id INTEGER NOT NULL,
        PRIMARY KEY (scope, principal_id, role_id));
    `);
    for (const r of db.stmt("SELECT scope FROM _scopes").all() as { scope: string }[]) this.scopes.set(r.scope, new Map());
    for (const r of db.stmt("SELECT scope, principal_id, role_id FROM _role_assignments").all() as { scope: string; principal_id: number; role_id: number }[]) {
      const a = this.scopes.get(r.scope);
      if (!a) continue;
      if (!a.has(r.principal_id)) a.set(r.principal_id, new Set());
      a.get(r.principal_id)?.add(r.role_id);
    }
  }

  hasUnique(scope: ScopeKey): boolean {
    return this.scopes.has(scope);
  }

  /** The assignments of an object with unique role assignments. */
  of(scope: ScopeKey): Assignments | undefined {
    return this.scopes.get(scope);
  }

  /** Gives `scope` its own assignments (a copy of `from`, or none). */
  makeUnique(scope: ScopeKey, from?: Assignments): void {
    this.db.transaction(() => {
      this.db.stmt("INSERT OR IGNORE INTO _scopes (scope) VALUES (?)").run(scope);
      const copy: Assignments = new Map();
      for (const [principal, roles] of from ?? []) {
        copy.set(principal, new Set(roles));
        for (const role of roles) this.db.stmt("INSERT OR IGNORE INTO _role_assignments (scope, principal_id, role_id) VALUES (?, ?, ?)").run(scope, principal, role);
      }
      this.scopes.set(scope, copy);
    });
  }

  /** Back to inheriting: the object's own assignments are gone. */
  inherit(scope: ScopeKey): void {
    this.db.transaction(() => {
      this.db.stmt("DELETE FROM _scopes WHERE scope = ?").run(scope);
      this.db.stmt("DELETE FROM _role_assignments WHERE scope = ?").run(scope);
    });
    this.scopes.delete(scope);
  }

  /** Every scope below `prefix` (e.g. every item of a list) inherits again. */
  inheritAllUnder(prefix: string): void {
    for (const scope of [...this.scopes.keys()]) if (scope.startsWith(prefix)) this.inherit(scope);
  }

  add(scope: ScopeKey, principal: number, role: number): void {
    const a = this.scopes.get(scope);
    if (!a) throw new Error(`scope ${scope} inherits`);
    this.db.stmt("INSERT OR IGNORE INTO _role_assignments (scope, principal_id, role_id) VALUES (?, ?, ?)").run(scope, principal, role);
    if (!a.has(principal)) a.set(principal, new Set());
    a.get(principal)?.add(role);
  }

  remove(scope: ScopeKey, principal: number, role: number): void {
    const a = this.scopes.get(scope);
    this.db.stmt("DELETE FROM _role_assignments WHERE scope = ? AND principal_id = ? AND role_id = ?").run(scope, principal, role);
    a?.get(principal)?.delete(role);
    if (a?.get(principal)?.size === 0) a.delete(principal);
  }

  /** A deleted principal (a group) loses its assignments everywhere. */
  removePrincipal(principal: number): void {
    this.db.stmt("DELETE FROM _role_assignments WHERE principal_id = ?").run(principal);
    for (const a of this.scopes.values()) a.delete(principal);
  }

  /** Ids of the items of a list that have unique role assignments. */
  uniqueItems(listId: string): number[] {
    const prefix = `item:${listId}:`;
    return [...this.scopes.keys()].filter((s) => s.startsWith(prefix)).map((s) => Number(s.slice(prefix.length)));
  }

  /** True when the principal holds an assignment on any object (SharePoint then grants Limited Access up the tree). */
  holdsAnywhere(principals: Set<number>): boolean {
    for (const a of this.scopes.values()) for (const p of a.keys()) if (principals.has(p)) return true;
    return false;
  }

  forgetList(listId: string): void {
    this.inherit(listScope(listId));
    this.inheritAllUnder(`item:${listId}:`);
  }

  forgetItem(listId: string, itemId: number): void {
    this.inherit(itemScope(listId, itemId));
  }
}
