/**
 * An Entra-shaped directory of people: who exists in the tenant, whether they may sign in, their UPN and their
 * mailbox (which may differ from the UPN, or not exist at all). Tokens name people by object id (`oid`); SharePoint
 * resolves logins and emails against this; Graph answers from it. The first person is the site collection
 * administrator of every site.
 */
import { readFileSync } from "node:fs";

export interface DirectoryUser {
  /** Entra object id (the token's `oid`). */
  id: string;
  userPrincipalName: string;
  /** The primary SMTP address; null when the person has no mailbox. */
  mail: string | null;
  displayName: string;
  accountEnabled: boolean;
  /** Soft-deleted (in the directory's recycle bin): not found anywhere, and no token works. */
  deleted: boolean;
  /** Has a Teams licence (default true); without one, Graph refuses to install apps for them. */
  teamsLicensed: boolean;
  /** The tenant's app permission policy blocks the app for them (default false). */
  appPolicyBlocked: boolean;
  /** Graph's jobTitle (null when not set): shown, never used to decide anything. */
  jobTitle: string | null;
}

/** The shape accepted from a file or from code: the optional fields may be left out. */
export type DirectoryEntry = Omit<DirectoryUser, "teamsLicensed" | "appPolicyBlocked" | "jobTitle"> & {
  teamsLicensed?: boolean;
  appPolicyBlocked?: boolean;
  jobTitle?: string | null;
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ADDRESS = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export class DirectoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DirectoryError";
  }
}

function where(i: number, raw: Record<string, unknown>): string {
  const who = [typeof raw.id === "string" ? `id ${raw.id}` : "", typeof raw.userPrincipalName === "string" ? raw.userPrincipalName : ""].filter(Boolean).join(", ");
  return `directory entry ${i}${who ? ` (${who})` : ""}`;
}

function checkEntry(i: number, raw: unknown): DirectoryUser {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new DirectoryError(`directory entry ${i}: expected an object, got ${JSON.stringify(raw)}.`);
  const o = raw as Record<string, unknown>;
  const bad = (field: string, want: string) => new DirectoryError(`${where(i, o)}: '${field}' ${want} (got ${JSON.stringify(o[field])}).`);
  if (typeof o.id !== "string" || !GUID.test(o.id)) throw bad("id", "must be an Entra object id (a GUID)");
  if (typeof o.userPrincipalName !== "string" || !ADDRESS.test(o.userPrincipalName)) throw bad("userPrincipalName", "must be a UPN such as ann@contoso.test");
  if (o.mail !== null && (typeof o.mail !== "string" || !ADDRESS.test(o.mail))) throw bad("mail", "must be an email address, or null for someone without a mailbox");
  if (typeof o.displayName !== "string" || !o.displayName.trim()) throw bad("displayName", "must be a non-empty string");
  for (const f of ["accountEnabled", "deleted"]) if (typeof o[f] !== "boolean") throw bad(f, "must be true or false");
  for (const f of ["teamsLicensed", "appPolicyBlocked"]) if (o[f] !== undefined && typeof o[f] !== "boolean") throw bad(f, "must be true or false when given");
  if (o.jobTitle !== undefined && o.jobTitle !== null && typeof o.jobTitle !== "string") throw bad("jobTitle", "must be a string or null when given");
  const known = new Set(["id", "userPrincipalName", "mail", "displayName", "accountEnabled", "deleted", "teamsLicensed", "appPolicyBlocked", "jobTitle"]);
  for (const k of Object.keys(o)) if (!known.has(k)) throw new DirectoryError(`${where(i, o)}: unknown field '${k}' (known: ${[...known].join(", ")}).`);
  return {
    id: o.id.toLowerCase(),
    userPrincipalName: o.userPrincipalName,
    mail: o.mail as string | null,
    displayName: o.displayName,
    accountEnabled: o.accountEnabled as boolean,
    deleted: o.deleted as boolean,
    teamsLicensed: o.teamsLicensed !== false,
    appPolicyBlocked: o.appPolicyBlocked === true,
    jobTitle: typeof o.jobTitle === "string" ? o.jobTitle : null,
  };
}

export class Directory {
  private list: DirectoryUser[];

  /** Everyone, in the order given (the first is the site collection administrator). */
  get users(): readonly DirectoryUser[] {
    return this.list;
  }

