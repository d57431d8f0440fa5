/**
 * Periods by frequency (src/domain/indicator-periods.ts): months, financial quarters and financial years, read as
 * people write them, and refused with a reason when they are of another frequency.
 */
import { describe, expect, it } from "vitest";
import {
  nextIndicatorPeriod,
  parseIndicatorPeriod,
  periodFromId,
  periodOf,
  periodsBetween,
  previousIndicatorPeriod,
} from "../../src/domain/indicator-periods.ts";
import type { IndicatorFrequency } from "../../src/domain/measure-constants.ts";

describe("the period containing a date", () => {
  it.each<[IndicatorFrequency, string, string, string, string, string]>([
    ["monthly", "2022-04-15", "2022-04", "2022-04-01", "2022-04-30", "April 2022"],
    ["monthly", "2024-02-29", "2024-02", "2024-02-01", "2024-02-29", "February 2024"],
    ["quarterly", "2022-04-01", "2022-23-Q1", "2022-04-01", "2022-06-30", "Q1 2022-23"],
    ["quarterly", "2022-09-30", "2022-23-Q2", "2022-07-01", "2022-09-30", "Q2 2022-23"],
    ["quarterly", "2022-12-25", "2022-23-Q3", "2022-10-01", "2022-12-31", "Q3 2022-23"],
    ["quarterly", "2023-03-31", "2022-23-Q4", "2023-01-01", "2023-03-31", "Q4 2022-23"],
    ["annual", "2023-03-31", "2022-23", "2022-04-01", "2023-03-31", "2022-23"],
    ["annual", "2023-04-01", "2023-24", "2023-04-01", "2024-03-31", "2023-24"],
    ["annual", "2099-12-31", "2099-00", "2099-04-01", "2100-03-31", "2099-00"],
  ])("%s %s → %s (%s to %s, %s)", (frequency, date, id, start, end, label) => {
    expect(periodOf(frequency, date)).toEqual({ id, frequency, start, end, label });
    expect(periodFromId(frequency, id)).toEqual(periodOf(frequency, date));
  });

  it("steps forward and back across year ends", () => {
    expect(nextIndicatorPeriod(periodOf("quarterly", "2023-02-01")).id).toBe("2023-24-Q1");
    expect(previousIndicatorPeriod(periodOf("quarterly", "2023-04-01")).id).toBe("2022-23-Q4");
    expect(nextIndicatorPeriod(periodOf("monthly", "2022-12-31")).id).toBe("2023-01");
    expect(periodsBetween(periodOf("annual", "2020-05-01"), periodOf("annual", "2022-05-01")).map((p) => p.id)).toEqual(["2020-21", "2021-22", "2022-23"]);
    expect(periodsBetween(periodOf("annual", "2022-05-01"), periodOf("annual", "2020-05-01"))).toEqual([]);
  });

  it("ids of one frequency sort in time order", () => {
    const ids = periodsBetween(periodOf("monthly", "2021-11-01"), periodOf("monthly", "2023-02-01")).map((p) => p.id);
    expect([...ids].sort()).toEqual(ids);
    const q = periodsBetween(periodOf("quarterly", "2021-11-01"), periodOf("quarterly", "2023-08-01")).map((p) => p.id);
    expect([...q].sort()).toEqual(q);
  });

  it("reads a stored id strictly", () => {
    expect(periodFromId("annual", "2022-24")).toBeNull();
    expect(periodFromId("annual", "2022-23-Q1")).toBeNull();
    expect(periodFromId("monthly", "2022-13")).toBeNull();
    expect(periodFromId("quarterly", "2022-23 Q1")).toBeNull();
  });
});

describe("reading a period as people write it", () => {
  it.each<[IndicatorFrequency, string, string]>([
    ["annual", "2022-23", "2022-23"],
    ["annual", "2020/21", "2020-21"],
    ["annual", "2022–23", "2022-23"],
    ["annual", "2022-2023", "2022-23"],
    ["annual", "2011-12", "2011-12"],
    ["quarterly", "Q1 2022-23", "2022-23-Q1"],
    ["quarterly", "2022-23 Q4", "2022-23-Q4"],
    ["quarterly", "2022/23 q2", "2022-23-Q2"],
    ["quarterly", "2022-23-Q3", "2022-23-Q3"],
    ["monthly", "2022-04", "2022-04"],
    ["monthly", "April 2022", "2022-04"],
    ["monthly", "Sept 2022", "2022-09"],
    ["monthly", "04/2022", "2022-04"],
    ["monthly", "2011-12", "2011-12"],
  ])("%s: %s → %s", (frequency, text, id) => {
    const r = parseIndicatorPeriod(frequency, text);
    expect(r).toMatchObject({ ok: true, period: { id } });
  });

  it.each<[IndicatorFrequency, string, RegExp]>([
    ["annual", "2022-04", /"2022-04" is a month; this indicator is annual: give a financial year such as 2022-23/],
    ["annual", "Q1 2022-23", /is a quarter; this indicator is annual/],
    ["annual", "2022-24", /not a financial year: one starting in April 2022 is 2022-23/],
    ["monthly", "2022-23", /"2022-23" is a financial year; this indicator is monthly: give a month such as April 2022/],
    ["quarterly", "2022-23", /is a financial year; this indicator is quarterly: give a financial quarter such as Q1 2022-23/],
    ["quarterly", "Q1 2022", /without its financial year; quarters are financial quarters/],
    ["monthly", "2022-04-30", /is a date, not a period/],
    ["annual", "next year", /"next year" is not a period; this indicator is annual/],
    ["annual", "  ", /the period is empty/],
    ["monthly", "2022-13", /not a period/],
    ["monthly", "Spring 2022", /not a period/],
  ])("%s: refuses %j", (frequency, text, message) => {
    const r = parseIndicatorPeriod(frequency, text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});
