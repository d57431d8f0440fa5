/**
 * SharePoint site groups and their members. Every site has its Owners, Members and Visitors groups (ids 3, 5, 4,
 * owned by the Owners group, as a new team site's are); the product adds its own. A group is owned by a user or a
 * group; by default only its members see its membership and members cannot change it.
 */
import { Codes, SpError } from "../errors";
import type { SiteDb } from "./site-db";
import type { UserStore } from "./user-store";

export interface SiteGroup {
  id: number;
  title: string;
  description: string | null;
  ownerId: number;
  allowMembersEditMembership: boolean;
  onlyAllowMembersViewMembership: boolean;
  allowRequestToJoinLeave: boolean;
  autoAcceptRequestToJoinLeave: boolean;
  requestToJoinLeaveEmailSetting: string | null;
}

export const DEFAULT_GROUP_IDS = { owners: 3, visitors: 4, members: 5 } as const;

export const groupExists = () =>
  new SpError(400, Codes.spException, `The specified name is already in use.\n\nThe group name is empty or you may be using a name already in use by a user or another group. Please use a different name.`);
export const groupNotFound = () => new SpError(404, Codes.spException, "Group cannot be found.");

export class GroupStore {
  private readonly groups = new Map<number, SiteGroup>();
  private readonly members = new Map<number, Set<number>>();

  constructor(
    private readonly db: SiteDb,
    private readonly users: UserStore,
  ) {
    db.sql.exec(`
      CREATE TABLE IF NOT EXISTS _groups (id INTEGER PRIMARY KEY, title TEXT NOT NULL COLLATE NOCASE UNIQUE, props TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS _group_members (group_id INTEGER NOT NULL, user_id INTEGER NOT NULL, PRIMARY KEY (group_id, user_id));
    `);
    for (const r of db.stmt("SELECT id, title, props FROM _groups").all() as { id: number; title: string; props: string }[]) {
      this.groups.set(r.id, { ...JSON.parse(r.props), id: r.id, title: r.title });
      this.members.set(r.id, new Set());
    }
    for (const r of db.stmt("SELECT group_id, user_id FROM _group_members").all() as { group_id: number; user_id: number }[]) this.members.get(r.group_id)?.add(r.user_id);
  }

  /** Creates the site's Owners, Visitors and Members groups the first time a site is opened. */
  ensureDefaults(siteTitle: string, owner: number | undefined, everyone: number | undefined): boolean {
    if (this.groups.has(DEFAULT_GROUP_IDS.owners)) return false;
    const defaults = { description: null, allowMembersEditMembership: false, onlyAllowMembersViewMembership: false, allowRequestToJoinLeave: false, autoAcceptRequestToJoinLeave: false, requestToJoinLeaveEmailSetting: null };
    this.db.transaction(() => {
      for (const [key, id] of Object.entries(DEFAULT_GROUP_IDS)) {
        const title = `${siteTitle} ${key.charAt(0).toUpperCase()}${key.slice(1)}`;
        this.insert({ ...defaults, id, title, ownerId: DEFAULT_GROUP_IDS.owners });
      }
      if (owner !== undefined) this.addMember(DEFAULT_GROUP_IDS.owners, owner);
      if (everyone !== undefined) this.addMember(DEFAULT_GROUP_IDS.members, everyone);
    });
    return true;
  }

  private insert(g: SiteGroup): void {
    const { id, title, ...props } = g;
    this.db.stmt("INSERT INTO _groups (id, title, props) VALUES (?, ?, ?)").run(id, title, JSON.stringify(props));
    this.groups.set(id, g);
    this.members.set(id, new Set());
  }

  private save(g: SiteGroup): void {
    const { id, title, ...props } = g;
    this.db.stmt("UPDATE _groups SET title = ?, props = ? WHERE id = ?").run(title, JSON.stringify(props), id);
  }

  all(): SiteGroup[] {
    return [...this.groups.values()].sort((a, b) => a.id - b.id);
  }

  get(id: number): SiteGroup | undefined {
    return this.groups.get(id);
  }

  byTitle(title: string): SiteGroup | undefined {
    const t = title.toLowerCase();
    return this.all().find((g) => g.title.toLowerCase() === t);
  }

