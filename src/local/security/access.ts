/**
 * What the caller may do here: their effective permission mask on the web, a list or an item, worked out as
 * SharePoint does. A site collection administrator (and, in the open mode or anonymously, everyone) has every
 * permission. A person holds the roles assigned, on the object's first unique ancestor (item -> list -> web), to
 * them, to the groups they belong to and to "Everyone except external users". An app holds its Sites.Selected
 * grant, on every object of the site. List settings add per-creator rules: ReadSecurity 2 (read own items only) and
 * WriteSecurity 2 (edit own only) or 4 (none), which holders of "Override List Behaviors" (CancelCheckout: Full
 * Control and Design) bypass.
 */
import type { Principal } from "../auth/principal";
import { Errors } from "../errors";
import type { ListMeta, Row } from "../model/list-model";
import type { Site } from "../site/site";
import { itemScope, listScope, type ScopeKey, WEB_SCOPE } from "../store/role-store";
import type { SiteUser } from "../store/user-store";
import { EMPTY, FULL_MASK, has, type Mask, Perm, roleById } from "./permissions";

export class Access {
  /** Site user (if any yet), groups and claims whose assignments count for the caller. */
  private principals?: Set<number>;
  private readonly cache = new Map<ScopeKey, Mask>();

  constructor(
    private readonly site: Site,
    readonly principal: Principal,
    /** false in the open mode (no directory): every caller may do everything, as before. */
    private readonly enforce: boolean,
  ) {}

  private get user(): SiteUser | undefined {
    return this.site.users.find(this.principal);
  }

  /** Full rights: no enforcement, System Account, or the site collection administrator. */
  get unrestricted(): boolean {
    return !this.enforce || this.principal.kind === "system" || this.user?.isSiteAdmin === true;
  }

  principalIds(): Set<number> {
    if (!this.principals) {
      const ids = new Set<number>();
      const u = this.user;
      if (u) ids.add(u.id);
      // Guests (`#EXT#` accounts) do not hold "Everyone except external users".
      if (this.principal.kind === "person" && !/#ext#@/i.test(this.principal.upn)) {
        const everyone = this.site.users.everyoneId();
        if (everyone !== undefined) ids.add(everyone);
      }
      for (const g of this.site.groups.groupsOf(ids)) ids.add(g);
      this.principals = ids;
    }
    return this.principals;
  }

  /** The caller's mask on an object with unique role assignments. */
  private maskAt(scope: ScopeKey): Mask {
    const cached = this.cache.get(scope);
    if (cached !== undefined) return cached;
    let mask = EMPTY;
    if (this.unrestricted) mask = FULL_MASK;
    else if (this.principal.kind === "app") {
      const role = this.site.grants.roleOf(this.principal.appId);
      mask = role === undefined ? EMPTY : (roleById(role)?.mask ?? EMPTY);
    } else {
      const ids = this.principalIds();
      for (const [principal, roles] of this.site.roles.of(scope) ?? []) {
        if (!ids.has(principal)) continue;
        for (const r of roles) mask |= roleById(r)?.mask ?? EMPTY;
      }
    }
    this.cache.set(scope, mask);
    return mask;
  }

  /** The first object up the tree (item, list, web) with unique role assignments. */
  scopeOf(list?: ListMeta, itemId?: number): ScopeKey {
    if (list && itemId !== undefined && this.site.roles.hasUnique(itemScope(list.id, itemId))) return itemScope(list.id, itemId);
    if (list && this.site.roles.hasUnique(listScope(list.id))) return listScope(list.id);
    return WEB_SCOPE;
  }

  mask(list?: ListMeta, itemId?: number): Mask {
    return this.maskAt(this.scopeOf(list, itemId));
  }

  /** May reach the site at all: some permission on the web, or an assignment on something in it (Limited Access). */
  get entersSite(): boolean {
    if (has(this.mask(), Perm.Open)) return true;
    return this.principal.kind === "person" && this.site.roles.holdsAnywhere(this.principalIds());
  }

  /** 403 unless the caller holds `perm` on the object. */
  require(perm: number, list?: ListMeta, itemId?: number): void {
    if (!has(this.mask(list, itemId), perm)) throw Errors.accessDenied();
  }

  /** Security trimming: a list the caller cannot view does not exist for them. */
  seesList(list: ListMeta): boolean {
    return has(this.mask(list), Perm.ViewListItems);
  }

  private overrides(list: ListMeta, itemId?: number): boolean {
    return has(this.mask(list, itemId), Perm.CancelCheckout);
  }

  private authoredByCaller(row: Row): boolean {
    const u = this.user;
    return u !== undefined && row.f_Author === u.id;
  }

  /** Security trimming of one item: unique permissions, then the list's ReadSecurity. */
  seesItem(list: ListMeta, row: Row): boolean {
    if (!has(this.mask(list, row.ID), Perm.ViewListItems)) return false;
    if (list.readSecurity === 2 && !this.overrides(list, row.ID)) return this.authoredByCaller(row);
    return true;
  }

  /** May change (or delete, with DeleteListItems) an item the caller can see: the right, then WriteSecurity. */
  requireWrite(perm: number, list: ListMeta, row: Row): void {
    this.require(perm, list, row.ID);
    if (this.overrides(list, row.ID)) return;
    if (list.writeSecurity === 4 || (list.writeSecurity === 2 && !this.authoredByCaller(row))) throw Errors.accessDenied();
  }

  /** May add items: AddListItems on the list, and a WriteSecurity that lets them write at all. */
  requireAdd(list: ListMeta): void {
    this.require(Perm.AddListItems, list);
    if (list.writeSecurity === 4 && !this.overrides(list)) throw Errors.accessDenied();
  }

  /**
   * SQL (over the list's table) keeping only the items the caller may see, or undefined when they see them all:
   * items with unique permissions are decided one by one, the rest by the list's mask; ReadSecurity 2 keeps the
   * caller's own items.
   */
  visibleItemsSql(list: ListMeta): { sql: string; params: unknown[] } | undefined {
    if (this.unrestricted) return undefined;
    const clauses: string[] = [];
    const params: unknown[] = [];
    const unique = this.site.roles.uniqueItems(list.id);
    if (unique.length) {
      const visible = unique.filter((id) => has(this.mask(list, id), Perm.ViewListItems));
      const listView = has(this.mask(list), Perm.ViewListItems);
      const notUnique = `ID NOT IN (${unique.map(() => "?").join(",")})`;
      const inVisible = visible.length ? `ID IN (${visible.map(() => "?").join(",")})` : "0";
      clauses.push(listView ? `(${notUnique} OR ${inVisible})` : inVisible);
      if (listView) params.push(...unique);
      params.push(...visible);
    } else if (!has(this.mask(list), Perm.ViewListItems)) return { sql: "0", params: [] };
    if (list.readSecurity === 2 && !this.overrides(list)) {
      clauses.push("f_Author = ?");
      params.push(this.user?.id ?? -1);
    }
    return clauses.length ? { sql: clauses.join(" AND "), params } : undefined;
  }
}