  constructor(entries: unknown) {
    if (!Array.isArray(entries)) throw new DirectoryError("The directory must be a JSON array of people.");
    if (entries.length === 0) throw new DirectoryError("The directory is empty: its first person is the site collection administrator.");
    const users = entries.map((e, i) => checkEntry(i, e));
    const seen = new Map<string, number>();
    users.forEach((u, i) => {
      for (const key of [`id ${u.id}`, `userPrincipalName ${u.userPrincipalName.toLowerCase()}`]) {
        const before = seen.get(key);
        if (before !== undefined) throw new DirectoryError(`directory entry ${i} (id ${u.id}, ${u.userPrincipalName}): ${key.split(" ")[0]} is already used by entry ${before}.`);
        seen.set(key, i);
      }
    });
    const admin = users[0];
    if (!admin.accountEnabled || admin.deleted) {
      throw new DirectoryError(`directory entry 0 (id ${admin.id}, ${admin.userPrincipalName}): the first person is the site collection administrator and must be enabled and not deleted.`);
    }
    this.list = users;
  }

  /**
   * What an administrator does in Entra after the fact: a person leaves (deleted) or is blocked from signing in
   * (accountEnabled false), or comes back. Their site users stay, as SharePoint keeps people in a site's User
   * Information List; from now on their tokens, ensureUser and person columns fail as for anyone absent.
   */
  setStatus(idOrUpn: string, change: { accountEnabled?: boolean; deleted?: boolean }): DirectoryUser {
    const u = this.byId(idOrUpn) ?? this.byUpn(idOrUpn);
    if (!u) throw new DirectoryError(`No one with object id or UPN '${idOrUpn}' is in the directory.`);
    for (const [k, v] of Object.entries(change)) {
      if (k !== "accountEnabled" && k !== "deleted") throw new DirectoryError(`Only 'accountEnabled' and 'deleted' can be changed (got '${k}').`);
      if (typeof v !== "boolean") throw new DirectoryError(`'${k}' must be true or false (got ${JSON.stringify(v)}).`);
    }
    const next = { ...u, ...change };
    if (u === this.admin && (!next.accountEnabled || next.deleted)) {
      throw new DirectoryError(`${u.userPrincipalName} is the site collection administrator and must stay enabled and not deleted.`);
    }
    this.list = this.list.map((x) => (x === u ? next : x));
    return next;
  }

  static fromFile(file: string): Directory {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      throw new DirectoryError(`Cannot read the directory file '${file}': ${(e as Error).message}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new DirectoryError(`The directory file '${file}' is not valid JSON: ${(e as Error).message}`);
    }
    try {
      return new Directory(json);
    } catch (e) {
      throw new DirectoryError(`${file}: ${(e as Error).message}`);
    }
  }

  /** The site collection administrator of every site. */
  get admin(): DirectoryUser {
    return this.users[0];
  }

  /** Anyone the directory knows, deleted or disabled included. */
  byId(id: string): DirectoryUser | undefined {
    const k = id.toLowerCase();
    return this.users.find((u) => u.id === k);
  }

  byUpn(upn: string): DirectoryUser | undefined {
    const k = upn.toLowerCase();
    return this.users.find((u) => u.userPrincipalName.toLowerCase() === k);
  }

  /** Present and able to sign in. */
  static active(u: DirectoryUser | undefined): u is DirectoryUser {
    return u?.accountEnabled === true && !u.deleted;
  }

  /**
   * What SharePoint's people resolution accepts: a claims login `i:0#.f|membership|<upn>` (the UPN, never the
   * mail), a UPN, or a mail address that belongs to exactly one person. Only present, enabled people resolve.
   */
  resolveLogon(logon: string): DirectoryUser | undefined {
    const raw = logon.trim();
    const claims = /^i:0#\.f\|membership\|(.+)$/i.exec(raw);
    if (claims) {
      const u = this.byUpn(claims[1]);
      return Directory.active(u) ? u : undefined;
    }
    if (raw.includes("|")) return undefined;
    const byUpn = this.byUpn(raw);
    if (Directory.active(byUpn)) return byUpn;
    const byMail = this.users.filter((u) => Directory.active(u) && u.mail?.toLowerCase() === raw.toLowerCase());
    return byMail.length === 1 ? byMail[0] : undefined;
  }
}
