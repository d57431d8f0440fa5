/**
 * The site's regional time zone, and date-only values read and written in it.
 *
 * SharePoint keeps a date-only value (`Format="DateOnly"`) as the local midnight of its day in the site's regional
 * time zone, in UTC, and hands it back that way: London keeps 30 June as `…06-29T23:00:00Z` in summer, New York as
 * `…06-30T04:00:00Z`, Auckland as `…06-29T12:00:00Z`. Writing `T00:00:00Z` and slicing the string moves every due
 * date a day on any site west of UTC, and a day filter built that way misses. So dates are written as the site's
 * local midnight and read back in the site's zone, and the zone is read once per site (`GET
 * web/RegionalSettings/TimeZone`) and kept for the life of the process.
 *
 * SharePoint names zones by its own numeric Id (OfficeDevPnP.Core.Enums.TimeZone; the description is Windows'); a
 * table (time-zone-ids.ts) gives each its IANA zone, whose daylight saving rules the runtime knows. A zone the table
 * lacks is followed by its standard bias alone (no daylight saving) and marked approximate, which `eap doctor`
 * reports.
 */
import { SPInstance } from "@pnp/sp";
import { civilDateIn, isKnownTimeZone, zonedMidnight } from "../domain/zoned-time.ts";
import type { SPFI } from "./create-sp.ts";
import { callSharePoint } from "./errors.ts";

/** The council's own zone: the product's calendar (due dates, working days, bank holidays) is Europe/London's. */
export const COUNCIL_TIME_ZONE = "Europe/London";

/** `web/RegionalSettings/TimeZone` as SharePoint answers it. */
export interface SharePointTimeZoneInfo {
  Id: number;
  Description: string;
  Information?: { Bias: number; DaylightBias: number; StandardBias: number };
}

export interface SiteTimeZone {
  /** SharePoint's own zone Id (2 = London). */
  id: number;
  description: string;
  /** The IANA zone followed (or a fixed offset, Etc/GMT±N, when approximate). */
  iana: string;
  /** True when SharePoint's zone is not in our table and only its standard bias is followed. */
  approximate: boolean;
}

/** SharePoint's zone Id for the council's own zone, "(UTC) Dublin, Edinburgh, Lisbon, London". */
const LONDON_ID = 2;

/** SharePoint's zone as an IANA zone, by `table` (time-zone-ids.ts; London is known without it). */
export function siteTimeZoneFrom(info: SharePointTimeZoneInfo, table: Readonly<Record<number, string>> = { [LONDON_ID]: COUNCIL_TIME_ZONE }): SiteTimeZone {
  const iana = table[info.Id];
  if (iana && isKnownTimeZone(iana)) return { id: info.Id, description: info.Description, iana, approximate: false };
  // UTC = local + Bias: a bias of 300 is UTC-5, which IANA spells Etc/GMT+5. Whole hours only.
  const hours = Math.round((info.Information?.Bias ?? 0) / 60);
  const fixed = hours === 0 ? "Etc/UTC" : `Etc/GMT${hours > 0 ? "+" : "-"}${Math.abs(hours)}`;
  return { id: info.Id, description: info.Description, iana: fixed, approximate: true };
}

/** Date-only values of one site: written as its local midnight, read as its calendar day. */
export class SiteDates {
  readonly zone: SiteTimeZone;
  constructor(zone: SiteTimeZone) {
    this.zone = zone;
  }

  /** A civil date (YYYY-MM-DD) as the instant SharePoint keeps for it on this site: the day's local midnight. */
  toSpDate(isoDate: string | null | undefined): string | null {
    return isoDate ? new Date(zonedMidnight(this.zone.iana, isoDate)).toISOString().replace(/\.\d{3}Z$/, "Z") : null;
  }

  /** The civil date a stored date-only value stands for on this site. */
  fromSpDate(value: unknown): string | null {
    if (typeof value !== "string" || value === "") return null;
    const t = Date.parse(value);
    return Number.isNaN(t) ? null : civilDateIn(this.zone.iana, t);
  }

  /** Whether this site keeps days the way the council counts them (Europe/London). */
  get isCouncilZone(): boolean {
    return this.zone.iana === COUNCIL_TIME_ZONE;
  }
}

export async function readSiteTimeZone(sp: SPFI): Promise<SiteTimeZone> {
  return callSharePoint("Reading the site's time zone", async () => {
    const info = (await SPInstance(sp.web, "RegionalSettings/TimeZone")()) as SharePointTimeZoneInfo;
    if (info.Id === LONDON_ID) return siteTimeZoneFrom(info);
    return siteTimeZoneFrom(info, (await import("./time-zone-ids.ts")).IANA_BY_SHAREPOINT_ID);
  });
}

/** Per site (by its web URL): once read, shared by every SPFI of the process, batched ones included. */
const known = new Map<string, SiteDates>();
/**
 * Reads in flight, per SPFI instance: a read that travels inside a $batch settles only when that batch does, so a
 * caller outside the batch (the action page opened while the first view's batch is still on its way) must not wait
 * for it; it reads for itself, and whichever answer comes first is remembered.
 */
const reading = new WeakMap<SPFI, Promise<SiteDates>>();

const siteKey = (sp: SPFI) => sp.web.toUrl().replace(/\/_api\/web\/?$/i, "").toLowerCase();

/**
 * The site's dates. The first call for a site reads its time zone (one request; inside a $batch it travels with the
 * batch's other requests); later calls answer from memory. Call it at start-up to make the read happen there.
 */
export function siteDates(sp: SPFI): Promise<SiteDates> {
  const key = siteKey(sp);
  const done = known.get(key);
  if (done) return Promise.resolve(done);
  let p = reading.get(sp);
  if (!p) {
    p = readSiteTimeZone(sp).then((z) => {
      const dates = known.get(key) ?? new SiteDates(z);
      known.set(key, dates);
      return dates;
    });
    reading.set(sp, p);
    // A failed read (throttled beyond the policy, signed out) is not remembered: the next call tries again.
    p.then(
      () => reading.delete(sp),
      () => reading.delete(sp),
    );
  }
  return p;
}

/**
 * A read whose items carry date-only values: the read is sent at once and the site's zone (when not yet known) is
 * read beside it, so a cold site costs no extra round trip and, inside a batched SPFI, both travel in its $batch
 * (awaiting the zone first would hold the read back until a batch that never comes).
 */
export async function withSiteDates<T, R>(sp: SPFI, read: Promise<T>, map: (value: T, dates: SiteDates) => R): Promise<R> {
  const [value, dates] = await Promise.all([read, siteDates(sp)]);
  return map(value, dates);
}

/** Tells the process a site's zone without reading it (a configuration that states it, or a test). */
export function knowSiteTimeZone(siteUrl: string, zone: SiteTimeZone): void {
  known.set(siteUrl.replace(/\/+$/, "").toLowerCase(), new SiteDates(zone));
}
