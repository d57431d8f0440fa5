import { describe, expect, it } from "vitest";
import {
  bankHolidaysForYear,
  easterSunday,
  ENGLAND_AND_WALES_BANK_HOLIDAY_DATES,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
  isBankHoliday,
} from "../../src/domain/bank-holidays";
import { isoWeekday } from "../../src/domain/dates";

const list = ENGLAND_AND_WALES_BANK_HOLIDAYS;

describe("England and Wales bank holidays", () => {
  it.each([
    ["2024-03-29", "Good Friday"],
    ["2024-04-01", "Easter Monday"],
    ["2024-12-26", "Boxing Day"],
    ["2026-08-31", "Summer bank holiday"],
    ["2017-01-02", "New Year’s Day (substitute day)"],
    ["2020-05-08", "Early May bank holiday"],
    ["2022-06-02", "Spring bank holiday"],
    ["2022-06-03", "Platinum Jubilee bank holiday"],
    ["2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II"],
    ["2023-05-08", "Bank holiday for the coronation of King Charles III"],
    ["2022-01-03", "New Year’s Day (substitute day)"],
    ["2022-12-27", "Christmas Day (substitute day)"],
    ["2020-12-28", "Boxing Day (substitute day)"],
    ["2021-12-27", "Christmas Day (substitute day)"],
    ["2021-12-28", "Boxing Day (substitute day)"],
    ["2026-12-28", "Boxing Day (substitute day)"],
    ["2030-04-19", "Good Friday"],
  ])("%s is %s", (date, name) => {
    expect(isBankHoliday(date, list)).toBe(true);
    expect(list.find((h) => h.date === date)?.name.startsWith(name.split(" (")[0])).toBe(true);
  });

  it.each([
    "2020-05-04", // the usual early May Monday, moved for VE day
    "2022-05-30", // the usual spring Monday, moved for the Jubilee
    "2022-01-01", // a Saturday: the holiday is the substitute Monday
    "2021-12-25",
    "2024-03-31", // Easter Sunday is not a bank holiday
    "2024-12-24",
    "2024-03-28",
    "2016-12-26", // outside the range
  ])("%s is not a bank holiday", (date) => {
    expect(isBankHoliday(date, list)).toBe(false);
  });

  it.each([
    [2017, ["01-02", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"]],
    [2020, ["01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"]],
    [2022, ["01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27"]],
    [2023, ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"]],
    [2024, ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"]],
    [2025, ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"]],
    [2026, ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"]],
    [2027, ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"]],
  ])("the whole of %i", (year, days) => {
    expect(bankHolidaysForYear(year).map((h) => h.date)).toEqual(days.map((d) => `${year}-${d}`));
  });

  it.each([
    [2017, "2017-04-16"],
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2038, "2038-04-25"],
    [2285, "2285-03-22"],
  ])("Easter Sunday %i is %s", (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it("covers 2017 to 2030, sorted, without duplicates, and never on a weekend", () => {
    const dates = ENGLAND_AND_WALES_BANK_HOLIDAY_DATES;
    expect(dates[0]).toBe("2017-01-02");
    expect(dates[dates.length - 1]).toBe("2030-12-26");
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    for (const d of dates) expect(isoWeekday(d)).toBeLessThan(6);
    // 8 a year, plus the Jubilee, the State Funeral and the Coronation.
    expect(dates.length).toBe(14 * 8 + 3);
  });

  it("accepts a policy's own list (dates only, or a Set)", () => {
    expect(isBankHoliday("2024-07-12", ["2024-07-12"])).toBe(true);
    expect(isBankHoliday("2024-07-12", new Set(["2024-07-12"]))).toBe(true);
    expect(isBankHoliday("2024-03-29", [])).toBe(false);
  });

  it("is frozen so that no caller can change the shared default", () => {
    expect(Object.isFrozen(ENGLAND_AND_WALES_BANK_HOLIDAYS)).toBe(true);
    expect(Object.isFrozen(ENGLAND_AND_WALES_BANK_HOLIDAYS[0])).toBe(true);
  });
});
