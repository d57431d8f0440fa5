/**
 * The site's users (SharePoint's User Information List). People become site users on their first visit or when
 * someone ensures them; "System Account" authors writes made without any identity, "SharePoint App" those made
 * by an app with its own identity, and "Everyone except external users" stands for every member of the tenant.
 * With a directory, people are resolved against it (UPN, mail, object id) and their site user carries the claims
 * login `i:0#.f|membership|<upn>`, their mail ("" without a mailbox) and their object id; without one, the token's
 * claims are taken at their word. Users and site groups share one id sequence, as in SharePoint.
 */
import { createHash } from "node:crypto";
import type { Principal } from "../auth/principal";
import { Directory, type DirectoryUser } from "../directory/directory";
import { Codes, LOCAL_TENANT_ID, SpError } from "../errors";
import type { SiteDb } from "./site-db";

export interface SiteUser {
  id: number;
  title: string;
  /** "" when the person has no mailbox (never null, as SharePoint renders it). */
  email: string;
  loginName: string;
  /** "" for principals that are not people (System Account, SharePoint App, claims). */
  upn: string;
  isSiteAdmin: boolean;
  /** Entra object id; "" when unknown. */
  oid: string;
  /** 1 user, 4 security group (a claim such as "Everyone except external users"). */
  principalType: number;
}

/** SharePoint's "System Account": the author of writes made without any identity (anonymous mode). */
export const SYSTEM_USER_ID = 1073741823;
/** SharePoint's "SharePoint App": the author of writes made by an app-only token. */
export const APP_USER_ID = 1073741822;
export const APP_LOGIN = "i:0i.t|00000003-0000-0ff1-ce00-000000000000|app@sharepoint";
/** The claim every member of the tenant holds (guests excepted). */
export const EVERYONE_LOGIN = `c:0-.f|rolemanager|spo-grid-all-users/${LOCAL_TENANT_ID}`;

export const claimsLogin = (upn: string): string => `i:0#.f|membership|${upn.toLowerCase()}`;

/** A stable PUID-like `UserId.NameId` (SharePoint's is a 16-digit hex number per account). */
export const puidOf = (oid: string): string => `1003${createHash("sha256").update(oid).digest("hex").slice(0, 12)}`;

const notFound = (logon: string) => new SpError(400, Codes.spException, `The specified user ${logon} could not be found.`);

interface UserValues {
  title: string;
  email: string;
  login: string;
  upn: string;
  oid: string;
  admin: boolean;
  principalType?: number;
}

export class UserStore {
  private readonly users = new Map<number, SiteUser>();

