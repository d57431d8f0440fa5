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

/** What every site of one server shares. */
export interface SiteOptions {
  threshold: number;
  directory?: Directory;
  /** The zone given to sites created now; a site keeps the zone it was created with. */
  timeZone: SiteTimeZone;
  multiValueFilters: boolean;
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

  constructor(
    file: string,
    readonly name: string,
    readonly options: SiteOptions,
  ) {
    this.db = new SiteDb(file);
    this.timeZone = timeZoneByName(this.db.metaOnce("timeZone", () => options.timeZone.iana));
    this.users = new UserStore(this.db, options.directory);
    this.versions = new VersionStore(this.db);
    this.lists = new ListStore(this.db, this.versions);
    this.fields = new FieldStore(this.db, this.lists);
    this.items = new ItemStore(this.db, this.users, this.versions, this.timeZone);
    this.query = new ItemQuery(this.db, this.lists, options);
    this.digests = new DigestStore(this.db);
  }

  close(): void {
    this.db.close();
  }
}
