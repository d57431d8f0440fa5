/**
 * Working days: Monday to Friday, less bank holidays. The holiday list is always passed in (it is policy data,
 * not a constant) so that a council can add its own closure days.
 */
import { type HolidayList, toHolidaySet } from "./bank-holidays";
import { addDays, isoWeekday } from "./dates";

/** No run of non-working days is this long; a longer search means the holiday list is wrong, not the calendar. */
const MAX_SEARCH_DAYS = 366;

export function isWeekend(date: string): boolean {
  return isoWeekday(date) >= 6;
}

export function isWorkingDay(date: string, holidays: HolidayList): boolean {
  return !isWeekend(date) && !toHolidaySet(holidays).has(date);
}

function step(date: string, holidays: HolidayList, direction: 1 | -1): string {
  const set = toHolidaySet(holidays);
  let d = date;
  for (let i = 0; i <= MAX_SEARCH_DAYS; i++) {
    if (!isWeekend(d) && !set.has(d)) return d;
    d = addDays(d, direction);
  }
  throw new RangeError(`no working day within ${MAX_SEARCH_DAYS} days of ${date}: check the bank holiday list`);
}

/** `date` itself when it is a working day, else the working day before it (Sat 30 Mar 2024 → Thu 28 Mar 2024). */
export function lastWorkingDayOnOrBefore(date: string, holidays: HolidayList): string {
  return step(date, holidays, -1);
}

/** `date` itself when it is a working day, else the next one (Sat 30 Mar 2024 → Tue 2 Apr 2024). */
export function nextWorkingDayOnOrAfter(date: string, holidays: HolidayList): string {
  return step(date, holidays, 1);
}

/**
 * Moves `n` working days from `date` (backwards when n < 0). The start day does not count, so adding 1 to a
 * Friday gives the Monday; n = 0 returns `date` unchanged, even when it is not a working day.
 */
export function addWorkingDays(date: string, n: number, holidays: HolidayList): string {
  if (!Number.isInteger(n)) throw new RangeError(`cannot add ${n} working days: expected a whole number`);
  const set = toHolidaySet(holidays);
  const direction = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(n); left > 0; left--) d = step(addDays(d, direction), set, direction);
  return d;
}

/** The last working day of a month: when a month-precision action is really due. */
export function lastWorkingDayOfMonth(year: number, month: number, holidays: HolidayList): string {
  const nextMonthFirst = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  return lastWorkingDayOnOrBefore(addDays(nextMonthFirst, -1), holidays);
}
