import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  financialYearOf,
  financialYearRange,
  formatDue,
  formatPeriod,
  isLeapYear,
  isoWeekday,
  lastDayOfMonth,
  parseFinancialYear,
  parseIsoDate,
  parsePeriod,
} from "../../src/domain/dates";
import { parseDuePhrase } from "../../src/domain/due-phrases";
import type { Due } from "../../src/domain/types";

type Expected = Pick<Due, "date" | "precision" | "kind">;
const month = (date: string, kind: Due["kind"] = "deliver-by"): Expected => ({ date, precision: "month", kind });
const day = (date: string): Expected => ({ date, precision: "day", kind: "deliver-by" });
const noDate: Expected = { date: null, precision: "month", kind: "deliver-by" };

describe("parseDuePhrase: every delivery phrase in the seed documents", () => {
  it.each<[string, Expected]>([
    ["November 2017", month("2017-11-30")],
    ["October 2017", month("2017-10-31")],
    ["December 2017", month("2017-12-31")],
    ["September 2017", month("2017-09-30")],
    ["September 2018", month("2018-09-30")],
    ["May 2018", month("2018-05-31")],
    ["March 2022", month("2022-03-31")],
    ["Review by March 2018", month("2018-03-31", "review-by")],
    ["Ongoing", noDate],
    ["ongoing", noDate],
    ["2023-24", month("2024-03-31")],
    ["2022-23", month("2023-03-31")],
    ["2020/21", month("2021-03-31")],
    ["", noDate],
  ])("%j", (text, expected) => {
    const r = parseDuePhrase(text);
    expect(r).toEqual({ ok: true, due: { ...expected, text } });
  });
});

describe("parseDuePhrase: other accepted forms", () => {
  it.each<[string, Expected]>([
    ["Review March 2019", month("2019-03-31", "review-by")],
    ["Review: March 2019", month("2019-03-31", "review-by")],
    ["review by sept 2019", month("2019-09-30", "review-by")],
    ["Review by 15 June 2024", { date: "2024-06-15", precision: "day", kind: "review-by" }],
    ["Review by 2023-24", month("2024-03-31", "review-by")],
    ["Sept 2017", month("2017-09-30")],
    ["Sep 2017", month("2017-09-30")],
    ["Feb 2024", month("2024-02-29")],
    ["February 2023", month("2023-02-28")],
    ["February 2100", month("2100-02-28")],
    ["Mar. 2019", month("2019-03-31")],
    ["MARCH 2019", month("2019-03-31")],
    ["end of March 2019", month("2019-03-31")],
    ["by March 2019", month("2019-03-31")],
    ["by the end of March 2019", month("2019-03-31")],
    ["By end of June 2024", month("2024-06-30")],
    ["May 2018.", month("2018-05-31")],
    ["  May   2018  ", month("2018-05-31")],
    ["2023/24", month("2024-03-31")],
    ["2023–24", month("2024-03-31")],
    ["2023-2024", month("2024-03-31")],
    ["2099-00", month("2100-03-31")],
    ["by 2023-24", month("2024-03-31")],
    ["Q1 2024", month("2024-03-31")],
    ["Q2 2024", month("2024-06-30")],
    ["Q3 2024", month("2024-09-30")],
    ["Q4 2024", month("2024-12-31")],
    ["Q1 2024-25", month("2024-06-30")],
    ["Q3 2024-25", month("2024-12-31")],
    ["Q4 2024-25", month("2025-03-31")],
    ["2024-06-15", day("2024-06-15")],
    ["2024-6-5", day("2024-06-05")],
    ["15/06/2024", day("2024-06-15")],
    ["05/06/2024", day("2024-06-05")],
    ["5-6-2024", day("2024-06-05")],
    ["15.06.2024", day("2024-06-15")],
    ["29/02/2024", day("2024-02-29")],
    ["15 June 2024", day("2024-06-15")],
    ["15th June 2024", day("2024-06-15")],
    ["1st Sept 2017", day("2017-09-01")],
    ["June 15 2024", day("2024-06-15")],
    ["June 15, 2024", day("2024-06-15")],
    ["TBC", noDate],
    ["On-going", noDate],
  ])("%j", (text, expected) => {
    const r = parseDuePhrase(text);
    expect(r).toEqual({ ok: true, due: { ...expected, text: text.trim() } });
  });
});

