/** One site: its database, its regional settings and the stores over it, composed once when the site is opened. */
import type { Directory } from "../directory/directory";
import { type SiteTimeZone, timeZoneByName } from "../model/time-zones";
import { DigestStore } from "../store/digest-store";
import { FieldStore } from "../store/field-store";
import { ItemQuery } from "../store/item-query";
import { ItemStore } from "../store/item-store";
import { ListStore } from "../store/list-store";
import { SiteDb } from "../store/site-db";
import { UserStore } from "../store/user-store";
import { VersionStore } from "../store/version-store";
import { ROLE } from "../security/permissions";
import { GrantStore } from "../store/grant-store";
import { DEFAULT_GROUP_IDS, GroupStore } from "../store/group-store";
import { RoleStore, WEB_SCOPE } from "../store/role-store";

/** What every site of one server shares. */
export interface SiteOptions {
  threshold: number;
  directory?: Directory;
  /** The zone given to sites created now; a site keeps the zone it was created with. */
  timeZone: SiteTimeZone;
  multiValueFilters: boolean;
  /** With a directory: whether "Everyone except external users" is in the Members group of new sites. */
  siteMembers: "everyone" | "none";
}

export class Site {
  readonly db: SiteDb;
  readonly timeZone: SiteTimeZone;
  readonly users: UserStore;
  readonly versions: VersionStore;
  readonly lists: ListStore;
  readonly fields: FieldStore;
  readonly items: ItemStore;
  readonly query: ItemQuery;
  readonly digests: DigestStore;
  readonly roles: RoleStore;
  readonly groups: GroupStore;
  readonly grants: GrantStore;

  constructor(
    file: string,
    readonly name: string,
    readonly options: SiteOptions,
  ) {
    this.db = new SiteDb(file);
    this.timeZone = timeZoneByName(this.db.metaOnce("timeZone", () => options.timeZone.iana));
    this.users = new UserStore(this.db, options.directory);
    this.roles = new RoleStore(this.db);
    this.groups = new GroupStore(this.db, this.users);
    this.grants = new GrantStore(this.db);
    this.versions = new VersionStore(this.db);
    this.lists = new ListStore(this.db, this.versions, this.roles);
    this.fields = new FieldStore(this.db, this.lists);
    this.items = new ItemStore(this.db, this.users, this.versions, this.timeZone, this.roles);
    this.query = new ItemQuery(this.db, this.lists, options);
    this.digests = new DigestStore(this.db);
    this.provisionSecurity();
  }

  /**
   * A new site's security, as a new team site's: Owners (Full Control), Members (Edit) and Visitors (Read) on the
   * web; the site collection administrator in Owners; with a directory, "Everyone except external users" in
   * Members unless told otherwise (a council's staff are members of its site).
   */
  private provisionSecurity(): void {
    const admin = this.options.directory ? this.users.all().find((u) => u.isSiteAdmin && u.principalType === 1 && u.upn) : undefined;
    const everyone = this.options.directory && this.options.siteMembers === "everyone" ? this.users.everyone().id : undefined;
    if (!this.groups.ensureDefaults(this.name, admin?.id, everyone)) return;
    this.roles.makeUnique(WEB_SCOPE, new Map<number, Set<number>>([
      [DEFAULT_GROUP_IDS.owners, new Set([ROLE.fullControl])],
      [DEFAULT_GROUP_IDS.members, new Set([ROLE.edit])],
      [DEFAULT_GROUP_IDS.visitors, new Set([ROLE.read])],
    ]));
  }

  close(): void {
    this.db.close();
  }
}
