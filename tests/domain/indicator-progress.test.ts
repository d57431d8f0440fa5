/**
 * Trend and target (src/domain/indicator-progress.ts), table-driven: higher and lower is better, with and without
 * a baseline, missing periods, corrections, the as-of date, and the roll-up the dashboard shows per objective.
 */
import { describe, expect, it } from "vitest";
import {
  indicatorProgress,
  indicatorRollup,
  type ProgressIndicator,
  progressFromSummary,
  statusFromSummary,
  valueDueFromSummary,
} from "../../src/domain/indicator-progress.ts";
import { summariseValues } from "../../src/domain/indicator-values.ts";
import type { IndicatorSummary, IndicatorValue } from "../../src/domain/indicators.ts";
import { indicatorValue } from "./indicator-fixtures.ts";

const higher: ProgressIndicator = {
  unit: "percent",
  direction: "higher-is-better",
  frequency: "annual",
  baseline: { value: 10, date: "2020-03-31" },
  target: { value: 25, date: "2025-03-31" },
  valuesFrom: null,
};
const lower: ProgressIndicator = {
  unit: "days",
  direction: "lower-is-better",
  frequency: "annual",
  baseline: { value: 12, date: "2021-03-31" },
  target: { value: 8, date: "2025-03-31" },
  valuesFrom: null,
};

/** Values "2021-22=12, 2022-23=19" (a "rN" suffix makes a correction: "2022-23=20r2"). */
function values(spec: string, group = ""): IndicatorValue[] {
  return spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = /^(\S+)=(-?[\d.]+|\w[\w ]*?)(?:r(\d+))?$/.exec(s)!;
      const n = Number(m[2]);
      return indicatorValue({ period: m[1], group, value: Number.isNaN(n) ? m[2] : n, revision: m[3] ? Number(m[3]) : 1 });
    });
}