describe("parseDuePhrase: rejected, with the offending value named", () => {
  it.each<[string, RegExp]>([
    ["31/02/2024", /31\/02\/2024.*February 2024 has 29 days.*day 31/],
    ["29/02/2023", /February 2023 has 28 days/],
    ["31 April 2024", /April 2024 has 30 days/],
    ["Smarch 2019", /"Smarch" is not a month/],
    ["2019-13-01", /2019-13-01.*month 13 does not exist/],
    ["2019-00-10", /month 0 does not exist/],
    ["Spring 2019", /Spring 2019.*season/],
    ["Autumn 2020", /season/],
    ["2019", /a year alone is ambiguous/],
    ["March 19", /write the year in full \(19/],
    ["15/06/24", /write the year in full \(24/],
    ["March 1019", /year 1019 is outside/],
    ["2022-24", /2022-24.*2022-23/],
    ["2017-2021", /2017-2021.*not a financial year/],
    ["Q5 2024", /Q1 to Q4/],
    ["Review", /say when the review is due/],
    ["Review by", /say when the review is due/],
    ["by", /no date/],
    ["next year", /"next year" is not a date/],
    ["Blursday 3 2024", /"Blursday" is not a month/],
  ])("%j", (text, message) => {
    const r = parseDuePhrase(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe("formatDue", () => {
  it.each<[Due, string]>([
    [{ date: "2019-03-31", precision: "month", kind: "deliver-by", text: "March 2019" }, "March 2019"],
    [{ date: "2018-03-31", precision: "month", kind: "review-by", text: "Review by March 2018" }, "Review by March 2018"],
    [{ date: "2024-06-15", precision: "day", kind: "deliver-by", text: "15/06/2024" }, "15 June 2024"],
    [{ date: "2024-06-05", precision: "day", kind: "review-by", text: "" }, "Review by 5 June 2024"],
    [{ date: "2024-03-31", precision: "month", kind: "deliver-by", text: "2023-24" }, "March 2024"],
    [{ date: null, precision: "month", kind: "deliver-by", text: "" }, "No date"],
    [{ date: null, precision: "month", kind: "deliver-by", text: "  " }, "No date"],
    [{ date: null, precision: "month", kind: "deliver-by", text: "Ongoing" }, "Ongoing"],
  ])("%j → %s", (due, expected) => {
    expect(formatDue(due)).toBe(expected);
  });

  it.each(["Sept 2017", "Review: March 2019", "15th June 2024"])("round-trips %j through its display form", (text) => {
    const first = parseDuePhrase(text);
    if (!first.ok) throw new Error(first.error);
    const again = parseDuePhrase(formatDue(first.due));
    if (!again.ok) throw new Error(again.error);
    expect(again.due.date).toBe(first.due.date);
    expect(again.due.kind).toBe(first.due.kind);
    expect(again.due.precision).toBe(first.due.precision);
  });
});

describe("calendar arithmetic", () => {
  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [2000, 2, 29],
    [2100, 2, 28],
    [2024, 4, 30],
    [2024, 12, 31],
    [2024, 1, 31],
    [2024, 9, 30],
  ])("lastDayOfMonth(%i, %i) = %i", (y, m, expected) => {
    expect(lastDayOfMonth(y, m)).toBe(expected);
  });

  it.each([0, 13, 1.5])("lastDayOfMonth rejects month %d", (m) => {
    expect(() => lastDayOfMonth(2024, m)).toThrow(/does not exist/);
  });

  it.each([
    [2024, true],
    [2023, false],
    [2000, true],
    [1900, false],
  ])("isLeapYear(%i) = %s", (y, expected) => {
    expect(isLeapYear(y)).toBe(expected);
  });

  it.each([
    ["2024-02-28", 1, "2024-02-29"],
    ["2023-02-28", 1, "2023-03-01"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2024-03-30", 2, "2024-04-01"],
    ["2024-10-26", 2, "2024-10-28"],
    ["2024-01-01", 366, "2025-01-01"],
    ["2024-06-15", 0, "2024-06-15"],
  ])("addDays(%s, %i) = %s", (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ["2024-03-30", "2024-04-01", 2],
    ["2024-04-01", "2024-03-30", -2],
    ["2024-01-01", "2025-01-01", 366],
    ["2023-01-01", "2024-01-01", 365],
    ["2024-10-26", "2024-10-28", 2],
    ["2024-06-15", "2024-06-15", 0],
  ])("daysBetween(%s, %s) = %i", (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
  });

  it.each(["2024-02-30", "2024-13-01", "24-01-01", "2024-1-1", "nonsense"])("rejects %j as an ISO date", (s) => {
    expect(() => parseIsoDate(s)).toThrow(RangeError);
    expect(() => addDays(s, 1)).toThrow(RangeError);
  });

  it("rejects fractional day counts", () => {
    expect(() => addDays("2024-01-01", 0.5)).toThrow(/whole number/);
  });

  it.each([
    ["2024-03-25", 1],
    ["2024-03-29", 5],
    ["2024-03-30", 6],
    ["2024-03-31", 7],
  ])("isoWeekday(%s) = %i", (d, expected) => {
    expect(isoWeekday(d)).toBe(expected);
  });
});

describe("financial years", () => {
  it.each([
    ["2022-04-01", "2022-23"],
    ["2023-03-31", "2022-23"],
    ["2023-04-01", "2023-24"],
    ["2024-01-15", "2023-24"],
    ["2024-12-31", "2024-25"],
    ["2099-06-01", "2099-00"],
  ])("financialYearOf(%s) = %s", (date, expected) => {
    expect(financialYearOf(date)).toBe(expected);
  });

  it.each([
    ["2022-23", "2022-04-01", "2023-03-31"],
    ["2023/24", "2023-04-01", "2024-03-31"],
    ["2023–24", "2023-04-01", "2024-03-31"],
    ["2023-2024", "2023-04-01", "2024-03-31"],
  ])("financialYearRange(%s)", (label, start, end) => {
    expect(financialYearRange(label)).toEqual({ start, end });
  });

  it.each([
    ["2022-24", /2022-23/],
    ["2022-22", /not a financial year/],
    ["2022-2024", /not a financial year/],
    ["22-23", /not a financial year such as/],
    ["2022", /not a financial year such as/],
    ["1999-00", /outside/],
  ])("financialYearRange(%j) throws", (label, message) => {
    expect(() => financialYearRange(label)).toThrow(message);
    expect(parseFinancialYear(label).ok).toBe(false);
  });

  it("every date of a year falls in the range of its own label", () => {
    for (let d = "2023-01-01"; d <= "2024-12-31"; d = addDays(d, 1)) {
      const { start, end } = financialYearRange(financialYearOf(d));
      expect(d >= start && d <= end).toBe(true);
    }
  });
});

describe("plan periods", () => {
  it.each([
    ["2017-2021", 2017, 2021],
    ["2017-21", 2017, 2021],
    ["2023–2027", 2023, 2027],
    ["2015-2020", 2015, 2020],
    ["2024-2024", 2024, 2024],
    ["2095-05", 2095, 2105],
  ])("parsePeriod(%s)", (text, startYear, endYear) => {
    expect(parsePeriod(text)).toEqual({ startYear, endYear });
  });

  it.each([
    ["2021-2017", /ends \(2017\) before it starts \(2021\)/],
    ["2017-2028", /at most 10 years/],
    ["2017", /not a plan period/],
    ["17-21", /not a plan period/],
    ["1990-1994", /outside/],
  ])("parsePeriod(%j) throws", (text, message) => {
    expect(() => parsePeriod(text)).toThrow(message);
  });

  it("formats back to the stored form", () => {
    expect(formatPeriod(parsePeriod("2017-21"))).toBe("2017-2021");
  });
});
