/**
 * The site's users (SharePoint's User Information List): people become site users on their first visit or when
 * someone ensures them; "System Account" is the author of writes made without any identity.
 */
import type { Caller } from "../auth/claims";
import { Codes, SpError } from "../errors";
import type { SiteDb } from "./site-db";

export interface SiteUser {
  id: number;
  title: string;
  email: string;
  loginName: string;
  upn: string;
  isSiteAdmin: boolean;
  oid: string;
}

/** SharePoint's "System Account": the author of writes made without any identity (anonymous mode). */
export const SYSTEM_USER_ID = 1073741823;

export class UserStore {
  private readonly users = new Map<number, SiteUser>();

  constructor(private readonly db: SiteDb) {
    db.sql.exec(`CREATE TABLE IF NOT EXISTS _users (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT COLLATE NOCASE, email TEXT COLLATE NOCASE,
      login_name TEXT COLLATE NOCASE UNIQUE, upn TEXT COLLATE NOCASE, is_site_admin INTEGER NOT NULL DEFAULT 0, oid TEXT)`);
    for (const u of db.stmt("SELECT * FROM _users").all() as Record<string, unknown>[]) this.cache(u);
    if (!this.users.has(SYSTEM_USER_ID)) {
      db.stmt("INSERT OR IGNORE INTO _users (id, title, email, login_name, upn, is_site_admin, oid) VALUES (?, ?, '', ?, '', 1, '')").run(
        SYSTEM_USER_ID,
        "System Account",
        "SHAREPOINT\\system",
      );
      this.reload(SYSTEM_USER_ID);
    }
  }

  private cache(u: Record<string, unknown>): SiteUser {
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

  private reload(id: number | bigint): SiteUser {
    return this.cache(this.db.stmt("SELECT * FROM _users WHERE id = ?").get(id) as Record<string, unknown>);
  }

  get(id: number): SiteUser | undefined {
    return this.users.get(id);
  }

  has(id: number): boolean {
    return this.users.has(id);
  }

  all(): SiteUser[] {
    return [...this.users.values()];
  }

  byEmail(email: string): SiteUser | undefined {
    const e = email.trim().toLowerCase();
    if (!e) return undefined;
    for (const u of this.users.values()) if (u.email.toLowerCase() === e || u.upn.toLowerCase() === e) return u;
    return undefined;
  }

  byLoginName(login: string): SiteUser | undefined {
    const a = login.toLowerCase();
    for (const u of this.users.values()) if (u.loginName.toLowerCase() === a) return u;
    return undefined;
  }

  private insert(title: string, email: string, oid: string): SiteUser {
    // The first real person on a site is its owner (site collection administrator), as the creator would be.
    const admin = this.all().every((u) => u.id === SYSTEM_USER_ID) ? 1 : 0;
    // Ids 1-6 are taken by built-in principals on a real site, so people start at 7; the System Account's
    // fixed id sits far above and must not drive the sequence.
    const next = (this.db.stmt("SELECT MAX(id) AS m FROM _users WHERE id < ?").get(SYSTEM_USER_ID) as { m: number | null }).m;
    const info = this.db
      .stmt("INSERT INTO _users (id, title, email, login_name, upn, is_site_admin, oid) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run(Math.max(7, (next ?? 0) + 1), title, email, `i:0#.f|membership|${email}`, email, admin, oid);
    return this.reload(info.lastInsertRowid);
  }

  /** The caller's site user, created from the token's claims the first time they reach the site. */
  forCaller(caller: Caller | null): SiteUser {
    if (!caller) return this.users.get(SYSTEM_USER_ID)!;
    const existing = this.byEmail(caller.upn);
    if (existing) {
      // A user first added by ensureuser gets their real name once they sign in themselves.
      if ((caller.name && existing.title !== caller.name) || (caller.oid && existing.oid !== caller.oid)) {
        this.db.stmt("UPDATE _users SET title = ?, oid = ? WHERE id = ?").run(caller.name || existing.title, caller.oid, existing.id);
        existing.title = caller.name || existing.title;
        existing.oid = caller.oid;
      }
      return existing;
    }
    return this.insert(caller.name || caller.upn, caller.upn, caller.oid);
  }

  /** web.ensureUser(logonName): an email or a claims login `i:0#.f|membership|x@y`. */
  ensure(logonName: string): SiteUser {
    const raw = logonName.trim();
    const email = (raw.includes("|") ? raw.slice(raw.lastIndexOf("|") + 1) : raw).toLowerCase();
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
      throw new SpError(500, Codes.spException, `The specified user ${logonName} could not be found.`);
    }
    const existing = this.byEmail(email);
    if (existing) return existing;
    // Without a directory to ask, derive a display name from the address: jane.doe@x -> "Jane Doe".
    const title = email
      .split("@")[0]
      .split(/[._-]+/)
      .filter(Boolean)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(" ");
    return this.insert(title || email, email, "");
  }
}
