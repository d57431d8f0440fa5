/**
 * Due phrases as councils write them in their plans ("End of March 2019", "31/03/2024", "Review by 2018",
 * "Ongoing"): read into a Due (a civil date with its precision and kind) or refused with the reason, so an import or
 * a form can say exactly what is wrong. Calendar rules come from dates.ts.
 */
import { formatFinancialYear, invalidDateReason, MAX_YEAR, MIN_YEAR, MONTH_LOOKUP, monthEnd, parseFinancialYear, toIsoDate } from "./dates.ts";
import type { Due } from "./types";

export type DueParseResult = { ok: true; due: Due } | { ok: false; error: string };

/** Phrases that mean "no fixed date": kept as text, never reminded. */
const NO_DATE_PHRASES = new Set(["ongoing", "on-going", "on going", "tbc", "to be confirmed"]);
/** Seasons are rejected: spring/summer/… have no agreed last day, and a reminder needs one. */
const SEASONS = new Set(["spring", "summer", "autumn", "winter"]);

const ok = (date: string | null, precision: Due["precision"], kind: Due["kind"], text: string): DueParseResult => ({
  ok: true,
  due: { date, precision, kind, text },
});
const fail = (error: string): DueParseResult => ({ ok: false, error });

function monthNumber(word: string): number | undefined {
  return MONTH_LOOKUP.get(word.toLowerCase().replace(/\.$/, ""));
}

function yearReason(year: number): string | null {
  return year < MIN_YEAR || year > MAX_YEAR ? `year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}` : null;
}

type DateOnly = { ok: true; date: string; precision: Due["precision"] } | { ok: false; error: string };

