/**
 * An indicator's values by its unit: read as typed ("1,234", "19 %", "£1,250.50", "12 days", or words for a text
 * measure) with the reason when they cannot be, and written back the same way for people to read.
 */
import { SINGLE_LINE_MAX } from "./constants.ts";
import type { IndicatorUnit } from "./measure-constants.ts";

export const isNumericUnit = (u: IndicatorUnit): boolean => u !== "text";

export type ValueParse = { ok: true; value: number | string } | { ok: false; error: string };

const UNIT_WORDS: Record<IndicatorUnit, string> = {
  count: "a whole number such as 23",
  number: "a number such as 4.5",
  percent: "a percentage between 0 and 100 such as 19 or 19 %",
  gbp: "an amount in pounds such as 1250 or £1,250.50",
  days: "a number of days such as 12",
  text: "words",
};

/** "1,234.5" → 1234.5; commas only as thousands separators ("1,23" is not a number). */
function plainNumber(s: string): number | null {
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(s)) return null;
  const n = Number(s.replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
}

/**
 * A value as typed (or as a spreadsheet gives it) for an indicator of `unit`. Numbers may carry their unit's sign
 * ("19 %", "£1,250", "12 days"); another unit's sign is refused ("19 %" for a count). Words where a number is
 * wanted ("n/a", "about 20", "12-15") are refused with what is wanted.
 */
export function parseIndicatorValue(unit: IndicatorUnit, raw: string | number): ValueParse {
  if (unit === "text") {
    const t = String(raw).trim();
    if (t === "") return { ok: false, error: "the value is empty" };
    if (t.length > SINGLE_LINE_MAX) return { ok: false, error: `the value is ${t.length} characters; keep it to ${SINGLE_LINE_MAX}` };
    return { ok: true, value: t };
  }
  const wants = `this indicator wants ${UNIT_WORDS[unit]}`;
  let n: number | null;
  if (typeof raw === "number") n = Number.isFinite(raw) ? raw : null;
  else {
    let s = raw.trim().replace(/\u00a0/g, " ");
    if (s === "") return { ok: false, error: `the value is empty; ${wants}` };
    const percent = /\s*%$/.test(s);
    const pounds = /^-?£/.test(s);
    const days = /\s*days?$/i.test(s);
    if ((percent && unit !== "percent") || (pounds && unit !== "gbp") || (days && unit !== "days"))
      return { ok: false, error: `"${s}" is ${percent ? "a percentage" : pounds ? "an amount in pounds" : "a number of days"}; ${wants}` };
    s = s.replace(/\s*%$/, "").replace(/^(-?)£\s*/, "$1").replace(/\s*days?$/i, "").trim();
    n = plainNumber(s);
  }
  if (n === null) return { ok: false, error: `"${String(raw).trim()}" is not a number; ${wants}` };
  if (unit === "count" && (!Number.isInteger(n) || n < 0)) return { ok: false, error: `${n} is not a whole number of 0 or more; ${wants}` };
  if (unit === "percent" && (n < 0 || n > 100)) return { ok: false, error: `${n} % is outside 0 to 100; ${wants}` };
  if (unit === "days" && n < 0) return { ok: false, error: `${n} days is negative; ${wants}` };
  if (unit === "gbp" && Math.round(n * 100) !== n * 100) return { ok: false, error: `£${n} has more than two decimals (pence); ${wants}` };
  return { ok: true, value: n };
}

// Built on first use, not at load: a module that only labels things (the tab's first view) never pays for them.
let formats: { grouping: Intl.NumberFormat; pence: Intl.NumberFormat } | undefined;
function numberFormats() {
  formats ??= {
    grouping: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }),
    pence: new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  };
  return formats;
}

/** "1,234", "19 %", "£1,250.50", "12 days", or the words of a text value. */
export function formatIndicatorValue(unit: IndicatorUnit, value: number | string): string {
  if (typeof value === "string") return value;
  const { grouping, pence } = numberFormats();
  switch (unit) {
    case "percent":
      return `${grouping.format(value)} %`;
    case "gbp":
      return `${value < 0 ? "-" : ""}£${Number.isInteger(value) ? grouping.format(Math.abs(value)) : pence.format(Math.abs(value))}`;
    case "days":
      return `${grouping.format(value)} ${value === 1 ? "day" : "days"}`;
    default:
      return grouping.format(value);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Definitions.
