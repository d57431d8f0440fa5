/**
 * The sites this server serves: each is one `<name>.sqlite` file in the data directory. Sites created in earlier
 * runs come back at start; new ones are created on demand (options.sites, PUT /_local/sites/<name>).
 */
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Site, type SiteOptions } from "./site";

export const SITE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const invalidSiteName = (name: string) => `Invalid site name '${name}': use letters, digits, '-' and '_'.`;

export class SiteRegistry {
  private readonly sites = new Map<string, Site>();

  constructor(
    private readonly dataDir: string,
    private readonly options: SiteOptions,
  ) {
    mkdirSync(dataDir, { recursive: true });
    for (const f of readdirSync(dataDir)) {
      const m = /^(.+)\.sqlite$/.exec(f);
      if (m && SITE_NAME.test(m[1])) this.open(m[1]);
    }
  }

  /** The site, opened (and created) if need be. */
  open(name: string): Site {
    const existing = this.sites.get(name.toLowerCase());
    if (existing) return existing;
    if (!SITE_NAME.test(name)) throw new Error(invalidSiteName(name));
    const site = new Site(join(this.dataDir, `${name.toLowerCase()}.sqlite`), name, this.options);
    this.sites.set(name.toLowerCase(), site);
    return site;
  }

  get(name: string): Site | undefined {
    return this.sites.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.sites.has(name.toLowerCase());
  }

  all(): Site[] {
    return [...this.sites.values()];
  }

  names(): string[] {
    return [...this.sites.values()].map((s) => s.name);
  }

  close(): void {
    for (const s of this.sites.values()) s.close();
    this.sites.clear();
  }
}