/** Parses the date part of a phrase, with any "Review by"/"by"/"end of" prefix already removed. */
function parseDatePart(part: string, original: string): DateOnly {
  const s = part.trim().replace(/,/g, " ").replace(/\s+/g, " ");
  const bad = (why: string): DateOnly => ({ ok: false, error: `"${original}" is not a date: ${why}` });
  const day = (y: number, m: number, d: number): DateOnly => {
    const reason = invalidDateReason(y, m, d);
    return reason ? bad(reason) : { ok: true, date: toIsoDate(y, m, d), precision: "day" };
  };
  const month = (y: number, m: number): DateOnly => {
    const reason = yearReason(y);
    return reason ? bad(reason) : { ok: true, date: monthEnd(y, m), precision: "month" };
  };

  // ISO: 2024-06-15
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));

  // UK numeric order, day first: 15/06/2024, 15-06-2024, 15.06.2024
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/.exec(s);
  if (m) {
    if (m[3].length !== 4) return bad(`write the year in full (${m[3]} is ambiguous)`);
    return day(Number(m[3]), Number(m[2]), Number(m[1]));
  }

  // Financial year: 2023-24, 2023/24, 2023-2024 (a financial year ends on 31 March).
  m = /^(?:fy|financial year)?\s*(\d{4}\s*[-/–—]\s*\d{2,4})$/i.exec(s);
  if (m) {
    const fy = parseFinancialYear(m[1]);
    if (!fy.ok) return { ok: false, error: fy.error };
    return month(fy.startYear + 1, 3);
  }

  // Quarters: "Q3 2024" is a calendar quarter (ends 30 September); "Q3 2024-25" is a financial-year quarter
  // (Q1 = April–June, so Q3 2024-25 ends 31 December 2024).
  m = /^q([1-4])\s+(\d{4})(?:\s*[-/–—]\s*(\d{2,4}))?$/i.exec(s);
  if (m) {
    const q = Number(m[1]);
    if (m[3] === undefined) return month(Number(m[2]), q * 3);
    const fy = parseFinancialYear(`${m[2]}-${m[3]}`);
    if (!fy.ok) return { ok: false, error: fy.error };
    return q === 4 ? month(fy.startYear + 1, 3) : month(fy.startYear, q * 3 + 3);
  }
  if (/^q\d+\b/i.test(s)) return bad(`quarters are Q1 to Q4`);

  // 15 June 2024, 15th June 2024, 1st Sept 2017
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+\.?)\s+(\d{2,4})$/i.exec(s);
  if (m) {
    const mo = monthNumber(m[2]);
    if (mo === undefined) return bad(`"${m[2]}" is not a month`);
    if (m[3].length !== 4) return bad(`write the year in full (${m[3]} is ambiguous)`);
    return day(Number(m[3]), mo, Number(m[1]));
  }

  // June 15 2024, June 15th, 2024 (American order, unambiguous because the month is a word)
  m = /^([a-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?\s+(\d{4})$/i.exec(s);
  if (m) {
    const mo = monthNumber(m[1]);
    if (mo === undefined) return bad(`"${m[1]}" is not a month`);
    return day(Number(m[3]), mo, Number(m[2]));
  }

  // March 2019, Sept 2017, Mar. 2019
  m = /^([a-z]+\.?)\s+(\d{2,4})$/i.exec(s);
  if (m) {
    const word = m[1].toLowerCase();
    if (SEASONS.has(word)) return bad(`seasons have no agreed end date; write a month such as "June ${m[2]}"`);
    const mo = monthNumber(word);
    if (mo === undefined) return bad(`"${m[1]}" is not a month`);
    if (m[2].length !== 4) return bad(`write the year in full (${m[2]} is ambiguous)`);
    return month(Number(m[2]), mo);
  }

  // A bare year is ambiguous between the calendar year and a financial year.
  m = /^(\d{4})$/.exec(s);
  if (m) return bad(`a year alone is ambiguous; write "December ${m[1]}" or a financial year such as "${formatFinancialYear(Number(m[1]) - 1)}"`);

  return bad(`expected a month ("March 2019"), a date ("15 June 2024", "15/06/2024", "2024-06-15"), a financial year ("2023-24") or "Ongoing"`);
}

/**
 * Reads a delivery phrase as the plans write it.
 *
 * Accepted: "" / "Ongoing" / "TBC" (no date); "November 2017", "Sept 2017" (month: its last day);
 * "Review by March 2018", "Review March 2019", "Review: March 2019" (kind review-by); "by March 2019",
 * "end of March 2019", "by the end of March 2019" (deliver-by); "2023-24" / "2023/24" (financial year: 31 March);
 * "Q3 2024" (calendar quarter) and "Q3 2024-25" (financial quarter); "2024-06-15", "15/06/2024" (UK day-first),
 * "15 June 2024", "15th June 2024", "June 15 2024".
 * Rejected with a reason: seasons ("Spring 2019"), a bare year ("2019"), two-digit years, impossible dates.
 */
export function parseDuePhrase(text: string): DueParseResult {
  const kept = text.trim();
  // Trailing full stops and stray spaces come from copying out of Word; they carry no meaning.
  const s = kept.replace(/\.+$/, "").replace(/\s+/g, " ").trim();
  if (s === "" || NO_DATE_PHRASES.has(s.toLowerCase())) return ok(null, "month", "deliver-by", kept);

  let kind: Due["kind"] = "deliver-by";
  let rest = s;
  const review = /^review\b\s*(?::\s*)?(?:by\b\s*)?(.*)$/i.exec(rest);
  if (review) {
    kind = "review-by";
    rest = review[1];
    if (rest.trim() === "") return fail(`"${text}": say when the review is due, e.g. "Review by March 2019"`);
  }
  rest = rest.replace(/^(?:by\b\s*)?(?:the\s+)?(?:end\s+of\b\s*)?/i, "");
  if (rest.trim() === "") return fail(`"${text}" has no date`);

  const parsed = parseDatePart(rest, text);
  if (!parsed.ok) return parsed;
  return ok(parsed.date, parsed.precision, kind, kept);
}
