/**
 * A site's regional time zone, as SharePoint describes it (`/_api/web/RegionalSettings/TimeZone`: its own numeric
 * Id, a Windows-style Description and Bias/DaylightBias/StandardBias in minutes, UTC = local + Bias + DST bias), and
 * the one rule that matters for lists: a date-only value is kept as the local midnight of its civil date in that
 * zone, expressed in UTC. The daylight saving rules come from the IANA zone (Intl), not from the biases.
 *
 * Ids and descriptions: SharePoint's zone table as published by PnP (OfficeDevPnP.Core.Enums.TimeZone; pnp/pnpcore
 * TimeZone.cs), e.g. 2 = "(UTC) Dublin, Edinburgh, Lisbon, London" (GMT with British Summer Time, not UTC), 93 = UTC.
 */
export interface SiteTimeZone {
  iana: string;
  id: number;
  description: string;
  bias: number;
  daylightBias: number;
  standardBias: number;
}

const ZONES: SiteTimeZone[] = [
  { iana: "Europe/London", id: 2, description: "(UTC) Dublin, Edinburgh, Lisbon, London", bias: 0, daylightBias: -60, standardBias: 0 },
  { iana: "Etc/UTC", id: 93, description: "(UTC) Coordinated Universal Time", bias: 0, daylightBias: 0, standardBias: 0 },
  { iana: "Europe/Paris", id: 3, description: "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris", bias: -60, daylightBias: -60, standardBias: 0 },
  { iana: "Europe/Berlin", id: 4, description: "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", bias: -60, daylightBias: -60, standardBias: 0 },
  { iana: "America/New_York", id: 10, description: "(UTC-05:00) Eastern Time (US and Canada)", bias: 300, daylightBias: -60, standardBias: 0 },
  { iana: "America/Chicago", id: 11, description: "(UTC-06:00) Central Time (US and Canada)", bias: 360, daylightBias: -60, standardBias: 0 },
  { iana: "America/Denver", id: 12, description: "(UTC-07:00) Mountain Time (US and Canada)", bias: 420, daylightBias: -60, standardBias: 0 },
  { iana: "America/Los_Angeles", id: 13, description: "(UTC-08:00) Pacific Time (US and Canada)", bias: 480, daylightBias: -60, standardBias: 0 },
  { iana: "Pacific/Auckland", id: 17, description: "(UTC+12:00) Auckland, Wellington", bias: -720, daylightBias: -60, standardBias: 0 },
  { iana: "Australia/Sydney", id: 76, description: "(UTC+10:00) Canberra, Melbourne, Sydney", bias: -600, daylightBias: -60, standardBias: 0 },
];
const ALIASES: Record<string, string> = { utc: "Etc/UTC", "etc/gmt": "Etc/UTC", gmt: "Etc/UTC" };

export const SUPPORTED_TIME_ZONES = ZONES.map((z) => z.iana);

/** The zone for an IANA name, or an Error listing the supported ones. */
export function timeZoneByName(name: string): SiteTimeZone {
  const key = ALIASES[name.toLowerCase()] ?? name;
  const z = ZONES.find((x) => x.iana.toLowerCase() === key.toLowerCase());
  if (!z) throw new Error(`Unsupported time zone '${name}': use one of ${SUPPORTED_TIME_ZONES.join(", ")} (IANA names; UTC also accepted).`);
  return z;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(iana: string): Intl.DateTimeFormat {
  let f = formatters.get(iana);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone: iana, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(iana, f);
  }
  return f;
}

/** The zone's wall clock at instant `t`, read as if it were UTC (so its difference from `t` is the offset). */
function wallClock(iana: string, t: number): { y: number; m: number; d: number; ms: number } {
  const parts = Object.fromEntries(formatter(iana).formatToParts(new Date(t)).map((p) => [p.type, p.value]));
  const y = Number(parts.year);
  const m = Number(parts.month);
  const d = Number(parts.day);
  return { y, m, d, ms: Date.UTC(y, m - 1, d, Number(parts.hour), Number(parts.minute), Number(parts.second)) };
}

/** Minutes to add to local time to get UTC at instant `t` (Bias + StandardBias or DaylightBias). */
export function utcOffsetMinutes(zone: SiteTimeZone, t: number): number {
  const local = wallClock(zone.iana, t).ms;
  return Math.round((Math.floor(t / 1000) * 1000 - local) / 60000);
}

/**
 * Date-only storage: the civil date `t` falls on in the site's zone, at that day's local midnight, in UTC.
 * E.g. London, 2026-06-30T00:00:00Z (01:00 BST on 30 June) -> 2026-06-29T23:00:00Z.
 */
export function localMidnightUtc(zone: SiteTimeZone, t: number): number {
  const { y, m, d } = wallClock(zone.iana, t);
  const midnightAsUtc = Date.UTC(y, m - 1, d);
  // Local midnight = midnight-as-UTC + offset; the offset at local midnight may differ from the one at `t`.
  let guess = midnightAsUtc + utcOffsetMinutes(zone, midnightAsUtc) * 60000;
  guess = midnightAsUtc + utcOffsetMinutes(zone, guess) * 60000;
  return guess;
}

/** `$metadata`-style SP.TimeZone properties. */
export function timeZoneProps(zone: SiteTimeZone): Record<string, unknown> {
  return { Description: zone.description, Id: zone.id, Information: { Bias: zone.bias, DaylightBias: zone.daylightBias, StandardBias: zone.standardBias } };
}
