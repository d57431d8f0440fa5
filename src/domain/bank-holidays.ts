/**
 * England and Wales bank holidays, 2017–2030, as data. The regular ones follow the Banking and Financial Dealings
 * Act rules (computed below, Easter included); the one-off changes made by proclamation are listed explicitly.
 * Years not yet proclaimed are the usual rules' prediction: the list is passed into the reminder policy as data,
 * so a council can correct it (or add a local closure day) without a code change.
 */
import { addDays, isoWeekday, lastDayOfMonth, toIsoDate } from "./dates";

export interface BankHoliday {
  date: string;
  name: string;
}

export const BANK_HOLIDAY_FIRST_YEAR = 2017;
export const BANK_HOLIDAY_LAST_YEAR = 2030;

/** Easter Sunday (Gregorian), by the anonymous "Meeus/Jones/Butcher" algorithm. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIsoDate(year, month, day);
}

function firstMonday(year: number, month: number): string {
  const first = toIsoDate(year, month, 1);
  return addDays(first, (8 - isoWeekday(first)) % 7);
}

function lastMonday(year: number, month: number): string {
  const last = toIsoDate(year, month, lastDayOfMonth(year, month));
  return addDays(last, -((isoWeekday(last) + 6) % 7));
}

/** One-off moves and additions, by proclamation. */
const MOVED: Readonly<Record<string, BankHoliday>> = {
  // Early May bank holiday moved to Friday for the 75th anniversary of VE Day.
  "2020:early-may": { date: "2020-05-08", name: "Early May bank holiday (VE day)" },
  // Spring bank holiday moved to Thursday for the Platinum Jubilee.
  "2022:spring": { date: "2022-06-02", name: "Spring bank holiday" },
};
const EXTRA: readonly BankHoliday[] = [
  { date: "2022-06-03", name: "Platinum Jubilee bank holiday" },
  { date: "2022-09-19", name: "Bank Holiday for the State Funeral of Queen Elizabeth II" },
  { date: "2023-05-08", name: "Bank holiday for the coronation of King Charles III" },
];

/** The holidays of one year by the standing rules plus the proclaimed changes above. */
export function bankHolidaysForYear(year: number): BankHoliday[] {
  const list: BankHoliday[] = [];
  const add = (date: string, name: string) => list.push({ date, name });

  // New Year's Day: a weekend 1 January gives a substitute on the following Monday.
  const newYear = toIsoDate(year, 1, 1);
  const nyDow = isoWeekday(newYear);
  if (nyDow === 6) add(addDays(newYear, 2), "New Year’s Day (substitute day)");
  else if (nyDow === 7) add(addDays(newYear, 1), "New Year’s Day (substitute day)");
  else add(newYear, "New Year’s Day");

  const easter = easterSunday(year);
  add(addDays(easter, -2), "Good Friday");
  add(addDays(easter, 1), "Easter Monday");

  add(MOVED[`${year}:early-may`]?.date ?? firstMonday(year, 5), "Early May bank holiday");
  add(MOVED[`${year}:spring`]?.date ?? lastMonday(year, 5), "Spring bank holiday");
  add(lastMonday(year, 8), "Summer bank holiday");

  // Christmas and Boxing Day: a day falling at the weekend is replaced by the next weekday not already a holiday.
  const christmas = toIsoDate(year, 12, 25);
  const boxing = toIsoDate(year, 12, 26);
  const cDow = isoWeekday(christmas);
  if (cDow <= 4) {
    add(christmas, "Christmas Day");
    add(boxing, "Boxing Day");
  } else if (cDow === 5) {
    add(christmas, "Christmas Day");
    add(addDays(boxing, 2), "Boxing Day (substitute day)"); // Sat 26 → Mon 28
  } else if (cDow === 6) {
    add(addDays(christmas, 2), "Christmas Day (substitute day)"); // Mon 27
    add(addDays(boxing, 2), "Boxing Day (substitute day)"); // Tue 28
  } else {
    add(boxing, "Boxing Day"); // Mon 26
    add(addDays(christmas, 2), "Christmas Day (substitute day)"); // Tue 27
  }

  for (const extra of EXTRA) if (extra.date.startsWith(`${year}-`)) list.push({ ...extra });
  return list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

function buildList(): readonly BankHoliday[] {
  const all: BankHoliday[] = [];
  for (let y = BANK_HOLIDAY_FIRST_YEAR; y <= BANK_HOLIDAY_LAST_YEAR; y++) all.push(...bankHolidaysForYear(y));
  return Object.freeze(all.map((h) => Object.freeze(h)));
}

/** England and Wales bank holidays 2017–2030, sorted by date. */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = buildList();

/** Just the dates, the shape the reminder policy stores. */
export const ENGLAND_AND_WALES_BANK_HOLIDAY_DATES: readonly string[] = Object.freeze(
  ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => h.date),
);

/** A holiday list as the policy holds it (dates), as this module exports it (dates with names), or pre-indexed. */
export type HolidayList = ReadonlySet<string> | ReadonlyArray<string | BankHoliday>;

/** Indexes a holiday list once, so that repeated look-ups in a reminder run are O(1). */
export function toHolidaySet(list: HolidayList): ReadonlySet<string> {
  if (list instanceof Set) return list;
  return new Set((list as ReadonlyArray<string | BankHoliday>).map((h) => (typeof h === "string" ? h : h.date)));
}

export function isBankHoliday(date: string, list: HolidayList): boolean {
  return toHolidaySet(list).has(date);
}
