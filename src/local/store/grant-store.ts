/**
 * Sites.Selected grants: which applications may use this site with their own identity, and with which role
 * (read, write, manage, fullcontrol), as Graph's `POST /sites/{site-id}/permissions` records them.
 */
import { LOCAL_TENANT_ID } from "../errors";
import { GRANT_ROLES, type GrantRole } from "../security/permissions";
import type { SiteDb } from "./site-db";

export interface AppGrant {
  id: string;
  appId: string;
  displayName: string;
  roles: GrantRole[];
}

const RANK: GrantRole[] = ["read", "write", "manage", "fullcontrol"];

export class GrantStore {
  private readonly grants = new Map<string, AppGrant>();

  constructor(private readonly db: SiteDb) {
    db.sql.exec("CREATE TABLE IF NOT EXISTS _app_grants (id TEXT PRIMARY KEY, app_id TEXT NOT NULL, display_name TEXT NOT NULL, roles TEXT NOT NULL)");
    for (const r of db.stmt("SELECT * FROM _app_grants").all() as { id: string; app_id: string; display_name: string; roles: string }[]) {
      this.grants.set(r.id, { id: r.id, appId: r.app_id, displayName: r.display_name, roles: JSON.parse(r.roles) });
    }
  }

  all(): AppGrant[] {
    return [...this.grants.values()];
  }

  get(id: string): AppGrant | undefined {
    return this.grants.get(id);
  }

  /** Grants `roles` to the app, replacing any grant it had (Graph keeps one permission per app). */
  grant(appId: string, displayName: string, roles: GrantRole[]): AppGrant {
    const existing = this.all().find((g) => g.appId === appId.toLowerCase());
    // Graph's permission ids are the base64 of the app's SharePoint claim, `i:0i.t|ms.sp.ext|<appId>@<tenant>`.
    const id = existing?.id ?? Buffer.from(`i:0i.t|ms.sp.ext|${appId.toLowerCase()}@${LOCAL_TENANT_ID}`).toString("base64");
    const g: AppGrant = { id, appId: appId.toLowerCase(), displayName, roles };
    this.db.stmt("INSERT INTO _app_grants (id, app_id, display_name, roles) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET display_name = excluded.display_name, roles = excluded.roles").run(g.id, g.appId, displayName, JSON.stringify(roles));
    this.grants.set(g.id, g);
    return g;
  }

  revoke(id: string): boolean {
    this.db.stmt("DELETE FROM _app_grants WHERE id = ?").run(id);
    return this.grants.delete(id);
  }

  /** The strongest role granted to the app, as a role definition id; undefined without a grant. */
  roleOf(appId: string): number | undefined {
    const roles = this.all().filter((g) => g.appId === appId.toLowerCase()).flatMap((g) => g.roles);
    const best = RANK.filter((r) => roles.includes(r)).at(-1);
    return best ? GRANT_ROLES[best] : undefined;
  }
}
