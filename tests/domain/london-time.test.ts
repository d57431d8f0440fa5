import { describe, expect, it } from "vitest";
import {
  londonDate,
  londonDaysBetween,
  londonHour,
  londonMidnightToInstant,
  londonOffsetMinutes,
  londonTimeOfDay,
  londonWallTimeToInstant,
  londonWeekday,
} from "../../src/domain/london-time";

describe("London civil date and hour across the clock changes", () => {
  // 2024: BST began 31 March at 01:00 UTC and ended 27 October at 01:00 UTC.
  it.each([
    ["2024-01-15T23:30:00Z", "2024-01-15", 23, "23:30"], // GMT: London = UTC
    ["2024-03-31T00:59:59Z", "2024-03-31", 0, "00:59"], // last second of GMT
    ["2024-03-31T01:00:00Z", "2024-03-31", 2, "02:00"], // clocks jump to 02:00 BST
    ["2024-03-31T23:30:00Z", "2024-04-01", 0, "00:30"], // already 1 April in London
    ["2024-03-31T22:59:00Z", "2024-03-31", 23, "23:59"],
    ["2024-06-30T23:00:00Z", "2024-07-01", 0, "00:00"],
    ["2024-10-27T00:59:00Z", "2024-10-27", 1, "01:59"], // first 01:59 (BST)
    ["2024-10-27T01:00:00Z", "2024-10-27", 1, "01:00"], // clocks go back to 01:00 GMT
    ["2024-10-26T23:30:00Z", "2024-10-27", 0, "00:30"], // still BST: next day in London
    ["2024-10-27T23:30:00Z", "2024-10-27", 23, "23:30"], // GMT again: same day
    ["2024-12-31T23:59:59Z", "2024-12-31", 23, "23:59"],
    ["2025-03-30T00:30:00Z", "2025-03-30", 0, "00:30"], // 2025 change: last Sunday is 30 March
    ["2025-03-30T01:30:00Z", "2025-03-30", 2, "02:30"],
  ])("%s → %s %i (%s)", (instant, date, hour, hhmm) => {
    expect(londonDate(instant)).toBe(date);
    expect(londonDate(new Date(instant))).toBe(date);
    expect(londonHour(instant)).toBe(hour);
    expect(londonTimeOfDay(instant)).toBe(hhmm);
  });

  it.each([
    ["2024-01-15T12:00:00Z", 0],
    ["2024-03-31T00:59:59Z", 0],
    ["2024-03-31T01:00:00Z", 60],
    ["2024-07-01T12:00:00Z", 60],
    ["2024-10-27T00:59:00Z", 60],
    ["2024-10-27T01:00:00Z", 0],
  ])("offset at %s is %i minutes", (instant, offset) => {
    expect(londonOffsetMinutes(instant)).toBe(offset);
  });

  it.each([
    ["2024-03-31T22:30:00Z", 7], // Sunday 23:30 BST
    ["2024-03-31T23:30:00Z", 1], // Monday 00:30 BST
    ["2024-01-07T23:30:00Z", 7], // Sunday 23:30 GMT
    ["2024-06-07T09:00:00Z", 5],
    ["2024-06-08T09:00:00Z", 6],
  ])("londonWeekday(%s) = %i", (instant, weekday) => {
    expect(londonWeekday(instant)).toBe(weekday);
  });

  it("rejects an invalid instant", () => {
    expect(() => londonDate("not a time")).toThrow(RangeError);
    expect(() => londonDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("London wall time to instant", () => {
  it.each([
    ["2024-01-01", "2024-01-01T00:00:00.000Z"],
    ["2024-03-31", "2024-03-31T00:00:00.000Z"], // the change is at 01:00, after midnight
    ["2024-04-01", "2024-03-31T23:00:00.000Z"],
    ["2024-07-01", "2024-06-30T23:00:00.000Z"],
    ["2024-10-27", "2024-10-26T23:00:00.000Z"], // midnight is still BST
    ["2024-10-28", "2024-10-28T00:00:00.000Z"],
  ])("londonMidnightToInstant(%s) = %s", (date, instant) => {
    expect(londonMidnightToInstant(date)).toBe(instant);
    expect(londonDate(instant)).toBe(date);
    expect(londonHour(instant)).toBe(0);
  });

  it.each<[string, number, number, string]>([
    ["2024-06-15", 8, 0, "2024-06-15T07:00:00.000Z"],
    ["2024-12-15", 8, 0, "2024-12-15T08:00:00.000Z"],
    ["2024-03-31", 1, 30, "2024-03-31T01:30:00.000Z"], // in the gap: read as GMT, i.e. 02:30 BST
    ["2024-10-27", 1, 30, "2024-10-27T00:30:00.000Z"], // in the overlap: the earlier (BST) one
  ])("londonWallTimeToInstant(%s, %i, %i) = %s", (date, h, m, instant) => {
    expect(londonWallTimeToInstant(date, h, m)).toBe(instant);
  });

  it("counts London days, not 24-hour periods, across a clock change", () => {
    expect(londonDaysBetween("2024-03-30T23:30:00Z", "2024-03-31T23:30:00Z")).toBe(2);
    expect(londonDaysBetween("2024-03-30T12:00:00Z", "2024-03-31T12:00:00Z")).toBe(1);
  });
});
