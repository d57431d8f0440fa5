/**
 * Civil dates in any IANA time zone: which calendar day an instant falls on there, and the instant a day begins.
 * SharePoint keeps a date-only value as the local midnight of its day in the site's regional time zone (in UTC), so
 * a site in New York keeps 30 June as 04:00Z on 30 June and one in Auckland as 12:00Z on 29 June; only these two
 * conversions, with the site's zone, give the day back. The rules come from the runtime's ICU data via Intl.
 */
import { parseIsoDate } from "./dates";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: constructing Intl formatters is expensive and a plan has thousands of dates. */
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(zone, f);
  }
  return f;
}

/** True when the runtime knows the IANA zone. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's wall clock at `t` (ms), read as if it were UTC. */
function wallClock(zone: string, t: number): { date: string; asUtc: number } {
  const p: Record<string, string> = {};
  for (const part of formatter(zone).formatToParts(new Date(t))) p[part.type] = part.value;
  const date = `${p.year}-${p.month}-${p.day}`;
  return { date, asUtc: Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute), Number(p.second)) };
}

/** Minutes the zone is ahead of UTC at `t` (60 in British Summer Time, -240 in New York's summer). */
export function zoneOffsetMinutes(zone: string, t: number): number {
  return Math.round((wallClock(zone, t).asUtc - Math.floor(t / 1000) * 1000) / 60_000);
}

/** The calendar date (YYYY-MM-DD) in `zone` at instant `t` (ms or ISO string). */
export function civilDateIn(zone: string, t: number | string): string {
  const ms = typeof t === "string" ? Date.parse(t) : t;
  if (Number.isNaN(ms)) throw new RangeError(`"${String(t)}" is not a valid instant`);
  return wallClock(zone, ms).date;
}

/**
 * The instant (ms) at which `isoDate` begins in `zone`. Where a clock change skips midnight (some zones spring
 * forward at 00:00), the day begins at the first instant it exists.
 */
export function zonedMidnight(zone: string, isoDate: string): number {
  const { year, month, day } = parseIsoDate(isoDate);
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  // Local midnight = midnight read as UTC - offset; the offset at midnight may differ from the one at the guess.
  let guess = midnightAsUtc - zoneOffsetMinutes(zone, midnightAsUtc) * 60_000;
  guess = midnightAsUtc - zoneOffsetMinutes(zone, guess) * 60_000;
  // In a gap, the guess lands on the previous day's late evening or the next day: step to the day's first hour.
  if (civilDateIn(zone, guess) !== isoDate) {
    for (let h = 0; h < 48 && civilDateIn(zone, guess) !== isoDate; h++) guess += civilDateIn(zone, guess) < isoDate ? 3_600_000 : -3_600_000;
  }
  return guess;
}
