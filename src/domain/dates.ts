/**
 * Civil-date rules for the plan: due phrases as councils write them, month ends, UK financial years, plan periods.
 * Everything here is calendar arithmetic on ISO dates ("2024-03-31"); no time zones and no clock are involved
 * (Date.UTC is used only as a day counter, never to read the current time). Due phrases ("End of March 2019",
 * "Review by 2018") are read in due-phrases.ts with these rules.
 */
import type { Due } from "./types";

const MS_PER_DAY = 86_400_000;
/** Years outside this range are almost certainly typos ("March 1019") rather than plan dates. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** Full names, the usual three-letter forms and "Sept" (common in council documents). */
export const MONTH_LOOKUP: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((name, i) => {
    const lower = name.toLowerCase();
    const forms = [lower, lower.slice(0, 3)];
    if (lower === "september") forms.push("sept");
    return forms.map((form) => [form, i + 1] as [string, number]);
  }),
);

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Last day (28–31) of month `month` (1–12) of `year`. */
export function lastDayOfMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month ${month} does not exist`);
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function toIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The last day of the month as an ISO date: "a month means its last day". */
export function monthEnd(year: number, month: number): string {
  return toIsoDate(year, month, lastDayOfMonth(year, month));
}

/** Why a year/month/day triple is not a date, or null when it is one. */
export function invalidDateReason(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR) return `year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`;
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  const last = lastDayOfMonth(year, month);
  if (day < 1 || day > last) return `${MONTH_NAMES[month - 1]} ${year} has ${last} days, so day ${day} does not exist`;
  return null;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Splits a strict ISO date; throws RangeError on anything that is not a real calendar date. */
export function parseIsoDate(iso: string): CivilDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`"${iso}" is not a date as YYYY-MM-DD`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const reason = invalidDateReason(year, month, day);
  if (reason) throw new RangeError(`"${iso}" is not a date: ${reason}`);
  return { year, month, day };
}

export function isValidIsoDate(iso: string): boolean {
  try {
    parseIsoDate(iso);
    return true;
  } catch {
    return false;
  }
}

function dayNumber(iso: string): number {
  const { year, month, day } = parseIsoDate(iso);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromDayNumber(n: number): string {
  const d = new Date(n * MS_PER_DAY);
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** `isoDate` plus `n` calendar days (n may be negative). */
export function addDays(isoDate: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`cannot add ${n} days: expected a whole number`);
  return fromDayNumber(dayNumber(isoDate) + n);
}

/** Calendar days from `a` to `b`: positive when b is later ("2024-03-30" → "2024-04-01" is 2). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** ISO weekday of a civil date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(isoDate: string): number {
  const dow = new Date(dayNumber(isoDate) * MS_PER_DAY).getUTCDay();
  return dow === 0 ? 7 : dow;
}

// ---------------------------------------------------------------------------------------------------------------
// Financial years (UK public sector: 1 April – 31 March) and plan periods.

export interface DateRange {
  start: string;
  end: string;
}

/** "2022-23" for any date from 2022-04-01 to 2023-03-31. */
export function financialYearOf(isoDate: string): string {
  const { year, month } = parseIsoDate(isoDate);
  const start = month >= 4 ? year : year - 1;
  return formatFinancialYear(start);
}

export function formatFinancialYear(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/**
 * Reads a financial-year label: "2022-23", "2022/23", "2022–23" (en dash, as Word writes it) or "2022-2023".
 * The second year must follow the first ("2022-24" is not a financial year).
 */
export function parseFinancialYear(label: string): { ok: true; startYear: number } | { ok: false; error: string } {
  const m = /^(\d{4})\s*[-/–—]\s*(\d{2}|\d{4})$/.exec(label.trim());
  if (!m) return { ok: false, error: `"${label}" is not a financial year such as 2022-23` };
  const startYear = Number(m[1]);
  const second = Number(m[2]);
  const expected = m[2].length === 2 ? (startYear + 1) % 100 : startYear + 1;
  if (second !== expected) {
    return {
      ok: false,
      error: `"${label}" is not a financial year: one starting in April ${startYear} is ${formatFinancialYear(startYear)}`,
    };
  }
  if (startYear < MIN_YEAR || startYear > MAX_YEAR) {
    return { ok: false, error: `"${label}": year ${startYear} is outside ${MIN_YEAR}–${MAX_YEAR}` };
  }
  return { ok: true, startYear };
}

/** { start: "2022-04-01", end: "2023-03-31" } for "2022-23"; throws RangeError for anything else ("2022-24"). */
export function financialYearRange(label: string): DateRange {
  const parsed = parseFinancialYear(label);
  if (!parsed.ok) throw new RangeError(parsed.error);
  return { start: toIsoDate(parsed.startYear, 4, 1), end: toIsoDate(parsed.startYear + 1, 3, 31) };
}

export interface Period {
  startYear: number;
  endYear: number;
}

/** A plan's period may not run longer than this: a longer one is a typo ("2017-2071"). */
export const MAX_PERIOD_YEARS = 10;

/**
 * Reads a plan period: "2017-2021", and the short "2017-21" the seeds also use (an en dash is accepted too).
 * Throws RangeError when the end is before the start or the period is longer than ten years.
 */
export function parsePeriod(text: string): Period {
  const m = /^(\d{4})\s*[-–—]\s*(\d{2}|\d{4})$/.exec(text.trim());
  if (!m) throw new RangeError(`"${text}" is not a plan period such as 2017-2021`);
  const startYear = Number(m[1]);
  // "2017-21" means 2021: the short end year is in the same century unless that would put it before the start.
  let endYear = m[2].length === 4 ? Number(m[2]) : Math.floor(startYear / 100) * 100 + Number(m[2]);
  if (m[2].length === 2 && endYear < startYear) endYear += 100;
  if (startYear < MIN_YEAR || startYear > MAX_YEAR) {
    throw new RangeError(`"${text}": year ${startYear} is outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
  if (endYear < startYear) throw new RangeError(`"${text}": the period ends (${endYear}) before it starts (${startYear})`);
  if (endYear - startYear > MAX_PERIOD_YEARS) {
    throw new RangeError(`"${text}": a plan period may be at most ${MAX_PERIOD_YEARS} years`);
  }
  return { startYear, endYear };
}

/** The canonical "2017-2021" form that Plan.period stores. */
export function formatPeriod(period: Period): string {
  return `${period.startYear}-${period.endYear}`;
}

/** "15 June 2024" */
export function formatLongDate(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** For display: "March 2019", "Review by March 2018", "15 June 2024", "Ongoing" (as written) or "No date". */
export function formatDue(due: Due): string {
  if (due.date === null) return due.text.trim() || "No date";
  const { year, month } = parseIsoDate(due.date);
  const when = due.precision === "month" ? `${MONTH_NAMES[month - 1]} ${year}` : formatLongDate(due.date);
  return due.kind === "review-by" ? `Review by ${when}` : when;
}
