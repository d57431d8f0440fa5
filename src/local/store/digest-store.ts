/**
 * Request digests (`X-RequestDigest`) in SharePoint's format `0x<hex>,<issue time>`, signed with a per-site secret
 * kept in the site's database: valid only for the site that issued them, for a limited time, and still valid
 * after a restart (as SharePoint's survive a server recycle).
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { SiteDb } from "./site-db";

export class DigestStore {
  private readonly secret: string;

  constructor(db: SiteDb) {
    this.secret = db.metaOnce("digestSecret", () => randomBytes(32).toString("hex"));
  }

  private mac(issued: string): Buffer {
    return createHmac("sha512", this.secret).update(issued).digest();
  }

  issue(): string {
    const issued = new Date().toUTCString();
    return `0x${this.mac(issued).toString("hex").toUpperCase()},${issued}`;
  }

  /** True for a digest this site issued less than `maxAgeSeconds` ago. */
  valid(value: string | undefined, maxAgeSeconds: number): boolean {
    const m = /^0x([0-9A-Fa-f]+),(.+)$/.exec(value?.trim() ?? "");
    if (!m) return false;
    const age = Date.now() - Date.parse(m[2]);
    if (!(age >= -60_000 && age <= maxAgeSeconds * 1000)) return false;
    const want = this.mac(m[2]);
    const got = Buffer.from(m[1], "hex");
    return got.length === want.length && timingSafeEqual(got, want);
  }
}
