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
 * SharePoint names zones by its own numeric Id (OfficeDevPnP.Core.Enums.TimeZone; the description is Windows'); the
 * table below gives each its IANA zone, whose daylight saving rules the runtime knows. A zone the table lacks is
 * followed by its standard bias alone (no daylight saving) and marked approximate, which `eap doctor` reports.
 */
import { SPInstance } from "@pnp/sp";
import { civilDateIn, isKnownTimeZone, zonedMidnight } from "../domain/zoned-time.ts";
import type { SPFI } from "./create-sp.ts";
import { callSharePoint } from "./errors.ts";

/** The council's own zone: the product's calendar (due dates, working days, bank holidays) is Europe/London's. */
export const COUNCIL_TIME_ZONE = "Europe/London";

/** SharePoint's zone Id → IANA zone. */
const IANA_BY_SHAREPOINT_ID: Readonly<Record<number, string>> = {
  2: "Europe/London",
  3: "Europe/Paris",
  4: "Europe/Berlin",
  5: "Europe/Bucharest",
  6: "Europe/Budapest",
  7: "Europe/Minsk",
  8: "America/Sao_Paulo",
  9: "America/Halifax",
  10: "America/New_York",
  11: "America/Chicago",
  12: "America/Denver",
  13: "America/Los_Angeles",
  14: "America/Anchorage",
  15: "Pacific/Honolulu",
  16: "Pacific/Pago_Pago",
  17: "Pacific/Auckland",
  18: "Australia/Brisbane",
  19: "Australia/Adelaide",
  20: "Asia/Tokyo",
  21: "Asia/Singapore",
  22: "Asia/Bangkok",
  23: "Asia/Kolkata",
  24: "Asia/Dubai",
  25: "Asia/Tehran",
  26: "Asia/Baghdad",
  27: "Asia/Jerusalem",
  28: "America/St_Johns",
  29: "Atlantic/Azores",
  30: "Etc/GMT+2",
  31: "Africa/Monrovia",
  32: "America/Cayenne",
  33: "America/La_Paz",
  34: "America/Indiana/Indianapolis",
  35: "America/Bogota",
  36: "America/Regina",
  37: "America/Mexico_City",
  38: "America/Phoenix",
  39: "Etc/GMT+12",
  40: "Pacific/Fiji",
  41: "Pacific/Guadalcanal",
  42: "Australia/Hobart",
  43: "Pacific/Port_Moresby",
  44: "Australia/Darwin",
  45: "Asia/Shanghai",
  46: "Asia/Novosibirsk",
  47: "Asia/Tashkent",
  48: "Asia/Kabul",
  49: "Africa/Cairo",
  50: "Africa/Johannesburg",
  51: "Europe/Moscow",
  53: "Atlantic/Cape_Verde",
  54: "Asia/Baku",
  55: "America/Guatemala",
  56: "Africa/Nairobi",
  57: "Europe/Warsaw",
  58: "Asia/Yekaterinburg",
  59: "Europe/Helsinki",
  60: "America/Nuuk",
  61: "Asia/Yangon",
  62: "Asia/Kathmandu",
  63: "Asia/Irkutsk",
  64: "Asia/Krasnoyarsk",
  65: "America/Santiago",
  66: "Asia/Colombo",
  67: "Pacific/Tongatapu",
  68: "Asia/Vladivostok",
  69: "Africa/Lagos",
  70: "Asia/Yakutsk",
  71: "Asia/Dhaka",
  72: "Asia/Seoul",
  73: "Australia/Perth",
  74: "Asia/Riyadh",
  75: "Asia/Taipei",
  76: "Australia/Sydney",
  77: "America/Chihuahua",
  78: "America/Tijuana",
  79: "Asia/Amman",
  80: "Asia/Beirut",
  81: "America/Manaus",
  82: "Asia/Tbilisi",
  83: "Africa/Windhoek",
  84: "Asia/Yerevan",
  85: "America/Argentina/Buenos_Aires",
  86: "Africa/Casablanca",
  87: "Asia/Karachi",
  88: "America/Caracas",
  89: "Indian/Mauritius",
  90: "America/Montevideo",
  91: "America/Asuncion",
  92: "Asia/Kamchatka",
  93: "Etc/UTC",
  94: "Asia/Ulaanbaatar",
};

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

/** SharePoint's zone as an IANA zone. */
export function siteTimeZoneFrom(info: SharePointTimeZoneInfo): SiteTimeZone {
  const iana = IANA_BY_SHAREPOINT_ID[info.Id];
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
  return callSharePoint("Reading the site's time zone", async () => siteTimeZoneFrom((await SPInstance(sp.web, "RegionalSettings/TimeZone")()) as SharePointTimeZoneInfo));
}

/** Per site (by its web URL): read once, shared by every SPFI of the process, batched ones included. */
const known = new Map<string, Promise<SiteDates>>();

const siteKey = (sp: SPFI) => sp.web.toUrl().replace(/\/_api\/web\/?$/i, "").toLowerCase();

/**
 * The site's dates. The first call for a site reads its time zone (one request; inside a $batch it travels with the
 * batch's other requests); later calls answer from memory. Call it at start-up to make the read happen there.
 */
export function siteDates(sp: SPFI): Promise<SiteDates> {
  const key = siteKey(sp);
  let p = known.get(key);
  if (!p) {
    p = readSiteTimeZone(sp).then((z) => new SiteDates(z));
    known.set(key, p);
    // A failed read (throttled beyond the policy, signed out) is not remembered: the next call tries again.
    p.catch(() => known.delete(key));
  }
  return p;
}

/** Tells the process a site's zone without reading it (a configuration that states it, or a test). */
export function knowSiteTimeZone(siteUrl: string, zone: SiteTimeZone): void {
  known.set(siteUrl.replace(/\/+$/, "").toLowerCase(), Promise.resolve(new SiteDates(zone)));
}
