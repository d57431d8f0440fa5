/**
 * The periods an indicator's values are recorded for, by its frequency, in the UK public sector's calendar:
 *  - monthly: calendar months, id "2022-04", shown "April 2022";
 *  - quarterly: financial quarters, id "2022-23-Q1", shown "Q1 2022-23" (Q1 = April to June, Q4 = January to March);
 *  - annual: financial years, id "2022-23", shown "2022-23" (1 April 2022 to 31 March 2023).
 * Ids of one frequency sort as text in time order, which the lists and the exports rely on.
 *
 * Reading a period as people type it is frequency-first: "2011-12" is the financial year 2011-12 for an annual
 * indicator and December 2011 for a monthly one. A period of another kind is refused with a message that says what
 * it is and what this indicator wants ("2022-04 is a month; this indicator is annual: give a financial year such as
 * 2022-23"). Pure calendar arithmetic; the clock is passed in where "today" matters.
 */
import { addDays, formatFinancialYear, lastDayOfMonth, MAX_YEAR, MIN_YEAR, MONTH_NAMES, parseFinancialYear, parseIsoDate, toIsoDate } from "./dates.ts";
import type { IndicatorFrequency } from "./measure-constants.ts";

/** Read-only: the same object is handed out for the same period (roll-ups ask for the same few thousands of times). */
export interface IndicatorPeriod {
  /** "2022-04", "2022-23-Q1", "2022-23". */
  readonly id: string;
  readonly frequency: IndicatorFrequency;
  /** First and last civil dates of the period. */
  readonly start: string;
  readonly end: string;
  /** "April 2022", "Q1 2022-23", "2022-23". */
  readonly label: string;
}

/**
 * Memo of the pure period functions by their arguments. A plan has a few hundred distinct periods and dates, so
 * the dashboard's 30,000 judgements mostly hit it; it is emptied when it grows past a bound, never unbounded.
 */
const memo = new Map<string, IndicatorPeriod | null>();
function remembered(key: string, make: () => IndicatorPeriod | null): IndicatorPeriod | null {
  if (memo.has(key)) return memo.get(key) ?? null;
  if (memo.size >= 10_000) memo.clear();
  const p = make();
  memo.set(key, p);
  return p;
}

export type PeriodParse = { ok: true; period: IndicatorPeriod } | { ok: false; error: string };

/** Month names, their three-letter forms and "sept", as council documents write them. */
const SHORT_MONTHS = new Map<string, number>([
  ...MONTH_NAMES.flatMap((name, i) => [[name.toLowerCase(), i + 1] as const, [name.slice(0, 3).toLowerCase(), i + 1] as const]),
  ["sept", 9],
]);

function month(year: number, m: number): IndicatorPeriod {
  return {
    id: `${year}-${String(m).padStart(2, "0")}`,
    frequency: "monthly",
    start: toIsoDate(year, m, 1),
    end: toIsoDate(year, m, lastDayOfMonth(year, m)),
    label: `${MONTH_NAMES[m - 1]} ${year}`,
  };
}

/** Financial quarter q (1–4) of the financial year starting in April of `startYear`. */
function quarter(startYear: number, q: number): IndicatorPeriod {
  const firstMonth = ((q - 1) * 3 + 4 - 1) % 12; // 0-based: Q1 → April (3), Q4 → January (0)
  const year = q === 4 ? startYear + 1 : startYear;
  const lastMonth = firstMonth + 3; // 1-based month of the quarter's last month
  const fy = formatFinancialYear(startYear);
  return {
    id: `${fy}-Q${q}`,
    frequency: "quarterly",
    start: toIsoDate(year, firstMonth + 1, 1),
    end: toIsoDate(year, lastMonth, lastDayOfMonth(year, lastMonth)),
    label: `Q${q} ${fy}`,
  };
}

function year(startYear: number): IndicatorPeriod {
  const fy = formatFinancialYear(startYear);
  return { id: fy, frequency: "annual", start: toIsoDate(startYear, 4, 1), end: toIsoDate(startYear + 1, 3, 31), label: fy };
}

/** The period of `frequency` that contains the civil date `isoDate`. */
export function periodOf(frequency: IndicatorFrequency, isoDate: string): IndicatorPeriod {
  return remembered(`of ${frequency} ${isoDate}`, () => computePeriodOf(frequency, isoDate)) as IndicatorPeriod;
}

function computePeriodOf(frequency: IndicatorFrequency, isoDate: string): IndicatorPeriod {
  const { year: y, month: m } = parseIsoDate(isoDate);
  const fyStart = m >= 4 ? y : y - 1;
  if (frequency === "monthly") return month(y, m);
  if (frequency === "annual") return year(fyStart);
  return quarter(fyStart, m >= 4 ? Math.floor((m - 4) / 3) + 1 : 4);
}

/** The period after `p`. */
export function nextIndicatorPeriod(p: IndicatorPeriod): IndicatorPeriod {
  return periodOf(p.frequency, addDays(p.end, 1));
}

/** The period before `p`. */
export function previousIndicatorPeriod(p: IndicatorPeriod): IndicatorPeriod {
  return periodOf(p.frequency, addDays(p.start, -1));
}

/** Periods from `first` to `last` inclusive (none when last is before first). */
export function periodsBetween(first: IndicatorPeriod, last: IndicatorPeriod): IndicatorPeriod[] {
  const out: IndicatorPeriod[] = [];
  for (let p = first; p.start <= last.start; p = nextIndicatorPeriod(p)) out.push(p);
  return out;
}

const inYears = (y: number) => y >= MIN_YEAR && y <= MAX_YEAR;