  constructor(
    private readonly db: SiteDb,
    private readonly directory?: Directory,
  ) {
    db.sql.exec(`CREATE TABLE IF NOT EXISTS _users (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT COLLATE NOCASE, email TEXT COLLATE NOCASE,
      login_name TEXT COLLATE NOCASE UNIQUE, upn TEXT COLLATE NOCASE, is_site_admin INTEGER NOT NULL DEFAULT 0, oid TEXT)`);
    db.ensureColumn("_users", "principal_type", "INTEGER NOT NULL DEFAULT 1");
    for (const u of db.stmt("SELECT * FROM _users").all() as Record<string, unknown>[]) this.cache(u);
    if (!this.users.has(SYSTEM_USER_ID)) this.insertFixed(SYSTEM_USER_ID, "System Account", "SHAREPOINT\\system", true);
    // The site collection administrator is a site user from the site's creation.
    if (directory) this.forPerson(directory.admin);
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
      principalType: Number(u.principal_type ?? 1),
    };
    this.users.set(user.id, user);
    return user;
  }

  private reload(id: number | bigint): SiteUser {
    return this.cache(this.db.stmt("SELECT * FROM _users WHERE id = ?").get(id) as Record<string, unknown>);
  }

  private insertFixed(id: number, title: string, login: string, admin: boolean): SiteUser {
    this.db.stmt("INSERT OR IGNORE INTO _users (id, title, email, login_name, upn, is_site_admin, oid) VALUES (?, ?, '', ?, '', ?, '')").run(id, title, login, admin ? 1 : 0);
    return this.reload(id);
  }

  get(id: number): SiteUser | undefined {
    return this.users.get(id);
  }

  all(): SiteUser[] {
    return [...this.users.values()];
  }

  /** The next id for a new user or site group (people start at 7: ids 1-6 belong to built-in principals). */
  allocateId(): number {
    const stored = this.db.metaOnce("principalSeq", () => {
      const max = (this.db.stmt("SELECT MAX(id) AS m FROM _users WHERE id < ?").get(APP_USER_ID) as { m: number | null }).m;
      return String(Math.max(6, max ?? 0));
    });
    const next = Number(stored) + 1;
    this.db.stmt("UPDATE _meta SET value = ? WHERE key = 'principalSeq'").run(String(next));
    return next;
  }

  /** True for a site user who may be put in a person column: with a directory, only people still in it and enabled. */
  assignable(id: number): boolean {
    const u = this.users.get(id);
    if (u?.principalType !== 1) return false;
    if (!this.directory || id === SYSTEM_USER_ID || id === APP_USER_ID) return true;
    return Directory.active(this.directory.byId(u.oid));
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

  private byOid(oid: string): SiteUser | undefined {
    if (!oid) return undefined;
    for (const u of this.users.values()) if (u.oid.toLowerCase() === oid.toLowerCase()) return u;
    return undefined;
  }

  private upsert(found: SiteUser | undefined, v: UserValues): SiteUser {
    if (found) {
      if (found.title !== v.title || found.email !== v.email || found.loginName !== v.login || found.upn !== v.upn || found.oid !== v.oid) {
        this.db.stmt("UPDATE _users SET title = ?, email = ?, login_name = ?, upn = ?, oid = ? WHERE id = ?").run(v.title, v.email, v.login, v.upn, v.oid, found.id);
        return this.reload(found.id);
      }
      return found;
    }
    const id = this.allocateId();
    this.db
      .stmt("INSERT INTO _users (id, title, email, login_name, upn, is_site_admin, oid, principal_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .run(id, v.title, v.email, v.login, v.upn, v.admin ? 1 : 0, v.oid, v.principalType ?? 1);
    return this.reload(id);
  }

  /** A directory person's site user, kept in step with the directory (renames, new mail). */
  private forPerson(p: DirectoryUser): SiteUser {
    return this.upsert(this.findPerson(p), {
      title: p.displayName,
      email: p.mail ?? "",
      login: claimsLogin(p.userPrincipalName),
      upn: p.userPrincipalName,
      oid: p.id,
      admin: p.id === this.directory?.admin.id,
    });
  }

  private findPerson(p: DirectoryUser): SiteUser | undefined {
    return this.byOid(p.id) ?? this.byLoginName(claimsLogin(p.userPrincipalName));
  }

  /** The id of the "Everyone except external users" site user, if the site has one. */
  everyoneId(): number | undefined {
    return this.byLoginName(EVERYONE_LOGIN)?.id;
  }

  /** The "Everyone except external users" claim as a site user (created on first use). */
  everyone(): SiteUser {
    return this.byLoginName(EVERYONE_LOGIN) ?? this.upsert(undefined, { title: "Everyone except external users", email: "", login: EVERYONE_LOGIN, upn: "", oid: "", admin: false, principalType: 4 });
  }

  /** The caller's site user if they have one yet (nothing is created). */
  find(p: Principal): SiteUser | undefined {
    if (p.kind === "system") return this.users.get(SYSTEM_USER_ID);
    if (p.kind === "app") return this.users.get(APP_USER_ID);
    if (p.person) return this.findPerson(p.person);
    return this.byEmail(p.upn);
  }

  /** The caller's site user, created the first time they reach the site. */
  forPrincipal(p: Principal): SiteUser {
    if (p.kind === "system") return this.users.get(SYSTEM_USER_ID)!;
    if (p.kind === "app") return this.users.get(APP_USER_ID) ?? this.insertFixed(APP_USER_ID, "SharePoint App", APP_LOGIN, false);
    if (p.person) return this.forPerson(p.person);
    // Open mode: the token's claims at their word; the first person on a site is its owner, as its creator would be.
    const found = this.byEmail(p.upn);
    const first = this.all().every((u) => u.principalType !== 1 || u.id === SYSTEM_USER_ID || u.id === APP_USER_ID);
    return this.upsert(found, {
      title: p.name || found?.title || p.upn,
      email: found?.email ?? p.upn,
      login: found?.loginName ?? claimsLogin(p.upn),
      upn: found?.upn ?? p.upn,
      oid: p.oid || found?.oid || "",
      admin: first,
    });
  }

  /**
   * web.ensureUser(logonName). With a directory: a claims login of a UPN, a UPN, or a mail that belongs to one
   * present, enabled person; anyone else is SharePoint's 400 "could not be found". Without one: any address.
   */
  ensure(logonName: string): SiteUser {
    if (this.directory) {
      if (logonName.trim().toLowerCase() === EVERYONE_LOGIN.toLowerCase()) return this.everyone();
      const p = this.directory.resolveLogon(logonName);
      if (!p) throw notFound(logonName);
      return this.forPerson(p);
    }
    const raw = logonName.trim();
    const email = (raw.includes("|") ? raw.slice(raw.lastIndexOf("|") + 1) : raw).toLowerCase();
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw notFound(logonName);
    const existing = this.byEmail(email);
    if (existing) return existing;
    // Without a directory to ask, derive a display name from the address: jane.doe@x -> "Jane Doe".
    const title = email
      .split("@")[0]
      .split(/[._-]+/)
      .filter(Boolean)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(" ");
    return this.upsert(undefined, { title: title || email, email, login: claimsLogin(email), upn: email, oid: "", admin: false });
  }
}