  /** `sitegroups` POST: the caller becomes the owner; members cannot edit or (by default) see membership. */
  add(props: Record<string, unknown>, ownerId: number): SiteGroup {
    const title = typeof props.Title === "string" ? props.Title.trim() : "";
    if (!title || this.byTitle(title) || this.users.byLoginName(title)) throw groupExists();
    if (title.length > 255) throw new SpError(400, Codes.argument, "The group name is longer than 255 characters.");
    const g: SiteGroup = {
      id: this.users.allocateId(),
      title,
      description: typeof props.Description === "string" ? props.Description : null,
      ownerId,
      allowMembersEditMembership: props.AllowMembersEditMembership === true,
      onlyAllowMembersViewMembership: props.OnlyAllowMembersViewMembership !== false,
      allowRequestToJoinLeave: props.AllowRequestToJoinLeave === true,
      autoAcceptRequestToJoinLeave: props.AutoAcceptRequestToJoinLeave === true,
      requestToJoinLeaveEmailSetting: typeof props.RequestToJoinLeaveEmailSetting === "string" ? props.RequestToJoinLeaveEmailSetting : null,
    };
    this.insert(g);
    return g;
  }

  /** `sitegroups(id)` MERGE. */
  update(g: SiteGroup, props: Record<string, unknown>): void {
    const next = { ...g };
    for (const [k, v] of Object.entries(props)) {
      if (k === "__metadata" || k.startsWith("odata.")) continue;
      switch (k) {
        case "Title":
          if (typeof v !== "string" || !v.trim() || (v.toLowerCase() !== g.title.toLowerCase() && this.byTitle(v))) throw groupExists();
          next.title = v.trim();
          break;
        case "Description":
          next.description = v === null ? null : String(v);
          break;
        case "AllowMembersEditMembership":
          next.allowMembersEditMembership = v === true;
          break;
        case "OnlyAllowMembersViewMembership":
          next.onlyAllowMembersViewMembership = v === true;
          break;
        case "AllowRequestToJoinLeave":
          next.allowRequestToJoinLeave = v === true;
          break;
        case "AutoAcceptRequestToJoinLeave":
          next.autoAcceptRequestToJoinLeave = v === true;
          break;
        case "RequestToJoinLeaveEmailSetting":
          next.requestToJoinLeaveEmailSetting = v === null ? null : String(v);
          break;
        default:
          throw new SpError(400, Codes.invalidQuery, `The property '${k}' does not exist on type 'SP.Group'. Make sure to only use property names that are defined by the type.`);
      }
    }
    Object.assign(g, next);
    this.save(g);
  }

  setOwner(g: SiteGroup, ownerId: number): void {
    g.ownerId = ownerId;
    this.save(g);
  }

  remove(id: number): void {
    this.db.transaction(() => {
      this.db.stmt("DELETE FROM _groups WHERE id = ?").run(id);
      this.db.stmt("DELETE FROM _group_members WHERE group_id = ?").run(id);
    });
    this.groups.delete(id);
    this.members.delete(id);
  }

  memberIds(groupId: number): number[] {
    return [...(this.members.get(groupId) ?? [])];
  }

  isMember(groupId: number, userId: number): boolean {
    return this.members.get(groupId)?.has(userId) ?? false;
  }

  addMember(groupId: number, userId: number): void {
    this.db.stmt("INSERT OR IGNORE INTO _group_members (group_id, user_id) VALUES (?, ?)").run(groupId, userId);
    this.members.get(groupId)?.add(userId);
  }

  removeMember(groupId: number, userId: number): void {
    this.db.stmt("DELETE FROM _group_members WHERE group_id = ? AND user_id = ?").run(groupId, userId);
    this.members.get(groupId)?.delete(userId);
  }

  /** The groups any of these principals (a user and the claims they hold) belong to. */
  groupsOf(principalIds: Iterable<number>): number[] {
    const ids = new Set(principalIds);
    return this.all()
      .filter((g) => [...(this.members.get(g.id) ?? [])].some((m) => ids.has(m)))
      .map((g) => g.id);
  }
}
