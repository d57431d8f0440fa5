import { describe, expect, it } from "vitest";
import { ENGLAND_AND_WALES_BANK_HOLIDAY_DATES as HOLIDAYS } from "../../src/domain/bank-holidays";
import {
  addWorkingDays,
  isWorkingDay,
  lastWorkingDayOfMonth,
  lastWorkingDayOnOrBefore,
  nextWorkingDayOnOrAfter,
} from "../../src/domain/working-days";

describe("working days (England and Wales)", () => {
  it.each([
    ["2024-06-07", true], // Friday
    ["2024-06-08", false], // Saturday
    ["2024-06-09", false], // Sunday
    ["2024-03-29", false], // Good Friday
    ["2024-04-01", false], // Easter Monday
    ["2024-04-02", true],
    ["2024-12-26", false],
    ["2026-08-31", false],
    ["2024-12-24", true],
  ])("isWorkingDay(%s) = %s", (date, expected) => {
    expect(isWorkingDay(date, HOLIDAYS)).toBe(expected);
  });

  it("treats every weekday as working with an empty holiday list", () => {
    expect(isWorkingDay("2024-03-29", [])).toBe(true);
  });

  it.each([
    ["2024-06-07", "2024-06-07"],
    ["2024-06-09", "2024-06-07"],
    ["2024-04-01", "2024-03-28"], // Easter Monday → Sun, Sat, Good Friday → Thursday
    ["2024-03-31", "2024-03-28"],
    ["2022-06-05", "2022-06-01"], // Jubilee Thursday and Friday
    ["2024-12-26", "2024-12-24"],
  ])("lastWorkingDayOnOrBefore(%s) = %s", (date, expected) => {
    expect(lastWorkingDayOnOrBefore(date, HOLIDAYS)).toBe(expected);
  });

  it.each([
    ["2024-06-07", "2024-06-07"],
    ["2024-06-08", "2024-06-10"],
    ["2024-03-29", "2024-04-02"],
    ["2024-12-25", "2024-12-27"],
    ["2021-12-25", "2021-12-29"],
  ])("nextWorkingDayOnOrAfter(%s) = %s", (date, expected) => {
    expect(nextWorkingDayOnOrAfter(date, HOLIDAYS)).toBe(expected);
  });

  it.each([
    ["2024-06-07", 1, "2024-06-10"],
    ["2024-06-07", 5, "2024-06-14"],
    ["2024-03-27", 2, "2024-04-02"],
    ["2024-04-02", -2, "2024-03-27"],
    ["2024-06-10", -1, "2024-06-07"],
    ["2024-06-08", 0, "2024-06-08"],
    ["2024-06-08", 1, "2024-06-10"],
  ])("addWorkingDays(%s, %i) = %s", (date, n, expected) => {
    expect(addWorkingDays(date, n, HOLIDAYS)).toBe(expected);
  });

  it.each([
    [2024, 3, "2024-03-28"], // 31st Sunday, 30th Saturday, 29th Good Friday
    [2024, 6, "2024-06-28"],
    [2024, 8, "2024-08-30"], // 31st is a Saturday
    [2024, 12, "2024-12-31"],
    [2021, 12, "2021-12-31"],
    [2026, 5, "2026-05-29"],
    [2019, 3, "2019-03-29"],
  ])("lastWorkingDayOfMonth(%i, %i) = %s", (y, m, expected) => {
    expect(lastWorkingDayOfMonth(y, m, HOLIDAYS)).toBe(expected);
  });

  it("refuses to search for ever when the holiday list blocks every day", () => {
    const everyDay: string[] = [];
    for (let i = 0; i < 400; i++) everyDay.push(new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10));
    expect(() => nextWorkingDayOnOrAfter("2024-01-01", everyDay)).toThrow(/no working day/);
  });
});
