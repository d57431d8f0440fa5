/**
 * Indicator definitions and values (src/domain/indicators.ts): numbers by unit, definitions and values checked with
 * every problem named by its field, corrections as revisions, the current value and the summary the lists keep.
 */
import { describe, expect, it } from "vitest";
import { formatIndicatorValue, parseIndicatorValue } from "../../src/domain/indicator-units.ts";
import { checkValue, currentRevision, currentValues, sameSummary, seriesOf, summariseValues, valueHistory } from "../../src/domain/indicator-values.ts";
import { checkIndicator, type IndicatorInput, type IndicatorValue } from "../../src/domain/indicators.ts";
import type { IndicatorUnit } from "../../src/domain/measure-constants.ts";
import { indicatorValue } from "./indicator-fixtures.ts";

describe("values by unit", () => {
  it.each<[IndicatorUnit, string | number, number | string]>([
    ["count", "23", 23],
    ["count", "1,234", 1234],
    ["count", 14, 14],
    ["number", "-4.5", -4.5],
    ["percent", "19", 19],
    ["percent", "19 %", 19],
    ["percent", "19.5%", 19.5],
    ["percent", "0", 0],
    ["gbp", "£1,250.50", 1250.5],
    ["gbp", "1250", 1250],
    ["days", "12 days", 12],
    ["days", "1 day", 1],
    ["text", "  Silver award ", "Silver award"],
  ])("%s %j → %j", (unit, raw, value) => {
    expect(parseIndicatorValue(unit, raw)).toEqual({ ok: true, value });
  });

  it.each<[IndicatorUnit, string | number, RegExp]>([
    ["count", "n/a", /"n\/a" is not a number; this indicator wants a whole number/],
    ["count", "about 20", /not a number/],
    ["count", "12-15", /not a number/],
    ["count", "2.5", /not a whole number/],
    ["count", "-1", /not a whole number of 0 or more/],
    ["count", "19 %", /"19 %" is a percentage; this indicator wants a whole number/],
    ["count", "", /the value is empty/],
    ["count", "1,23", /not a number/],
    ["percent", "120", /outside 0 to 100/],
    ["percent", "£5", /is an amount in pounds/],
    ["gbp", "10.555", /more than two decimals/],
    ["days", "-3", /negative/],
    ["number", Number.NaN, /not a number/],
    ["text", " ", /the value is empty/],
  ])("%s refuses %j", (unit, raw, message) => {
    const r = parseIndicatorValue(unit, raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it.each<[IndicatorUnit, number | string, string]>([
    ["count", 1234, "1,234"],
    ["percent", 19, "19 %"],
    ["percent", 19.25, "19.25 %"],
    ["gbp", 1250.5, "£1,250.50"],
    ["gbp", 1250, "£1,250"],
    ["gbp", -20, "-£20"],
    ["days", 1, "1 day"],
    ["days", 12, "12 days"],
    ["number", 4.567, "4.57"],
    ["text", "Silver award", "Silver award"],
  ])("formats %s %j as %j", (unit, v, shown) => {
    expect(formatIndicatorValue(unit, v)).toBe(shown);
  });
});

const good: IndicatorInput = {
  name: "Consultation response rate, 18-24 year olds",
  unit: "percent",
  direction: "higher-is-better",
  frequency: "annual",
  baseline: { value: "12", date: "2021-03-31" },
  target: { value: 25, date: "2025-03-31" },
  dataSource: "Let's Talk Maidstone",
  characteristics: ["age"],
  groups: ["18-24", "75 and over"],
};

describe("an indicator's definition", () => {
  it("accepts a whole definition and normalises it", () => {
    const r = checkIndicator({ ...good, name: "  Response   rate ", groups: [" 18-24 ", "75 and over"] });
    expect(r).toMatchObject({
      ok: true,
      definition: { name: "Response rate", baseline: { value: 12, date: "2021-03-31" }, target: { value: 25, date: "2025-03-31" }, groups: ["18-24", "75 and over"] },
    });
  });

  it.each<[string, Partial<IndicatorInput>, string, RegExp]>([
    ["a target date before the baseline", { target: { value: 25, date: "2020-03-31" } }, "target.date", /the target date \(31 March 2020\) is not after the baseline date \(31 March 2021\)/],
    ["a target date equal to the baseline", { target: { value: 25, date: "2021-03-31" } }, "target.date", /not after the baseline/],
    ["a baseline that is not a number", { baseline: { value: "twelve", date: "2021-03-31" } }, "baseline.value", /"twelve" is not a number/],
    ["a target out of range", { target: { value: 140, date: "2025-03-31" } }, "target.value", /outside 0 to 100/],
    ["an impossible baseline date", { baseline: { value: 12, date: "2021-02-30" } }, "baseline.date", /YYYY-MM-DD/],
    ["no name", { name: " " }, "name", /give the indicator a name/],
    ["an unknown unit", { unit: "stones" }, "unit", /choose a unit/],
    ["an unknown frequency", { frequency: "weekly" }, "frequency", /choose a frequency/],
    ["no direction for a number", { direction: null }, "direction", /higher or lower/],
    ["a characteristic the plan does not have", { characteristics: ["poverty"] }, "characteristics", /not a characteristic of this plan/],
    ["a group twice", { groups: ["BME", "bme"] }, "groups", /the same group is listed twice/],
    ["a baseline on a text indicator", { unit: "text", direction: null }, "baseline.value", /in words has no baseline or target/],
  ])("refuses %s, naming the field", (_, change, field, message) => {
    const r = checkIndicator({ ...good, ...change });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.find((p) => p.field === field)?.message).toMatch(message);
  });

  it("lists every problem at once", () => {
    const r = checkIndicator({ name: "", unit: "percent", frequency: "weekly", direction: "up", target: { value: "x", date: "tomorrow" } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field).sort()).toEqual(["direction", "frequency", "name", "target.date", "target.value"]);
  });

  it("accepts the plan's local characteristics", () => {
    expect(checkIndicator({ ...good, characteristics: ["poverty"] }, { localCharacteristics: ["poverty"] }).ok).toBe(true);
  });

  it("allows a target with no date and no baseline", () => {
    expect(checkIndicator({ ...good, baseline: null, target: { value: 100 } })).toMatchObject({ ok: true, definition: { target: { value: 100, date: null } } });
  });
});

const annual = { name: "Consultations completed", unit: "count" as const, frequency: "annual" as const, groups: ["External", "Internal"] };

describe("a value", () => {
  it("is checked against the indicator's frequency, groups and unit", () => {
    expect(checkValue(annual, { period: "2020/21", group: "external", value: "14" }, { today: "2021-10-20" })).toEqual({
      ok: true,
      value: { period: expect.objectContaining({ id: "2020-21" }), group: "External", value: 14, note: "" },
    });
  });

  it.each<[string, Parameters<typeof checkValue>[1], string, RegExp, boolean?]>([
    ["a period of another frequency", { period: "2021-04", value: 3 }, "period", /is a month; this indicator is annual/],
    ["a period not started", { period: "2022-23", value: 3 }, "period", /2022-23 has not started yet \(it starts on 1 April 2022\)/],
    ["an unknown group", { period: "2020-21", group: "Residents", value: 3 }, "group", /not a breakdown group of "Consultations completed" \(its groups: External, Internal\)/],
    ["words for a count", { period: "2020-21", value: "twenty" }, "value", /"twenty" is not a number/],
    ["a correction without a reason", { period: "2020-21", value: 24 }, "note", /say why the value is corrected/, true],
  ])("refuses %s", (_, input, field, message, correcting) => {
    const r = checkValue(annual, input, { today: "2021-10-20", correcting });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.find((p) => p.field === field)?.message).toMatch(message);
  });
});

const v = (period: string, value: number | string, revision = 1, group = ""): IndicatorValue => indicatorValue({ period, value, revision, group });

describe("corrections and the current value", () => {
  const values = [v("2021-22", 12), v("2022-23", 18), v("2022-23", 19, 2), v("2020-21", 10), v("2022-23", 7, 1, "18-24")];

  it("takes the highest revision of each period and group, and keeps the history", () => {
    expect(currentValues(values).map((x) => `${x.period}/${x.group}=${x.value}`).sort()).toEqual(["2020-21/=10", "2021-22/=12", "2022-23/18-24=7", "2022-23/=19"]);
    expect(valueHistory(values, "2022-23").map((x) => x.value)).toEqual([18, 19]);
    expect(currentRevision(values, "2022-23")).toBe(2);
    expect(currentRevision(values, "2023-24")).toBe(0);
  });

  it("orders a group's series by period and stops where asked", () => {
    expect(seriesOf({ frequency: "annual" }, values).map((p) => p.value)).toEqual([10, 12, 19]);
    expect(seriesOf({ frequency: "annual" }, values, "", "2022-04-01").map((p) => p.value)).toEqual([10, 12]);
    expect(seriesOf({ frequency: "annual" }, values, "18-24").map((p) => p.value)).toEqual([7]);
  });

  it("summarises the newest value and the one before it", () => {
    const s = summariseValues({ frequency: "annual" }, values);
    expect(s).toEqual({ latestPeriod: "2022-23", latestValue: 19, previousPeriod: "2021-22", previousValue: 12, periods: 3 });
    expect(summariseValues({ frequency: "annual" }, [])).toBeNull();
    expect(sameSummary(s, { ...s!, latestValue: 18 })).toBe(false);
    expect(sameSummary(null, null)).toBe(true);
  });
});