/** The canonical id of a stored period, read back strictly; null when it is not one of `frequency`. */
export function periodFromId(frequency: IndicatorFrequency, id: string): IndicatorPeriod | null {
  return remembered(`id ${frequency} ${id}`, () => computeFromId(frequency, id));
}

function computeFromId(frequency: IndicatorFrequency, id: string): IndicatorPeriod | null {
  if (frequency === "monthly") {
    const m = /^(\d{4})-(\d{2})$/.exec(id);
    if (!m) return null;
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return inYears(y) && mo >= 1 && mo <= 12 ? month(y, mo) : null;
  }
  if (frequency === "quarterly") {
    const m = /^(\d{4}-\d{2})-Q([1-4])$/.exec(id);
    const fy = m ? parseFinancialYear(m[1]) : null;
    return m && fy?.ok ? quarter(fy.startYear, Number(m[2])) : null;
  }
  if (!/^\d{4}-\d{2}$/.test(id)) return null;
  const fy = parseFinancialYear(id);
  return fy.ok ? year(fy.startYear) : null;
}

type Reading = { kind: "month" | "quarter" | "year" | "date" | "calendar-quarter"; period?: IndicatorPeriod; error?: string };

const FY = String.raw`(\d{4}\s*[-/–—]\s*\d{2,4})`;

/** What kinds of period the text could be, each read independently of the indicator's frequency. */
function readings(text: string): Reading[] {
  const s = text.trim().replace(/\s+/g, " ");
  const out: Reading[] = [];
  let m: RegExpExecArray | null;

  // Quarters: "2022-23 Q1", "Q1 2022-23", "2022/23 Q1", the stored "2022-23-Q1".
  m = new RegExp(`^${FY}\\s*-?\\s*q([1-4])$`, "i").exec(s) ?? new RegExp(`^q([1-4])\\s*-?\\s*${FY}$`, "i").exec(s);
  if (m) {
    const [fyText, q] = /^q/i.test(s) ? [m[2], m[1]] : [m[1], m[2]];
    const fy = parseFinancialYear(fyText);
    out.push(fy.ok ? { kind: "quarter", period: quarter(fy.startYear, Number(q)) } : { kind: "quarter", error: fy.error });
    return out;
  }
  if (/^q[1-4]\s*\d{4}$|^\d{4}\s*q[1-4]$/i.test(s)) return [{ kind: "calendar-quarter" }];

  // Dates: a day is not a period.
  if (/^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}[/.]\d{1,2}[/.]\d{4}$/.test(s)) return [{ kind: "date" }];

  // Financial years: "2022-23", "2022/23", "2022-2023".
  const fy = parseFinancialYear(s);
  if (fy.ok) out.push({ kind: "year", period: year(fy.startYear) });
  const fyShaped = new RegExp(`^${FY}$`).test(s);

  // Months: "2022-04", "04/2022", "April 2022", "Apr 2022".
  const iso = /^(\d{4})-(\d{1,2})$/.exec(s);
  const uk = /^(\d{1,2})\/(\d{4})$/.exec(s);
  const numeric = iso ? [Number(iso[1]), Number(iso[2])] : uk ? [Number(uk[2]), Number(uk[1])] : null;
  if (numeric && numeric[1] >= 1 && numeric[1] <= 12 && inYears(numeric[0])) out.push({ kind: "month", period: month(numeric[0], numeric[1]) });
  m = /^([a-z]+)\.? (\d{4})$/i.exec(s);
  if (m) {
    const mo = SHORT_MONTHS.get(m[1].toLowerCase());
    if (mo !== undefined && inYears(Number(m[2]))) out.push({ kind: "month", period: month(Number(m[2]), mo) });
  }
  // "2022-24" is neither a month nor a financial year: say what a financial year is.
  if (!fy.ok && fyShaped && out.length === 0) out.push({ kind: "year", error: fy.error });
  return out;
}

const WANTS: Record<IndicatorFrequency, string> = {
  monthly: "give a month such as April 2022 or 2022-04",
  quarterly: "give a financial quarter such as Q1 2022-23 (April to June 2022)",
  annual: "give a financial year such as 2022-23",
};

const KIND_WORDS: Record<Reading["kind"], string> = {
  month: "a month",
  quarter: "a quarter",
  year: "a financial year",
  date: "a date, not a period",
  "calendar-quarter": "a quarter without its financial year",
};

const KIND_OF: Record<IndicatorFrequency, Reading["kind"]> = { monthly: "month", quarterly: "quarter", annual: "year" };

/**
 * Reads a period as people write it, for an indicator of `frequency`. Refuses, saying why: a period of another
 * frequency, a date, a calendar quarter ("Q1 2022": which financial year?), anything unreadable.
 */
export function parseIndicatorPeriod(frequency: IndicatorFrequency, text: string): PeriodParse {
  const shown = text.trim();
  if (shown === "") return { ok: false, error: `the period is empty; ${WANTS[frequency]}` };
  const all = readings(shown);
  const mine = all.find((r) => r.kind === KIND_OF[frequency]);
  if (mine?.period) return { ok: true, period: mine.period };
  if (mine?.error) return { ok: false, error: mine.error };
  const other = all.find((r) => !r.error);
  if (!other) return { ok: false, error: `"${shown}" is not a period; this indicator is ${frequency}: ${WANTS[frequency]}` };
  if (other.kind === "calendar-quarter")
    return { ok: false, error: `"${shown}" is ${KIND_WORDS[other.kind]}; quarters are financial quarters: ${WANTS.quarterly}` };
  return { ok: false, error: `"${shown}" is ${KIND_WORDS[other.kind]}; this indicator is ${frequency}: ${WANTS[frequency]}` };
}