describe("trend and target, table-driven", () => {
  it.each<[string, ProgressIndicator, string, string, string, string, string]>([
    // name, indicator, values, as of, trend, status, words
    ["higher is better, rising on the line", higher, "2021-22=12, 2022-23=19", "2023-04-01", "up", "on-track", "up from 12 % in 2021-22 to 19 % in 2022-23, target 25 % by 31 March 2025"],
    ["higher is better, rising too slowly", higher, "2021-22=12, 2022-23=13", "2023-04-01", "up", "off-track", "up from 12 % in 2021-22 to 13 % in 2022-23, target 25 % by 31 March 2025"],
    ["higher is better, falling", higher, "2021-22=19, 2022-23=12", "2023-04-01", "down", "off-track", "down from 19 % in 2021-22 to 12 % in 2022-23, target 25 % by 31 March 2025"],
    ["higher is better, target reached", higher, "2022-23=25", "2023-04-01", "up", "met", "up from 10 % at the baseline (31 March 2020) to 25 % in 2022-23, target 25 % by 31 March 2025"],
    ["lower is better, falling is improving", lower, "2021-22=11, 2022-23=9", "2023-04-01", "down", "on-track", "down from 11 days in 2021-22 to 9 days in 2022-23, target 8 days by 31 March 2025"],
    ["lower is better, rising", lower, "2021-22=11, 2022-23=13", "2023-04-01", "up", "off-track", "up from 11 days in 2021-22 to 13 days in 2022-23, target 8 days by 31 March 2025"],
    ["lower is better, at target", lower, "2022-23=8", "2023-04-01", "down", "met", "down from 12 days at the baseline (31 March 2021) to 8 days in 2022-23, target 8 days by 31 March 2025"],
    ["lower is better, deadline passed", lower, "2023-24=10, 2024-25=9", "2025-04-02", "down", "missed", "down from 10 days in 2023-24 to 9 days in 2024-25, target 8 days by 31 March 2025"],
    ["unchanged", higher, "2021-22=15, 2022-23=15", "2023-04-01", "flat", "off-track", "unchanged at 15 % from 2021-22 to 2022-23, target 25 % by 31 March 2025"],
    ["a missing period in between", higher, "2020-21=11, 2022-23=19", "2023-04-01", "up", "on-track", "up from 11 % in 2020-21 to 19 % in 2022-23 (no value for 2021-22), target 25 % by 31 March 2025"],
    ["a correction counts, not the first figure", higher, "2021-22=12, 2022-23=13, 2022-23=20r2", "2023-04-01", "up", "on-track", "up from 12 % in 2021-22 to 20 % in 2022-23, target 25 % by 31 March 2025"],
    ["no value yet", higher, "", "2023-04-01", "none", "no-data", "No value recorded, target 25 % by 31 March 2025"],
    ["values after the as-of date are not counted", higher, "2021-22=12, 2022-23=19, 2023-24=30", "2023-04-01", "up", "on-track", "up from 12 % in 2021-22 to 19 % in 2022-23, target 25 % by 31 March 2025"],
  ])("%s", (_, indicator, spec, asOf, trend, status, words) => {
    const p = indicatorProgress(indicator, values(spec), asOf);
    expect({ trend: p.trend, status: p.status, words: p.words }).toEqual({ trend, status, words });
  });

  it.each<[string, Partial<ProgressIndicator>, string, string, string]>([
    ["no baseline, improving", { baseline: null }, "2021-22=12, 2022-23=19", "on-track", "19 % in 2022-23, improving on 2021-22; no baseline and target date to measure the way"],
    ["no baseline, worsening", { baseline: null }, "2021-22=19, 2022-23=12", "off-track", "12 % in 2022-23, not improving on 2021-22"],
    ["no baseline, one value", { baseline: null }, "2022-23=19", "off-track", "19 % in 2022-23, short of the target, with nothing earlier to show it moving"],
    ["no target", { target: null }, "2022-23=19", "no-target", "no target is set"],
    ["target without a date, not reached", { target: { value: 100, date: null } }, "2021-22=80, 2022-23=90", "on-track", "90 % in 2022-23, improving on 2021-22; no baseline and target date to measure the way"],
  ])("%s", (_, change, spec, status, reason) => {
    const p = indicatorProgress({ ...higher, ...change }, values(spec), "2023-04-01");
    expect({ status: p.status, reason: p.reason }).toEqual({ status, reason });
  });

  it("says how far along the line the value should be", () => {
    const p = indicatorProgress(higher, values("2022-23=13"), "2023-04-01");
    // 10 % on 31 March 2020 to 25 % on 31 March 2025: three years of five gone by 31 March 2023, so 19 % expected.
    expect(p.reason).toBe("13 % in 2022-23 against 19 % expected on the way from 10 % to 25 %");
    expect(p.status).toBe("off-track");
  });

  it("reads a value in words as it is, with no target", () => {
    const p = indicatorProgress({ ...higher, unit: "text", direction: null, baseline: null }, values("2022-23=Silver award"), "2023-04-01");
    expect(p).toMatchObject({ words: "Silver award (2022-23)", status: "no-target", trend: "single" });
  });

  it("judges a breakdown group on its own series", () => {
    const all = [...values("2021-22=12, 2022-23=19"), ...values("2021-22=9, 2022-23=7", "18-24")];
    expect(indicatorProgress(higher, all, "2023-04-01", "18-24").words).toBe("down from 9 % in 2021-22 to 7 % in 2022-23, target 25 % by 31 March 2025");
  });
});

