/**
 * Instants seen from Europe/London. Due dates are UK civil dates, so "is it overdue?" and "is it a working day?"
 * must be asked of the London calendar, not UTC: during BST, 23:30 UTC on 31 March is already 1 April in London.
 * The time-zone rules come from the runtime's ICU data via Intl; nothing here reads the clock.
 */
import { addDays, daysBetween, parseIsoDate } from "./dates";

export const LONDON_TIME_ZONE = "Europe/London";

// One formatter, built once: constructing Intl formatters is expensive and the reminder run calls this per action.
const formatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

export interface LondonParts {
  /** Civil date, YYYY-MM-DD. */
  date: string;
  hour: number;
  minute: number;
  second: number;
}

function toDate(instant: Date | string): Date {
  const d = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) throw new RangeError(`"${String(instant)}" is not a valid instant`);
  return d;
}

/** The wall-clock reading in London at `instant`. */
export function londonParts(instant: Date | string): LondonParts {
  const parts: Record<string, string> = {};
  for (const p of formatter.formatToParts(toDate(instant))) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    // Some ICU versions print midnight as "24" even with h23; normalise it.
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The civil date in London at `instant` ("2024-03-31T23:30:00Z" → "2024-04-01", because BST has begun). */
export function londonDate(instant: Date | string): string {
  return londonParts(instant).date;
}

/** The hour (0–23) on London clocks. */
export function londonHour(instant: Date | string): number {
  return londonParts(instant).hour;
}

/** "HH:MM" on London clocks, for comparing with quiet hours. */
export function londonTimeOfDay(instant: Date | string): string {
  const { hour, minute } = londonParts(instant);
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** ISO weekday of the London civil date: 1 = Monday … 7 = Sunday. */
export function londonWeekday(instant: Date | string): number {
  const dow = new Date(`${londonDate(instant)}T12:00:00Z`).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/** Minutes London is ahead of UTC at `instant`: 0 in GMT, 60 in BST. */
export function londonOffsetMinutes(instant: Date | string): number {
  const d = toDate(instant);
  const p = londonParts(d);
  const wall = Date.UTC(...ymd(p.date), p.hour, p.minute, p.second);
  return Math.round((wall - Math.floor(d.getTime() / 1000) * 1000) / 60_000);
}

function ymd(isoDate: string): [number, number, number] {
  const { year, month, day } = parseIsoDate(isoDate);
  return [year, month - 1, day];
}

/**
 * The instant at which London clocks show `hh:mm` on `isoDate`, as an ISO string (UTC).
 * In the spring-forward gap (01:00–02:00 on the last Sunday of March) the time does not exist and the result is
 * the moment clocks jump (same as reading the wall time as GMT); in the autumn overlap the earlier (BST) one wins.
 */
export function londonWallTimeToInstant(isoDate: string, hour: number, minute: number): string {
  const wall = Date.UTC(...ymd(isoDate), hour, minute);
  // London is UTC+0 or UTC+1; try BST first so that in the overlap the earlier instant is chosen.
  for (const offset of [60, 0]) {
    const candidate = new Date(wall - offset * 60_000);
    const p = londonParts(candidate);
    if (p.date === isoDate && p.hour === hour && p.minute === minute) return candidate.toISOString();
  }
  return new Date(wall).toISOString();
}

/** The instant of 00:00 London time on `isoDate` ("2024-07-01" → "2024-06-30T23:00:00.000Z"). */
export function londonMidnightToInstant(isoDate: string): string {
  return londonWallTimeToInstant(isoDate, 0, 0);
}

/** Whole London calendar days from instant `a` to instant `b` (clock changes do not make a day 23 or 25 long). */
export function londonDaysBetween(a: Date | string, b: Date | string): number {
  return daysBetween(londonDate(a), londonDate(b));
}

/** The London civil date `n` days after the London date of `instant`. */
export function londonDatePlusDays(instant: Date | string, n: number): string {
  return addDays(londonDate(instant), n);
}
