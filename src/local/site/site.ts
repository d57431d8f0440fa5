/** One site: its database and the stores over it, composed once when the site is opened. */
import { DigestStore } from "../store/digest-store";
import { FieldStore } from "../store/field-store";
import { ItemQuery } from "../store/item-query";
import { ItemStore } from "../store/item-store";
import { ListStore } from "../store/list-store";
import { SiteDb } from "../store/site-db";
import { UserStore } from "../store/user-store";
import { VersionStore } from "../store/version-store";

export class Site {
  readonly db: SiteDb;
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
    threshold: number,
  ) {
    this.db = new SiteDb(file);
    this.users = new UserStore(this.db);
    this.versions = new VersionStore(this.db);
    this.lists = new ListStore(this.db, this.versions);
    this.fields = new FieldStore(this.db, this.lists);
    this.items = new ItemStore(this.db, this.users, this.versions);
    this.query = new ItemQuery(this.db, this.lists, threshold);
    this.digests = new DigestStore(this.db);
  }

  close(): void {
    this.db.close();
  }
}