describe("missing periods", () => {
  it.each<[string, Partial<ProgressIndicator>, string, string, string[]]>([
    ["from the period after the baseline", {}, "2021-22=12", "2023-06-01", ["2020-21", "2022-23"]],
    ["from valuesFrom when given", { valuesFrom: "2022-01-01" }, "", "2023-06-01", ["2021-22", "2022-23"]],
    ["from the first value without a baseline", { baseline: null }, "2021-22=12", "2024-04-01", ["2022-23", "2023-24"]],
    ["nothing expected without a start", { baseline: null }, "", "2024-04-01", []],
    ["the current period is not yet missing", {}, "2020-21=1, 2021-22=2, 2022-23=3", "2024-03-31", []],
    ["monthly", { frequency: "monthly", baseline: null, valuesFrom: "2023-01-15" }, "2023-02=5", "2023-05-10", ["2023-01", "2023-03", "2023-04"]],
    ["quarterly", { frequency: "quarterly", baseline: null, valuesFrom: "2023-04-01" }, "2023-24-Q2=5", "2024-01-02", ["2023-24-Q1", "2023-24-Q3"]],
  ])("%s", (_, change, spec, asOf, missing) => {
    const ind = { ...higher, ...change };
    expect(indicatorProgress(ind, values(spec), asOf).missing.map((p) => p.id)).toEqual(missing);
  });
});

describe("judged from the summary the lists keep", () => {
  it("agrees with the judgement from the values", () => {
    for (const [ind, spec] of [
      [higher, "2021-22=12, 2022-23=19"],
      [lower, "2021-22=11, 2022-23=13"],
      [higher, "2022-23=25"],
      [{ ...higher, baseline: null }, "2021-22=19, 2022-23=12"],
    ] as const) {
      const vs = values(spec);
      const summary = summariseValues({ frequency: ind.frequency }, vs);
      const full = indicatorProgress(ind, vs, "2023-04-01");
      const fast = progressFromSummary({ ...ind, summary }, "2023-04-01");
      expect({ status: fast.status, words: fast.words }).toEqual({ status: full.status, words: full.words });
      expect(statusFromSummary({ ...ind, summary }, "2023-04-01")).toBe(full.status);
    }
  });

  it("knows when the last complete period still lacks a value", () => {
    const summary: IndicatorSummary = { latestPeriod: "2021-22", latestValue: 12, previousPeriod: null, previousValue: null, periods: 1 };
    expect(valueDueFromSummary({ ...higher, summary }, "2023-05-01")?.id).toBe("2022-23");
    expect(valueDueFromSummary({ ...higher, summary: { ...summary, latestPeriod: "2022-23" } }, "2023-05-01")).toBeNull();
    expect(valueDueFromSummary({ ...higher, baseline: null, summary: null }, "2023-05-01")).toBeNull();
  });
});

describe("the dashboard's roll-up per objective", () => {
  it("counts indicators on and off target per objective, in the objectives' order", () => {
    const s = (latest: number, previous: number | null = null): IndicatorSummary => ({
      latestPeriod: "2022-23",
      latestValue: latest,
      previousPeriod: previous === null ? null : "2021-22",
      previousValue: previous,
      periods: previous === null ? 1 : 2,
    });
    const rows = indicatorRollup(
      [20, 10, 30],
      [
        { id: 1, objectiveId: 10 },
        { id: 2, objectiveId: 10 },
        { id: 3, objectiveId: 20 },
      ],
      [
        { ...higher, actionId: 1, summary: s(19, 12) }, // on track
        { ...higher, actionId: 1, summary: s(26) }, // met
        { ...lower, actionId: 2, summary: s(13, 11) }, // off track
        { ...higher, actionId: 3, summary: null }, // no data, and 2022-23 is due
        { ...higher, actionId: 3, target: null, summary: s(5) }, // no target
        { ...higher, actionId: 99, summary: s(1) }, // another plan's action: left out
      ],
      "2023-05-01",
    );
    expect(rows.map((r) => r.objectiveId)).toEqual([20, 10]);
    expect(rows[1]).toMatchObject({ total: 3, onTarget: 2, offTarget: 1, unknown: 0, counts: { met: 1, "on-track": 1, "off-track": 1 } });
    expect(rows[0]).toMatchObject({ total: 2, onTarget: 0, offTarget: 0, unknown: 2, valueDue: 1, counts: { "no-data": 1, "no-target": 1 } });
  });
});
